// Table types. Instants are ISO-8601 UTC strings and booleans are 0/1 on both
// SQLite and PostgreSQL so one set of queries serves both stores.
import type { Generated } from 'kysely';

export interface RegionsTable {
  id: string;
  parent_id: string | null;
  level: 'county' | 'township' | 'village' | 'grid' | 'unit';
  code: string | null;
  name: string;
  /** Materialized path of ids: "/countyId/townshipId/…/id/". */
  path: string;
  depth: number;
  sort_order: number;
  county_id: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  phone: string;
  name: string;
  password_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  id: string;
  user_id: string;
  role: string;
  region_id: string;
  /** The region's path (materialized at grant time; regions do not move). */
  region_path: string;
  household_id: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string; // sha256 of the bearer token
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface LoginFailuresTable {
  phone: string;
  count: number;
  first_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  region_path: string | null;
  detail: string | null;
  ip: string | null;
}

export interface HouseholdsTable {
  id: string;
  region_id: string;
  region_path: string;
  county_id: string;
  address: string;
  phone: string | null;
  head_resident_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResidentsTable {
  id: string;
  household_id: string;
  region_path: string;
  county_id: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  id_number: string;
  id_tail: string;
  phone: string | null;
  relation: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResidentTagsTable {
  resident_id: string;
  household_id: string;
  tag: string;
}

export interface PartyLinksTable {
  user_id: string;
  household_id: string;
  created_at: string;
}

export interface DB {
  regions: RegionsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  resident_tags: ResidentTagsTable;
  party_links: PartyLinksTable;
}
