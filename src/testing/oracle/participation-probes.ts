import type { Rules } from './access-rules';
import type { Json } from './actor-session';
import type { Actor, ParticipationSupport, Probe } from './world';
import type { WorldCheck } from './world-check';

// 参加支援 (R8): a support is part of its person's record. One support read by id (and the
// resources matched to it), and the list of supports, whole or filtered by a person or a case.

export type ParticipationListProbe = Extract<Probe, { kind: 'participation-list' }>;

/** The resources matched to a support: refused exactly when the support itself is. */
export async function probeMatches(check: WorldCheck, actor: Actor, rules: Rules, id: string): Promise<void> {
  const call = `GET /api/participation/${check.L(id)}/matches`;
  const answer = await check.get(actor, `/api/participation/${id}/matches`);
  if (check.judgeRead(actor, rules, call, id, answer) && !Array.isArray(answer.body.matches))
    check.report(actor, {
      rule: 'R8',
      kind: 'wrong answer',
      call,
      record: check.L(id),
      expected: 'a list of matches',
      got: JSON.stringify(answer.body).slice(0, 120),
    });
}

/** A support rightly shown: about its own person. */
export function checkSupport(
  check: WorldCheck,
  actor: Actor,
  call: string,
  shown: Json,
  support: ParticipationSupport,
): void {
  if (shown.personId !== support.personId)
    check.report(actor, {
      rule: 'R8',
      kind: 'wrong answer',
      call,
      record: support.label,
      expected: `the support of ${check.L(support.personId)}`,
      got: `personId ${check.L(String(shown.personId))}`,
    });
}

/**
 * GET /api/participation?view=all lists exactly the supports the actor may see; view=mine,
 * exactly those of them whose 担当 is the actor's user; with personId or caseId, exactly those
 * of that person or case, and 404 when the person or case itself is not visible.
 */
export async function probeParticipationList(
  check: WorldCheck,
  actor: Actor,
  rules: Rules,
  probe: ParticipationListProbe,
): Promise<void> {
  const { mine, personId, caseId } = probe;
  const target = personId ?? caseId;
  const path = (id: string | null) =>
    `/api/participation?view=${mine ? 'mine' : 'all'}${personId ? `&personId=${id}` : caseId ? `&caseId=${id}` : ''}`;
  const call = `GET ${path(check.L(target))}`;
  const answer = await check.get(actor, path(target));
  const items = (answer.body.supports ?? []) as Json[];
  if (rules.reader === 'none' && target && answer.status === 404) return;
  if (check.listRefused(actor, rules, call, answer, items)) return;
  // the person or case filtered on is resolved first: not visible, not found (a 200 is a leak of it)
  const targetHidden = target !== null && check.reasons(rules, target).reasons.length === 0;
  if (target !== null && targetHidden) {
    check.judgeRead(actor, rules, call, target, answer);
    if (answer.status !== 200) return;
  }
  const chosen = actor.city.supports.filter(
    (s) =>
      (personId === null || s.personId === personId) &&
      (caseId === null || s.caseId === caseId) &&
      (!mine || target !== null || s.coordinatorId === rules.u),
  );
  const visible = targetHidden ? [] : chosen.filter((s) => rules.participationReasons(s).length > 0);
  const must = visible.map((s) => s.id);
  if (check.listFailed(actor, call, answer, 'R8', must)) return;
  for (const s of chosen) if (!visible.includes(s)) check.tally?.check('R8', false, rules.reader);
  check.compareList(
    actor,
    rules,
    call,
    items.map((i) => String(i.id)),
    must,
    new Set(must),
    'R8',
    (id) =>
      rules
        .participationReasons(actor.city.supports.find((s) => s.id === id) as ParticipationSupport)
        .join('; '),
  );
}
