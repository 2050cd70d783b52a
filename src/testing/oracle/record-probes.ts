import type { Rules } from './access-rules';
import type { Json } from './actor-session';
import { checkSupport, probeMatches } from './participation-probes';
import type { Actor, Household, ParticipationSupport, Person, Referral } from './world';
import type { WorldCheck } from './world-check';
import type { RecordKind } from './world-spec';

// One record asked for by id: refused or shown as the rules say, and within it the contact
// details, a household's members, consultations and referrals, a referral's person, and a
// participation support's person and matches.

const PATH_OF: Record<RecordKind, string> = {
  person: '/api/people',
  household: '/api/households',
  consultation: '/api/consultations',
  referral: '/api/referrals',
  case: '/api/cases',
  participation: '/api/participation',
};

export async function probeRecord(
  check: WorldCheck,
  actor: Actor,
  rules: Rules,
  kind: RecordKind,
  id: string,
): Promise<void> {
  const call = `GET ${PATH_OF[kind]}/${check.L(id)}`;
  const answer = await check.get(actor, `${PATH_OF[kind]}/${id}`);
  if (kind === 'participation') await probeMatches(check, actor, rules, id);
  // the FHIR export of a case answers exactly as the case page does
  if (kind === 'case') {
    const exported = await check.get(actor, `/api/cases/${id}/fhir`);
    check.judgeRead(actor, rules, `GET /api/cases/${check.L(id)}/fhir`, id, exported);
  }
  if (!check.judgeRead(actor, rules, call, id, answer)) return;
  if (answer.body.id !== id) {
    check.report(actor, {
      rule: check.reasons(rules, id).rule,
      kind: 'wrong answer',
      call,
      record: check.L(id),
      expected: `the record ${check.L(id)}`,
      got: `id ${String(answer.body.id)}`,
    });
    return;
  }
  const found = check.where.get(id);
  if (!found) return;
  if (kind === 'participation')
    checkSupport(check, actor, call, answer.body, found.record as ParticipationSupport);
  if (kind === 'person') check.checkPersonContact(actor, rules, call, answer.body, found.record as Person);
  if (kind === 'household') {
    const household = found.record as Household;
    check.checkHouseholdContact(actor, rules, call, answer.body, household);
    const members = (answer.body.members ?? []) as { person: Json }[];
    const mustMembers = household.memberIds.filter(
      (pid) => rules.personReasons(actor.city.persons.find((p) => p.id === pid) as Person).length > 0,
    );
    check.compareList(
      actor,
      rules,
      `${call} (members)`,
      members.map((m) => String(m.person.id)),
      mustMembers,
      new Set(mustMembers),
      'R1',
      (pid) => rules.personReasons(actor.city.persons.find((p) => p.id === pid) as Person).join('; '),
    );
    for (const m of members) {
      const person = actor.city.persons.find((p) => p.id === m.person.id);
      if (person && mustMembers.includes(person.id))
        check.checkPersonContact(actor, rules, `${call} (members)`, m.person, person);
    }
    // the household page's consultations and referrals: only ones the actor may read
    for (const [list, itemRule] of [
      ['consultations', 'R3'],
      ['referrals', 'R4'],
    ] as const) {
      for (const item of (answer.body[list] ?? []) as Json[]) {
        const r = check.reasons(rules, String(item.id));
        check.tally?.check(itemRule, true, rules.reader);
        if (r.reasons.length === 0)
          check.report(actor, {
            rule: r.rule === 'R0' ? 'R0' : itemRule,
            kind: 'leak',
            call: `${call} (${list})`,
            record: check.L(String(item.id)),
            expected: `not shown: ${r.why}`,
            got: 'shown',
          });
      }
    }
  }
  if (kind === 'referral') {
    const referral = found.record as Referral;
    if (referral.personId) {
      const person = actor.city.persons.find((p) => p.id === referral.personId) as Person;
      const personReasons = rules.personReasons(person);
      const shown = answer.body.person as Json | null;
      check.tally?.check('R1', personReasons.length > 0, rules.reader);
      if (shown && personReasons.length === 0)
        check.report(actor, {
          rule: 'R1',
          kind: 'leak',
          call: `${call} (person)`,
          record: person.label,
          expected: `person not shown: no clause of R1 grants it`,
          got: 'person shown',
        });
      else if (!shown && personReasons.length > 0)
        check.report(actor, {
          rule: 'R1',
          kind: 'false refusal',
          call: `${call} (person)`,
          record: person.label,
          expected: `person shown: ${personReasons.join('; ')}`,
          got: 'person: null',
        });
      else if (shown) check.checkPersonContact(actor, rules, `${call} (person)`, shown, person);
    }
  }
}
