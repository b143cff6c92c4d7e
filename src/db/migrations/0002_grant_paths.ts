import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/**
 * Role grants carry their region's path, like households do, so "users with a
 * role in this subtree" is one range scan on user_roles alone.
 */
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  const bytewise = kind === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.alterTable('user_roles').addColumn('region_path', bytewise).execute();
  await sql`update user_roles set region_path = (select path from regions where regions.id = user_roles.region_id)`.execute(db);
  await db.schema.createIndex('user_roles_path').on('user_roles').columns(['region_path', 'user_id']).execute();
}
