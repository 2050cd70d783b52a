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
};

const LIFETIME_MS = 2 * 60 * 60 * 1000;
// a checked file of 100,000 rows holds about 125 MB: a handful at a time
const MAX_UPLOADS = 6;
const uploads = new Map<string, StoredUpload>();

function forgetExpired(at: number) {
  for (const [id, upload] of uploads) if (upload.expiresAt < at && !upload.busy) uploads.delete(id);
}

/** Keeps the file; a user has one file in progress (sending another replaces the first). */
export function keepUpload(actor: Actor, table: SheetTable): StoredUpload {
  const at = Date.now();
  forgetExpired(at);
  for (const [id, upload] of uploads)
    if (upload.userId === actor.userId && upload.tenantId === actor.tenantId && !upload.busy)
      uploads.delete(id);
  if (uploads.size >= MAX_UPLOADS)
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
  return upload;
}

export function forgetUpload(id: string) {
  uploads.delete(id);
}
