import type { RunningServer } from '../../server/start';
import type { Rules } from './access-rules';
import { type Answer, errorCode, getAs, type Json } from './actor-session';
import type { Mismatch, Rule, Tally } from './mismatches';
import type {
  Actor,
  Case,
  City,
  Consultation,
  Household,
  ParticipationSupport,
  Person,
  Referral,
  World,
} from './world';
import type { RecordKind } from './world-spec';

// The comparing shared by the record probes (record-probes.ts) and the list probes
// (list-probes.ts): where each record of a world is, why the rules let an actor see it, and
// each mismatch reported.

const RULE_OF: Record<RecordKind, Rule> = {
  person: 'R1',
  household: 'R2',
  consultation: 'R3',
  referral: 'R4',
  case: 'R5',
  participation: 'R8',
};
const hasContent = (value: unknown) => value !== null && value !== undefined;

export class WorldCheck {
  readonly mismatches: Mismatch[] = [];
  readonly where = new Map<string, { city: City; kind: RecordKind; record: unknown }>();

  constructor(
    readonly server: RunningServer,
    readonly world: World,
    readonly tally: Tally | null,
  ) {
    for (const city of world.cities) {
      for (const p of city.persons) this.where.set(p.id, { city, kind: 'person', record: p });
      for (const h of city.households) this.where.set(h.id, { city, kind: 'household', record: h });
      for (const c of city.consultations) this.where.set(c.id, { city, kind: 'consultation', record: c });
      for (const f of city.referrals) this.where.set(f.id, { city, kind: 'referral', record: f });
      for (const k of city.cases) this.where.set(k.id, { city, kind: 'case', record: k });
      for (const s of city.supports) this.where.set(s.id, { city, kind: 'participation', record: s });
    }
  }

  L = (id: string | null) => (id === null ? '—' : (this.world.labels.get(id) ?? `(not of this world) ${id}`));

  async get(actor: Actor, path: string): Promise<Answer> {
    if (this.tally) this.tally.requests++;
    return getAs(this.server.url, actor, path);
  }

  report(actor: Actor, m: Omit<Mismatch, 'role' | 'actor'>) {
    const full = { ...m, role: actor.membership.role, actor: actor.membership.label };
    this.mismatches.push(full);
    this.tally?.add(full);
  }

  /** Reasons the actor may see a record of this world (empty: not visible), with the rule that decides. */
  reasons(rules: Rules, id: string): { rule: Rule; reasons: string[]; why: string } {
    const found = this.where.get(id);
    if (!found) return { rule: 'R0', reasons: [], why: 'not a record of this world' };
    const rule = RULE_OF[found.kind];
    if (found.city !== rules.city)
      return { rule: 'R0', reasons: [], why: `a record of ${found.city.label}市, another municipality` };
    let reasons: string[];
    switch (found.kind) {
      case 'person':
        reasons = rules.personReasons(found.record as Person);
        break;
      case 'household':
        reasons = rules.householdReasons(found.record as Household);
        break;
      case 'consultation':
        reasons = rules.consultationReasons(found.record as Consultation);
        break;
      case 'referral':
        reasons = rules.referralReasons(found.record as Referral);
        break;
      case 'case':
        reasons = rules.caseReasons(found.record as Case);
        break;
      case 'participation':
        reasons = rules.participationReasons(found.record as ParticipationSupport);
        break;
    }
    const why =
      rules.reader === 'none'
        ? `${rules.role} reads no case content`
        : `no clause of ${rule} grants it to a ${rules.reader} reader`;
    return { rule, reasons, why };
  }

  /**
   * One record read by id: a refusal or the record, compared with what the rules say (404 when
   * not visible; 403 too for roles that read no case content). True when the record was rightly
   * shown, to be looked into further.
   */
  judgeRead(actor: Actor, rules: Rules, call: string, id: string, answer: Answer): boolean {
    const { rule, reasons, why } = this.reasons(rules, id);
    const visible = reasons.length > 0;
    this.tally?.check(rule, visible, rules.reader);
    const record = this.L(id);
    if (answer.status !== 200) {
      if (visible)
        this.report(actor, {
          rule,
          kind: 'false refusal',
          call,
          record,
          expected: `200: ${reasons.join('; ')}`,
          got: errorCode(answer),
        });
      else if (!(answer.status === 404 || (answer.status === 403 && rules.reader === 'none')))
        this.report(actor, {
          rule,
          kind: 'wrong answer',
          call,
          record,
          expected: rules.reader === 'none' ? '404 or 403' : '404',
          got: errorCode(answer),
        });
      return false;
    }
    if (!visible) {
      this.report(actor, {
        rule,
        kind: 'leak',
        call,
        record,
        expected: `404: ${why}`,
        got: '200 with the record',
      });
      return false;
    }
    return true;
  }

  checkPersonContact(actor: Actor, rules: Rules, call: string, shown: Json, person: Person) {
    const reasons = rules.personContactReasons(person);
    const fields = ['address', 'phones', 'notes'].filter((f) => hasContent(shown[f]));
    const expectShown = reasons.length > 0;
    this.tally?.check('R6', expectShown, rules.reader);
    if (!expectShown && fields.length > 0)
      this.report(actor, {
        rule: 'R6',
        kind: 'leak',
        call,
        record: person.label,
        expected: "contact details hidden: no own work and no consent in force for the actor's organisation",
        got: `${fields.join(', ')} shown`,
      });
    if (expectShown && fields.length < 3)
      this.report(actor, {
        rule: 'R6',
        kind: 'false refusal',
        call,
        record: person.label,
        expected: `address, phones and notes shown: ${reasons.join('; ')}`,
        got: `shown: [${fields.join(', ')}]`,
      });
  }

  checkHouseholdContact(actor: Actor, rules: Rules, call: string, shown: Json, household: Household) {
    const reasons = rules.householdContactReasons(household);
    const fields = ['address', 'notes'].filter((f) => hasContent(shown[f]));
    const expectShown = reasons.length > 0;
    this.tally?.check('R7', expectShown, rules.reader);
    if (!expectShown && fields.length > 0)
      this.report(actor, {
        rule: 'R7',
        kind: 'leak',
        call,
        record: household.label,
        expected:
          "address and notes hidden: no own work and no member's consent in force for the actor's organisation",
        got: `${fields.join(', ')} shown`,
      });
    if (expectShown && fields.length < 2)
      this.report(actor, {
        rule: 'R7',
        kind: 'false refusal',
        call,
        record: household.label,
        expected: `address and notes shown: ${reasons.join('; ')}`,
        got: `shown: [${fields.join(', ')}]`,
      });
  }

  /** Items of a list compared with the records that must be there and those that may be. */
  compareList(
    actor: Actor,
    rules: Rules,
    call: string,
    got: string[],
    must: string[],
    may: Set<string>,
    rule: Rule,
    mustWhy: (id: string) => string,
  ) {
    const gotSet = new Set(got);
    for (const id of must) {
      this.tally?.check(rule, true, rules.reader);
      if (!gotSet.has(id))
        this.report(actor, {
          rule,
          kind: 'false refusal',
          call,
          record: this.L(id),
          expected: `listed: ${mustWhy(id)}`,
          got: 'not listed',
        });
    }
    for (const id of got) {
      if (may.has(id)) continue;
      const { rule: r, reasons, why } = this.reasons(rules, id);
      this.report(actor, {
        rule: r === 'R0' ? 'R0' : rule,
        kind: reasons.length ? 'wrong answer' : 'leak',
        call,
        record: this.L(id),
        expected: reasons.length ? `not in this list (visible: ${reasons.join('; ')})` : `not listed: ${why}`,
        got: 'listed',
      });
    }
  }

  /** A list for a role that reads no case content: 403, or nothing listed. */
  listRefused(actor: Actor, rules: Rules, call: string, answer: Answer, items: unknown): boolean {
    if (rules.reader !== 'none') return false;
    if (answer.status === 403) return true;
    if (answer.status === 200 && Array.isArray(items)) {
      for (const item of items as Json[]) {
        const id = String(item.id);
        const { rule, why } = this.reasons(rules, id);
        this.report(actor, {
          rule,
          kind: 'leak',
          call,
          record: this.L(id),
          expected: `not listed: ${why}`,
          got: 'listed',
        });
      }
      return true;
    }
    this.report(actor, {
      rule: 'R0',
      kind: 'wrong answer',
      call,
      record: '—',
      expected: '403, or 200 with nothing listed',
      got: errorCode(answer),
    });
    return true;
  }

  listFailed(actor: Actor, call: string, answer: Answer, rule: Rule, must: string[]): boolean {
    if (answer.status === 200) return false;
    if (must.length === 0)
      this.report(actor, {
        rule,
        kind: 'wrong answer',
        call,
        record: '—',
        expected: '200',
        got: errorCode(answer),
      });
    for (const id of must)
      this.report(actor, {
        rule,
        kind: 'false refusal',
        call,
        record: this.L(id),
        expected: 'listed',
        got: errorCode(answer),
      });
    return true;
  }
}
