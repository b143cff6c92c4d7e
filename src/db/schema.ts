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
  /** The township unit (站所) of a township_staff grant. */
  unit?: string | null;
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

export interface CaseCategoriesTable {
  id: string;
  type: string;
  code: string;
  name: string;
  parent_code: string | null;
  group_name: string | null;
  skip_level: number;
  verify_required: number;
  /** 1: resolving needs at least one photo of the result. */
  require_result_photo: number;
  first_report_points: number;
  sort_order: number;
  active: number;
}

/** A time-limit rule: '*' in category_code or level means any. */
export interface CaseLimitsTable {
  id: string;
  category_code: string;
  level: string;
  priority: string;
  accept_yellow: number;
  accept_red: number;
  resolve_yellow: number;
  resolve_red: number;
  updated_at: string;
}

export interface VisitRulesTable {
  id: string;
  name: string;
  tag: string | null;
  frequency: string;
  builtin: number;
  active: number;
  sort_order: number;
  created_at: string;
}

export interface VisitPlanItemsTable {
  id: string;
  household_id: string;
  subject: string;
  resident_id: string | null;
  region_id: string;
  region_path: string;
  frequency: string;
  period_key: string;
  period_start: string;
  period_end: string;
  reasons: string;
  visit_id: string | null;
  done_at: string | null;
  created_at: string;
}

export interface VisitsTable {
  id: string;
  household_id: string;
  resident_id: string | null;
  region_id: string;
  region_path: string;
  visitor_id: string;
  visited_at: string;
  visit_date: string;
  method: string;
  situation: string;
  needs: string | null;
  follow_up: string | null;
  problem: number;
  case_id: string | null;
  latitude: number | null;
  longitude: number | null;
  idempotency_key: string | null;
  created_at: string;
}

export interface PatrolChecklistsTable {
  id: string;
  name: string;
  items: string;
  updated_at: string;
}

export interface PatrolsTable {
  id: string;
  kind: string;
  region_id: string;
  region_path: string;
  period_key: string;
  patroller_id: string;
  patrolled_at: string;
  patrol_date: string;
  results: string;
  problems: number;
  note: string | null;
  latitude: number | null;
  longitude: number | null;
  idempotency_key: string | null;
  created_at: string;
}

export interface ConsultationsTable {
  id: string;
  region_id: string;
  region_path: string;
  week_key: string;
  held_on: string;
  title: string;
  attendees: string | null;
  agenda: string;
  status: string;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

export interface ConsultationDecisionsTable {
  consultation_id: string;
  case_id: string;
  decision: string;
  decided_by: string;
  decided_at: string;
}

export interface PointRulesTable {
  id: string;
  region_id: string;
  region_path: string;
  code: string;
  name: string;
  category: string;
  value: number;
  cap: number | null;
  cap_period: string | null;
  active: number;
  created_at: string;
  /** Comma list of who may propose: cadre, grid, villager. */
  proposers: string;
  needs_approval: number;
  description: string | null;
}

export interface PointAwardsTable {
  id: string;
  household_id: string;
  region_path: string;
  rule_id: string;
  resident_id: string | null;
  value: number;
  note: string | null;
  status: string;
  cap_key: string;
  proposed_by: string;
  proposed_at: string;
  idempotency_key: string | null;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  public_until: string | null;
  objection: string | null;
  entry_id: string | null;
  version: number;
  /** cadre | grid | villager */
  proposer_role: string;
}

export interface PointAwardEventsTable {
  id: string;
  award_id: string;
  action: string;
  by_user_id: string | null;
  by_name: string | null;
  at: string;
  note: string | null;
}

export interface PointSettingsTable {
  region_id: string;
  region_path: string;
  public_days: number;
  monthly_base: number;
  settlement_mode: string;
  mediator_points: number;
  volunteer_rate: number;
  updated_by: string | null;
  updated_at: string;
}

export interface PointDesignationsTable {
  id: string;
  household_id: string;
  region_path: string;
  title: string;
  year: number;
  points: number;
  note: string | null;
  entry_id: string | null;
  awarded_by: string;
  awarded_at: string;
}

export interface PointSettlementsTable {
  id: string;
  region_id: string;
  region_path: string;
  year: number;
  mode: string;
  households: number;
  total: number;
  done_by: string;
  done_at: string;
}

export interface VolunteerActivitiesTable {
  id: string;
  region_id: string;
  region_path: string;
  title: string;
  description: string | null;
  place: string | null;
  starts_at: string;
  hours: number;
  rate: number;
  capacity: number | null;
  status: string;
  organizer_id: string;
  created_at: string;
  closed_at: string | null;
}

export interface VolunteerSignupsTable {
  id: string;
  activity_id: string;
  household_id: string;
  resident_id: string;
  region_path: string;
  signed_by: string;
  signed_at: string;
  status: string;
  hours: number | null;
  points: number | null;
  entry_id: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

export interface StoreItemsTable {
  id: string;
  region_id: string;
  region_path: string;
  name: string;
  description: string | null;
  merchant: string | null;
  cost: number;
  stock: number;
  active: number;
  sort_order: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface StoreStockMovesTable {
  id: string;
  item_id: string;
  delta: number;
  reason: string;
  source_id: string;
  note: string | null;
  by_user_id: string | null;
  at: string;
}

export interface StoreRedemptionsTable {
  id: string;
  household_id: string;
  region_path: string;
  item_id: string;
  item_name: string;
  item_region_path: string;
  quantity: number;
  unit_cost: number;
  total_cost: number;
  code: string;
  status: string;
  requested_by: string;
  idempotency_key: string;
  created_at: string;
  fulfilled_by: string | null;
  fulfilled_at: string | null;
  cancelled_by: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  version: number;
}

export interface PointEntriesTable {
  id: string;
  household_id: string;
  region_path: string;
  delta: number;
  source: string;
  source_id: string | null;
  rule_id: string | null;
  resident_id: string | null;
  note: string | null;
  at: string;
  created_by: string | null;
}

export interface PointBalancesTable {
  household_id: string;
  balance: number;
  updated_at: string;
}

export interface CasesTable {
  id: string;
  county_id: string;
  seq: string;
  type: string;
  category_code: string;
  title: string;
  description: string;
  priority: string;
  source: string;
  region_id: string;
  region_path: string;
  household_id: string | null;
  reporter_id: string;
  idempotency_key: string | null;
  status: string;
  card: string | null;
  level_region_id: string;
  level_region_path: string;
  assignee_id: string | null;
  /** A township unit the case is dispatched to (any of its staff handles it). */
  assignee_unit?: string | null;
  /** How many follow the case (case_followers), so a case nobody follows reads none (migration 0017). */
  followers?: number;
  yellow_at: string | null;
  red_at: string | null;
  red_escalated: number;
  extension_days: number;
  extension_pending: number;
  verified: number;
  escalations: number;
  reopened: number;
  rating: number | null;
  rating_comment: string | null;
  resolved_level: string | null;
  details: string | null;
  reported_at: string;
  accepted_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  updated_at: string;
  version: number;
}

export interface CaseHistoryTable {
  id: string;
  case_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  by_user_id: string | null;
  at: string;
  note: string | null;
  data: string | null;
  idempotency_key?: string | null;
}

export interface CaseCopiesTable {
  case_id: string;
  user_id: string;
  at: string;
}

/** A village's own setting of a 随手拍 choice (migration 0017). */
export interface CaseReportChoicesTable {
  village_id: string;
  choice_code: string;
  category_code: string;
  active: number;
  sort_order: number;
  updated_at: string;
}

/** Someone told of every step of a case they did not report: 我也遇到 ('follow') or a merged case's reporter ('merge'). */
export interface CaseFollowersTable {
  case_id: string;
  user_id: string;
  via: string;
  at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  entity: string | null;
  entity_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface AttachmentsTable {
  id: string;
  entity: string;
  entity_id: string;
  name: string;
  mime: string;
  size: number;
  storage_key: string;
  uploaded_by: string;
  created_at: string;
}

/** One official year of the work calendar (工作日历); JSON arrays of YYYY-MM-DD. */
export interface WorkCalendarTable {
  year: number;
  holidays: string;
  workdays: string;
  names: string | null;
  origin: string;
  updated_at: string;
  updated_by: string | null;
}

export interface OutboxTable {
  id: string;
  topic: string;
  payload: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_at: string;
  claimed_by: string | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

export interface JobLeasesTable {
  name: string;
  owner: string | null;
  until: string;
  done_key: string | null;
}

export interface JobRunsTable {
  id: string;
  job: string;
  owner: string;
  started_at: string;
  finished_at: string | null;
  ok: number | null;
  detail: string | null;
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
  case_categories: CaseCategoriesTable;
  case_limits: CaseLimitsTable;
  visit_rules: VisitRulesTable;
  visit_plan_items: VisitPlanItemsTable;
  visits: VisitsTable;
  patrol_checklists: PatrolChecklistsTable;
  patrols: PatrolsTable;
  consultations: ConsultationsTable;
  consultation_decisions: ConsultationDecisionsTable;
  point_rules: PointRulesTable;
  point_awards: PointAwardsTable;
  point_entries: PointEntriesTable;
  point_balances: PointBalancesTable;
  point_award_events: PointAwardEventsTable;
  point_settings: PointSettingsTable;
  point_designations: PointDesignationsTable;
  point_settlements: PointSettlementsTable;
  volunteer_activities: VolunteerActivitiesTable;
  volunteer_signups: VolunteerSignupsTable;
  store_items: StoreItemsTable;
  store_stock_moves: StoreStockMovesTable;
  store_redemptions: StoreRedemptionsTable;
  cases: CasesTable;
  case_history: CaseHistoryTable;
  case_copies: CaseCopiesTable;
  case_report_choices: CaseReportChoicesTable;
  case_followers: CaseFollowersTable;
  notifications: NotificationsTable;
  attachments: AttachmentsTable;
  work_calendar: WorkCalendarTable;
  outbox: OutboxTable;
  job_leases: JobLeasesTable;
  job_runs: JobRunsTable;
}
