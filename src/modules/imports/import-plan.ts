import { badRequest } from '../../server/errors';
import { formatWestern } from '../../shared/dates';
import { type EntryWindow, tooFarBack } from '../../shared/schema-helpers';
import { householdsOfFile, type Identity, identityKey } from './import-records';
import type { RowPlan } from './import-rows';
import type { CheckedFile } from './import-uploads';
import type { CommitRequest, ImportPlan } from './imports.schemas';

// What an import will do once the user has decided: which rows go in, who each row's person
// is (a new record, an existing one, or the same as an earlier row), and how many records of
// each kind that makes. Refused, with a stable code, while a row that goes in has a problem or
// a possible match nobody has decided on.

export type ResolvedImport = {
  plan: ImportPlan;
  accepted: RowPlan[];
  identityOf: Map<number, Identity>;
};

const listRows = (rows: number[]) =>
  `${rows.slice(0, 10).join('・')}行目${rows.length > 10 ? ` ほか${rows.length - 10}行` : ''}`;

/**
 * A consultation's day is held to the municipality's window of late entry again when it goes in:
 * the window may have narrowed, or the day turned, since the file was checked.
 */
function refuseOutsideWindow(accepted: RowPlan[], window: EntryWindow | null) {
  if (!window) return;
  const late = accepted
    .filter((p) => p.consultation && formatWestern(p.consultation.receivedAt) < window.earliest)
    .map((p) => p.row);
  if (late.length > 0)
    throw badRequest(
      'TOO_FAR_BACK',
      `${tooFarBack(`${listRows(late)}の相談日`, window)}確認の後に設定か日付が変わりました。何も取り込んでいません。`,
      { rows: late },
    );
}

export function resolveImport(
  checked: CheckedFile,
  request: CommitRequest,
  window: EntryWindow | null,
): ResolvedImport {
  const skip = new Set(request.skipRows);
  const invalid = checked.report.invalidRows.filter((row) => !skip.has(row));
  if (invalid.length > 0)
    throw badRequest(
      'IMPORT_INVALID_ROWS',
      `誤りのある行が${invalid.length}行あります（${listRows(invalid)}）。ファイルを直して確認し直すか、その行を「取り込まない」にしてください。`,
      { rows: invalid },
    );
  const decisions = new Map(request.decisions.map((d) => [d.row, d]));
  const matchOf = new Map(checked.matches.map((m) => [m.row, m]));
  const accepted = checked.plans.filter((p) => !skip.has(p.row));
  refuseOutsideWindow(accepted, window);
  const identityOf = new Map<number, Identity>();
  const undecided: number[] = [];
  const wrong: number[] = [];
  for (const plan of accepted) {
    const match = matchOf.get(plan.row);
    // a possible duplicate the user may not see (elsewhere) also needs a decision: never a new record by default
    const needsDecision =
      !!match && (match.candidates.length > 0 || match.sameAsRows.length > 0 || match.elsewhere);
    const decision = needsDecision ? decisions.get(plan.row) : undefined;
    if (needsDecision && !decision) {
      undecided.push(plan.row);
      continue;
    }
    if (!decision || decision.choice === 'new') identityOf.set(plan.row, { kind: 'new', row: plan.row });
    else if (decision.choice === 'existing') {
      const candidate = match?.candidates.find((c) => c.personId === decision.personId);
      if (!candidate?.canLink) wrong.push(plan.row);
      else identityOf.set(plan.row, { kind: 'existing', personId: candidate.personId });
    } else {
      const earlier = match?.sameAsRows.some((s) => s.row === decision.sameAsRow)
        ? identityOf.get(decision.sameAsRow)
        : undefined;
      if (!earlier) wrong.push(plan.row);
      else identityOf.set(plan.row, earlier);
    }
  }
  if (undecided.length > 0)
    throw badRequest(
      'IMPORT_UNDECIDED',
      `同じ方かどうかを決めていない行が${undecided.length}行あります（${listRows(undecided)}）。行ごとに「同じ人として取り込む」か「別の人として新規登録」を選んでください。`,
      { rows: undecided },
    );
  if (wrong.length > 0)
    throw badRequest(
      'IMPORT_DECISION_INVALID',
      `選んだ「同じ人」が、その行の候補にありません（${listRows(wrong)}）。確認し直してから選んでください（取り込まない行と同じ人にはできません）。`,
      { rows: wrong },
    );
  return { plan: countPlan(checked, accepted, identityOf), accepted, identityOf };
}

function countPlan(checked: CheckedFile, accepted: RowPlan[], identityOf: Map<number, Identity>): ImportPlan {
  const { withNewPeople, grouped } = householdsOfFile({ accepted, identityOf });
  const consents = new Set<string>();
  for (const plan of accepted) {
    const identity = identityOf.get(plan.row);
    if (!identity) continue;
    const c = plan.consultation;
    if (c?.shareConsent === 'given') consents.add(`${identityKey(identity)}:${c.receivedAt.slice(0, 10)}`);
  }
  const identities = [...identityOf.values()];
  const newPeople = new Set(identities.filter((i) => i.kind === 'new').map(identityKey));
  const linked = new Set(identities.filter((i) => i.kind === 'existing').map(identityKey));
  const ownHouseholds = [...newPeople].filter((key) => !grouped.has(key)).length;
  return {
    rows: accepted.length,
    skipped: checked.report.rows - accepted.length,
    people: newPeople.size,
    linked: linked.size,
    households: withNewPeople.size + ownHouseholds,
    consultations: accepted.filter((p) => p.consultation).length,
    consents: consents.size,
  };
}
