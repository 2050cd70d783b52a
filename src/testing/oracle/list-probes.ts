import type { Rules } from './access-rules';
import type { Json } from './actor-session';
import { probeParticipationList } from './participation-probes';
import type { Actor, Case, Consultation, Person, Probe, Referral } from './world';
import type { WorldCheck } from './world-check';

// Lists: what must be listed and what may be, for the people search, the consultations, the
// referral boxes, the cases and the participation supports.

export type ListProbe = Exclude<Probe, { id: string }>;

export async function probeList(
  check: WorldCheck,
  actor: Actor,
  rules: Rules,
  probe: ListProbe,
): Promise<void> {
  const city = actor.city;
  switch (probe.kind) {
    case 'participation-list':
      return probeParticipationList(check, actor, rules, probe);
    case 'people-search': {
      const call = `GET /api/people?q=${probe.q}`;
      const answer = await check.get(actor, `/api/people?q=${encodeURIComponent(probe.q)}&limit=100`);
      const items = (answer.body.people ?? []) as Json[];
      if (check.listRefused(actor, rules, call, answer, items)) return;
      const named = city.persons.filter((p) => p.familyName === probe.familyName);
      const must = named.filter((p) => rules.personReasons(p).length > 0);
      const mustIds = must.map((p) => p.id);
      if (check.listFailed(actor, call, answer, 'R1', mustIds)) return;
      check.compareList(
        actor,
        rules,
        call,
        items.map((i) => String(i.id)),
        mustIds,
        new Set(mustIds),
        'R1',
        (id) => rules.personReasons(city.persons.find((p) => p.id === id) as Person).join('; '),
      );
      for (const _ of named.filter((q) => !must.includes(q))) check.tally?.check('R1', false, rules.reader);
      for (const item of items) {
        const person = must.find((p) => p.id === item.id);
        if (person) check.checkPersonContact(actor, rules, call, item, person);
      }
      return;
    }
    case 'consultation-list': {
      const call = 'GET /api/consultations';
      const answer = await check.get(actor, '/api/consultations');
      const items = (answer.body.consultations ?? []) as Json[];
      if (check.listRefused(actor, rules, call, answer, items)) return;
      const visible = city.consultations.filter((c) => rules.consultationReasons(c).length > 0);
      // the list is of the actor's own organisation's consultations (自機関の相談): those must
      // be there; other visible ones (referred to the actor) may be
      const must = visible.filter((c) => c.orgId === rules.o).map((c) => c.id);
      if (check.listFailed(actor, call, answer, 'R3', must)) return;
      for (const c of city.consultations)
        if (!visible.includes(c)) check.tally?.check('R3', false, rules.reader);
      check.compareList(
        actor,
        rules,
        call,
        items.map((i) => String(i.id)),
        must,
        new Set(visible.map((c) => c.id)),
        'R3',
        (id) =>
          rules.consultationReasons(city.consultations.find((c) => c.id === id) as Consultation).join('; '),
      );
      return;
    }
    case 'referral-lists': {
      const boxes = { inbox: [] as string[], sent: [] as string[] };
      const visible = city.referrals.filter((f) => rules.referralReasons(f).length > 0);
      const why = (id: string) =>
        rules.referralReasons(city.referrals.find((f) => f.id === id) as Referral).join('; ');
      for (const box of ['inbox', 'sent'] as const) {
        const call = `GET /api/referrals?box=${box}`;
        const answer = await check.get(actor, `/api/referrals?box=${box}`);
        const items = (answer.body.referrals ?? []) as Json[];
        if (check.listRefused(actor, rules, call, answer, items)) return;
        const boxed = city.referrals.filter((f) =>
          box === 'inbox' ? rules.referralReceived(f) : rules.referralSent(f),
        );
        const must = rules.reader === 'organisation' ? boxed.map((f) => f.id) : [];
        if (check.listFailed(actor, call, answer, 'R4', must)) return;
        boxes[box] = items.map((i) => String(i.id));
        // organisation readers: each box exactly; personal readers: each box within what they may see
        check.compareList(
          actor,
          rules,
          call,
          boxes[box],
          must,
          new Set((rules.reader === 'organisation' ? boxed : visible).map((f) => f.id)),
          'R4',
          why,
        );
      }
      for (const f of city.referrals) if (!visible.includes(f)) check.tally?.check('R4', false, rules.reader);
      if (rules.reader === 'personal') {
        // what they wrote is in one box or the other
        const both = [...boxes.inbox, ...boxes.sent];
        check.compareList(
          actor,
          rules,
          'GET /api/referrals?box=inbox + box=sent',
          both,
          visible.map((f) => f.id),
          new Set(visible.map((f) => f.id)),
          'R4',
          why,
        );
      }
      return;
    }
    case 'case-list': {
      const call = 'GET /api/cases?status=all';
      const answer = await check.get(actor, '/api/cases?status=all');
      const items = (answer.body.cases ?? []) as Json[];
      if (check.listRefused(actor, rules, call, answer, items)) return;
      const must = city.cases.filter((k) => rules.caseReasons(k).length > 0).map((k) => k.id);
      if (check.listFailed(actor, call, answer, 'R5', must)) return;
      for (const k of city.cases) if (!must.includes(k.id)) check.tally?.check('R5', false, rules.reader);
      check.compareList(
        actor,
        rules,
        call,
        items.map((i) => String(i.id)),
        must,
        new Set(must),
        'R5',
        (id) => rules.caseReasons(city.cases.find((k) => k.id === id) as Case).join('; '),
      );
      return;
    }
  }
}
