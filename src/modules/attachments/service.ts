// Files attached to a record (case photos, evidence). The owning module checks
// access to its record first; this module checks the file and stores it.
import type { Ctx } from '../../core/context.js';
import type { Executor } from '../../db/kysely.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { sniff } from '../../core/storage.js';
import * as repo from './repo.js';

export const MAX_BYTES = 10 * 1024 * 1024;
export const MAX_PER_RECORD = 20;

export interface Upload {
  name: string;
  data: Buffer;
}

/** Checks and stores a file; its row is written in the caller's transaction (the bytes first, so a row never lacks its file). */
export async function attach(ctx: Ctx, tx: Executor, entity: string, entityId: string, by: string, file: Upload) {
  if (!ctx.storage) throw new Error('no storage configured');
  if (file.data.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空', 'The file is empty');
  if (file.data.length > MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '单个文件不能超过10MB，请压缩后重试', 'Files are limited to 10 MB');
  const type = sniff(file.data);
  if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '只能上传 JPG、PNG、WebP 照片或 PDF 文件', 'Only JPEG, PNG, WebP or PDF files');
  if ((await repo.countFor(tx, entity, entityId)) >= MAX_PER_RECORD)
    throw new AppError('VALIDATION_FAILED', `每条记录最多${MAX_PER_RECORD}个附件`, 'Too many attachments');
  const id = newId();
  const key = `${entity}/${entityId}/${id}.${type.ext}`;
  await ctx.storage.put(key, file.data);
  const row = {
    id,
    entity,
    entity_id: entityId,
    name: file.name.slice(0, 120) || `${id}.${type.ext}`,
    mime: type.mime,
    size: file.data.length,
    storage_key: key,
    uploaded_by: by,
    created_at: ctx.clock.now().toISOString(),
  };
  await repo.insert(tx, row);
  return view(row);
}

/** Several files for one record, in the caller's transaction, in order. */
export async function attachAll(ctx: Ctx, tx: Executor, entity: string, entityId: string, by: string, files: Upload[]) {
  const out = [];
  for (const f of files) out.push(await attach(ctx, tx, entity, entityId, by, f));
  return out;
}

export function view(r: repo.AttachmentRow) {
  return { id: r.id, name: r.name, mime: r.mime, size: r.size, createdAt: r.created_at, uploadedBy: r.uploaded_by };
}

/** How many files each record has (records without files are absent). */
export const countsFor = (db: Executor, entity: string, ids: string[]) => repo.countsFor(db, entity, ids);

/** The id of each record's most recent file (records without files are absent). */
export const latestFor = (ctx: Ctx, entity: string, ids: string[]) => repo.latestFor(ctx.db, entity, ids);

export async function listFor(ctx: Ctx, entity: string, entityId: string) {
  return (await repo.listFor(ctx.db, entity, entityId)).map(view);
}

/** The stored file of an attachment that belongs to the given record, or null. */
export async function open(ctx: Ctx, entity: string, entityId: string, id: string) {
  const row = await repo.byId(ctx.db, id);
  if (!row || row.entity !== entity || row.entity_id !== entityId || !ctx.storage) return null;
  const stream = await ctx.storage.get(row.storage_key);
  return stream ? { row, stream } : null;
}
