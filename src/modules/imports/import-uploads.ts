import { randomUUID } from 'node:crypto';
import { conflict, RecordNotVisible } from '../../server/errors';
import type { ImportKind } from '../../shared/program-vocabulary';
import type { Actor } from '../access/access.policy';
import type { ColumnMapping } from './import-fields';
import type { SheetTable } from './import-file';
import type { MatchKeys, RowMatch } from './import-matching';
import type { RowPlan } from './import-rows';
import type { CheckReport } from './imports.schemas';

// A file being imported lives in the server's memory between its steps (read → check →
// import), for the user and the organisation that sent it, for two hours at most. Nothing of it
// is written to disk or to the database before the import; a restart forgets it (send it again).

export type CheckedFile = {
  kind: ImportKind;
  columns: ColumnMapping;
  plans: RowPlan[];
  /** The 名寄せ keys of each plan (in the same order), computed once. */
  keys: MatchKeys[];
  matches: RowMatch[];
  report: CheckReport;
};

export type StoredUpload = {
  id: string;
  tenantId: string;
  userId: string;
  membershipId: string | null;
  table: SheetTable;
  checked: CheckedFile | null;
  /** A check or an import of this file is running. */
  busy: boolean;
  expiresAt: number;
  /** When a step last used the file: a file idle for long gives way when memory is short. */
  usedAt: number;
};

const LIFETIME_MS = 2 * 60 * 60 * 1000;
const IDLE_MS = 20 * 60 * 1000;
// A checked file of 100,000 rows holds about 125 MB: memory is budgeted by rows, not files (six
// one-row files must not stop anyone), and one municipality may take at most part of it, so a
// city's forgotten files never stop another city's imports.
const MAX_ROWS = 300_000;
const MAX_ROWS_PER_TENANT = 200_000;
const uploads = new Map<string, StoredUpload>();

const rowsHeld = (tenantId?: string) =>
  [...uploads.values()]
    .filter((u) => tenantId === undefined || u.tenantId === tenantId)
    .reduce((sum, u) => sum + u.table.rows.length, 0);

function forgetExpired(at: number) {
  for (const [id, upload] of uploads) if (upload.expiresAt < at && !upload.busy) uploads.delete(id);
}

/** Frees room for a new file: files idle for long go first, the longest idle first. */
function makeRoom(tenantId: string, rows: number, at: number) {
  const fits = () => rowsHeld() + rows <= MAX_ROWS && rowsHeld(tenantId) + rows <= MAX_ROWS_PER_TENANT;
  const idle = [...uploads.values()]
    .filter((u) => !u.busy && u.usedAt < at - IDLE_MS)
    .sort((a, b) => a.usedAt - b.usedAt);
  for (const upload of idle) {
    if (fits()) return true;
    uploads.delete(upload.id);
  }
  return fits();
}

/** Keeps the file; a user has one file in progress (sending another replaces the first). */
export function keepUpload(actor: Actor, table: SheetTable): StoredUpload {
  const at = Date.now();
  forgetExpired(at);
  for (const [id, upload] of uploads)
    if (upload.userId === actor.userId && upload.tenantId === actor.tenantId && !upload.busy)
      uploads.delete(id);
  if (!makeRoom(actor.tenantId, table.rows.length, at))
    throw conflict(
      'IMPORT_BUSY',
      'ほかの職員の取り込みが多く行われています。しばらくしてから、もう一度お試しください。',
    );
  const upload: StoredUpload = {
    id: randomUUID(),
    tenantId: actor.tenantId,
    userId: actor.userId,
    membershipId: actor.membershipId,
    table,
    checked: null,
    busy: false,
    expiresAt: at + LIFETIME_MS,
    usedAt: at,
  };
  uploads.set(upload.id, upload);
  return upload;
}

/** The user's file (in the membership that sent it); anyone else's, or a forgotten one, is not found. */
export function requireUpload(actor: Actor, id: string): StoredUpload {
  const upload = uploads.get(id);
  if (
    !upload ||
    upload.expiresAt < Date.now() ||
    upload.tenantId !== actor.tenantId ||
    upload.userId !== actor.userId ||
    upload.membershipId !== actor.membershipId
  )
    throw new RecordNotVisible(
      'import',
      id,
      '取り込み中のファイル（2時間で消えます。もう一度選んでください）',
    );
  if (upload.busy)
    throw conflict(
      'IMPORT_RUNNING',
      'このファイルの確認か取り込みが進んでいます。終わるまでお待ちください。',
    );
  upload.usedAt = Date.now();
  return upload;
}

export function forgetUpload(id: string) {
  uploads.delete(id);
}

/** For tests that share one process with others: start from no file held. */
export function forgetAllUploadsForTests() {
  uploads.clear();
}
