import { asApplication, type Database } from '../../db/client';
import { AppError, badRequest, conflict } from '../../server/errors';
import type { EntryWindow } from '../../shared/schema-helpers';
import { requireOrganisation, requirePermission } from '../access/access.policy';
import { type ActorContext, recordAudit } from '../audit/audit.service';
import { issueVocabulary } from '../intake/issues.service';
import { mappingProblems, proposeKind, proposeMapping } from './import-fields';
import { readSheet } from './import-file';
import { fittingSources, listMappings } from './import-mappings.service';
import { keysOf, type MatchKeys, matchRows, type RowMatch } from './import-matching';
import { resolveImport } from './import-plan';
import { type RowIssue, type RowPlan, rowReader } from './import-rows';
import { breathe, type Emit } from './import-stream';
import {
  type CheckedFile,
  forgetUpload,
  keepUpload,
  requireUpload,
  type StoredUpload,
} from './import-uploads';
import { fixedValueProblems } from './import-values';
import { writeImport } from './import-writes';
import {
  type CheckReport,
  type CheckRequest,
  type CommitRequest,
  type ImportPlan,
  MAX_REPORTED_ISSUES,
  type Upload,
} from './imports.schemas';

// Import of people, households and consultations from a municipality's spreadsheet: the file
// is read and kept in memory, checked (nothing written; a report by row and column, 名寄せ
// against the municipality's records), then imported in one transaction once every row that
// goes in is valid and every possible match is decided.

const READ_CHUNK = 2000;

function requireImporter(context: ActorContext) {
  requirePermission(context.actor, 'records.import');
  return requireOrganisation(context.actor);
}

export async function receiveFile(db: Database, context: ActorContext, bytes: Uint8Array): Promise<Upload> {
  requireImporter(context);
  const table = await readSheet(bytes);
  const upload = keepUpload(context.actor, table);
  const columns = proposeMapping(table.headers);
  return {
    uploadId: upload.id,
    format: table.format,
    encoding: table.encoding,
    headers: table.headers,
    samples: table.headers.map((_, i) => table.rows.slice(0, 20).find((r) => r.cells[i])?.cells[i] ?? ''),
    rowCount: table.rows.length,
    proposal: { kind: proposeKind(columns), columns, fixed: {} },
    fittingMappings: fittingSources(await listMappings(db, context), table.headers),
  };
}

/** Runs a long step of a file: one at a time per file, and the file is free again afterwards. */
async function holding<T>(upload: StoredUpload, work: () => Promise<T>): Promise<T> {
  upload.busy = true;
  try {
    return await work();
  } finally {
    upload.busy = false;
  }
}

const matchWithProgress = (tx: Database, context: ActorContext, keys: MatchKeys[], emit: Emit) =>
  matchRows(tx, context.actor, keys, (done, total) =>
    emit({ type: 'progress', phase: 'match', done, total }),
  );

/** Validates the request and claims the file; the returned work is the streamed check. */
export async function startCheck(
  db: Database,
  root: Database,
  context: ActorContext,
  id: string,
  request: CheckRequest,
  window: EntryWindow | null,
) {
  requireImporter(context);
  const upload = requireUpload(context.actor, id);
  const { headers, rows } = upload.table;
  const problems = [
    ...mappingProblems(request.kind, request.columns, headers, request.fixed),
    ...fixedValueProblems(request.fixed),
  ];
  if (problems.length > 0)
    throw badRequest(
      'MAPPING_INVALID',
      problems.join(''),
      problems.map((message) => ({ path: 'columns', message })),
    );
  const read = rowReader(
    headers,
    request.columns,
    request.fixed,
    await issueVocabulary(db, context.actor),
    window,
  );
  upload.checked = null;
  upload.busy = true;
  return (emit: Emit) =>
    holding(upload, async () => {
      const issues: RowIssue[] = [];
      const invalidRows: number[] = [];
      const plans: RowPlan[] = [];
      const keys: MatchKeys[] = [];
      for (let at = 0; at < rows.length; at += READ_CHUNK) {
        for (const { row, cells } of rows.slice(at, at + READ_CHUNK)) {
          const result = read(row, cells);
          if (result.plan) {
            plans.push(result.plan);
            keys.push(keysOf(result.plan));
          } else invalidRows.push(row);
          issues.push(...result.issues);
        }
        emit({
          type: 'progress',
          phase: 'read',
          done: Math.min(at + READ_CHUNK, rows.length),
          total: rows.length,
        });
        await breathe();
      }
      const matches = await asApplication(root, { tenantId: context.actor.tenantId }, async (tx) => {
        const { matches: found, hiddenIds } = await matchWithProgress(tx, context, keys, emit);
        const shown = [...new Set(found.flatMap((m) => m.candidates.map((c) => c.personId)))];
        // the people behind 「ほかの機関に記録があります」 are named too: the notice told something of them
        await recordAudit(tx, context, {
          action: 'import.check',
          targetType: 'person',
          detail: { rows: rows.length, invalidRows: invalidRows.length, ids: shown, noticedIds: hiddenIds },
        });
        return found;
      });
      const report = reportOf(rows.length, plans, invalidRows, issues, matches);
      upload.checked = { kind: request.kind, columns: request.columns, plans, keys, matches, report };
      emit({ type: 'report', report });
    });
}

function reportOf(
  total: number,
  plans: RowPlan[],
  invalidRows: number[],
  issues: RowIssue[],
  matches: RowMatch[],
): CheckReport {
  const planOf = new Map(plans.map((p) => [p.row, p]));
  return {
    rows: total,
    validRows: plans.length,
    invalidRows,
    issues: issues.slice(0, MAX_REPORTED_ISSUES),
    issueCount: issues.length,
    matches: matches.map((m) => {
      const person = planOf.get(m.row)?.person;
      return {
        ...m,
        name: person ? `${person.familyName} ${person.givenName ?? ''}`.trim() : '',
        kana: person ? [person.familyNameKana, person.givenNameKana].filter(Boolean).join(' ') || null : null,
        birthDate: person?.birthDate ?? null,
      };
    }),
    consultations: plans.filter((p) => p.consultation).length,
  };
}

function requireChecked(upload: StoredUpload): CheckedFile {
  if (!upload.checked)
    throw conflict(
      'IMPORT_NOT_CHECKED',
      'まだ確認していません。「確認する（取り込まない）」を押してください。',
    );
  return upload.checked;
}

/** What the import would create with these decisions (nothing is written). */
export function planImport(
  context: ActorContext,
  id: string,
  request: CommitRequest,
  window: EntryWindow | null,
): ImportPlan {
  requireImporter(context);
  return resolveImport(requireChecked(requireUpload(context.actor, id)), request, window).plan;
}

const signature = (m: RowMatch | undefined) =>
  m
    ? JSON.stringify([
        m.candidates.map((c) => `${c.personId}:${c.canLink}`).sort(),
        m.sameAsRows.map((s) => s.row),
        m.elsewhere,
      ])
    : '';

/** Validates the decisions (400 unless every row that goes in is valid and decided); the returned work imports. */
export function startCommit(
  root: Database,
  context: ActorContext,
  id: string,
  request: CommitRequest,
  window: EntryWindow | null,
) {
  const organisationId = requireImporter(context);
  const upload = requireUpload(context.actor, id);
  const checked = requireChecked(upload);
  const resolved = resolveImport(checked, request, window);
  upload.busy = true;
  return (emit: Emit) =>
    holding(upload, async () => {
      const result = await asApplication(root, { tenantId: context.actor.tenantId }, async (tx) => {
        // the records may have changed since the check: the decisions stand only if the matches are the same
        const { matches: fresh } = await matchWithProgress(tx, context, checked.keys, emit);
        const before = new Map(checked.matches.map((m) => [m.row, m]));
        const after = new Map(fresh.map((m) => [m.row, m]));
        if (resolved.accepted.some((p) => signature(before.get(p.row)) !== signature(after.get(p.row))))
          throw new AppError(
            409,
            'IMPORT_CHANGED',
            '確認の後に、登録済みの記録が変わりました（同じ方の候補が増えた・減ったなど）。何も取り込んでいません。もう一度確認してください。',
          );
        await writeImport(tx, context, organisationId, resolved, (done, total) =>
          emit({ type: 'progress', phase: 'write', done, total }),
        );
        await recordAudit(tx, context, {
          action: 'import.commit',
          detail: { kind: checked.kind, ...resolved.plan },
        });
        return resolved.plan;
      });
      forgetUpload(upload.id);
      emit({ type: 'done', result });
    });
}
