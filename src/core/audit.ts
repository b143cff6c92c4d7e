import type { Executor } from '../db/kysely.js';
import type { Actor } from './context.js';

export interface AuditEntry {
  action: string; // e.g. household.create, resident.reveal_id
  entity: string;
  entityId?: string | null;
  regionPath?: string | null;
  detail?: unknown;
}

/** Written inside the caller's transaction so a write and its audit row land together. */
export async function audit(exec: Executor, at: Date, actor: Actor | null, e: AuditEntry): Promise<void> {
  await exec
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      user_id: actor?.userId ?? null,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId ?? null,
      region_path: e.regionPath ?? null,
      detail: e.detail === undefined ? null : JSON.stringify(e.detail),
      ip: actor?.ip ?? null,
    })
    .execute();
}
