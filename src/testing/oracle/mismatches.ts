import type { Role } from '../../shared/vocabulary';
import type { Reader } from './access-rules';

// What the server answered against what the rules expected: each mismatch, and the numbers of
// a run.

export type Rule = 'R0' | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8';
export type Kind = 'leak' | 'false refusal' | 'wrong answer';
export type Mismatch = {
  rule: Rule;
  kind: Kind;
  role: Role;
  actor: string;
  call: string;
  record: string;
  expected: string;
  got: string;
};

export function formatMismatches(mismatches: Mismatch[]): string {
  return mismatches
    .map(
      (m) =>
        `[${m.rule} ${m.kind}] actor ${m.actor}: ${m.call} — record ${m.record}\n    expected: ${m.expected}\n    got:      ${m.got}`,
    )
    .join('\n');
}

/** What a run has in numbers: checks by rule and reader, mismatches by kind. */
export class Tally {
  checks = new Map<string, { visible: number; hidden: number }>();
  mismatches = new Map<string, number>();
  byKind: Record<Kind, number> = { leak: 0, 'false refusal': 0, 'wrong answer': 0 };
  worlds = 0;
  requests = 0;
  insertMs = 0;
  requestMs = 0;

  constructor(readonly seed: number) {}

  check(rule: Rule, visible: boolean, reader: Reader) {
    const key = `${rule}/${reader}`;
    const entry = this.checks.get(key) ?? { visible: 0, hidden: 0 };
    if (visible) entry.visible++;
    else entry.hidden++;
    this.checks.set(key, entry);
  }
  add(m: Mismatch) {
    this.byKind[m.kind]++;
    const key = `${m.rule} ${m.kind} (${m.role})`;
    this.mismatches.set(key, (this.mismatches.get(key) ?? 0) + 1);
  }
  summary(): string {
    const lines = [
      `access oracle: ${this.worlds} worlds, ${this.requests} requests, seed ${this.seed} (writing worlds ${Math.round(this.insertMs)} ms, requests ${Math.round(this.requestMs)} ms)`,
      `  leaks: ${this.byKind.leak}, false refusals: ${this.byKind['false refusal']}, wrong answers: ${this.byKind['wrong answer']}`,
      '  checks by rule and reader (expected visible or shown / expected hidden):',
      ...[...this.checks.entries()].sort().map(([key, c]) => `    ${key}: ${c.visible} / ${c.hidden}`),
    ];
    for (const [key, n] of [...this.mismatches.entries()].sort()) lines.push(`  ${key}: ${n}`);
    return lines.join('\n');
  }
}
