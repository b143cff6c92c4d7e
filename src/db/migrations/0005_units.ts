import type { Kysely } from 'kysely';

/**
 * Township units (站所: 综治中心、司法所、派出所…): a township staff grant names its
 * unit, and a case may be dispatched to a unit rather than to one person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_roles').addColumn('unit', 'text').execute();
  await db.schema.alterTable('cases').addColumn('assignee_unit', 'text').execute();
}
