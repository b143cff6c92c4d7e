import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../kysely.js';

/**
 * Region paths (and the name and phone columns searched by prefix) compare
 * byte-wise on both stores, so prefix range scans use their indexes.
 */
export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  const bytewise = kind === 'postgres' ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('regions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('regions.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('path', bytewise, (c) => c.notNull().unique())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('regions_parent').on('regions').columns(['parent_id', 'sort_order']).execute();
  await db.schema.createIndex('regions_code').on('regions').column('code').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('phone', bytewise)
    .addColumn('head_resident_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('households_path').on('households').columns(['region_path', 'id']).execute();
  await db.schema.createIndex('households_region').on('households').column('region_id').execute();
  await db.schema.createIndex('households_phone').on('households').column('phone').execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_roles_user').on('user_roles').column('user_id').execute();
  await db.schema.createIndex('user_roles_region').on('user_roles').column('region_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('phone', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', kind === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey().$call((b) => (kind === 'sqlite' ? b.autoIncrement() : b)))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('region_path', bytewise)
    .addColumn('detail', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();

  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('region_path', bytewise, (c) => c.notNull())
    .addColumn('county_id', 'text', (c) => c.notNull())
    .addColumn('name', bytewise, (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('id_tail', 'text', (c) => c.notNull())
    .addColumn('phone', bytewise)
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('residents_id_number').on('residents').column('id_number').unique().execute();
  await db.schema.createIndex('residents_household').on('residents').column('household_id').execute();
  await db.schema.createIndex('residents_path').on('residents').column('region_path').execute();
  await db.schema.createIndex('residents_tail').on('residents').column('id_tail').execute();
  await db.schema.createIndex('residents_name').on('residents').column('name').execute();
  await db.schema.createIndex('residents_phone').on('residents').column('phone').execute();

  await db.schema
    .createTable('resident_tags')
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resident_tags_pk', ['resident_id', 'tag'])
    .execute();
  await db.schema.createIndex('resident_tags_tag').on('resident_tags').columns(['tag', 'household_id']).execute();

  await db.schema
    .createTable('party_links')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('party_links_pk', ['user_id', 'household_id'])
    .execute();
  await db.schema.createIndex('party_links_household').on('party_links').column('household_id').execute();
}
