// The layering of ARCHITECTURE.md, checked: the import arrows (dependency-cruiser, rules in
// .dependency-cruiser.cjs) and the tables each module's SQL may touch (no cross-module SQL).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Which module owns each table; only it reads or writes it (others go through its service). */
const OWNER: Record<string, string> = {
  regions: 'regions',
  users: 'accounts',
  user_roles: 'accounts',
  sessions: 'accounts',
  login_failures: 'accounts',
  households: 'people',
  residents: 'people',
  resident_tags: 'people',
  party_links: 'people',
  case_categories: 'cases',
  case_limits: 'cases',
  cases: 'cases',
  case_history: 'cases',
  case_copies: 'cases',
  case_report_choices: 'cases',
  case_followers: 'cases',
  visit_rules: 'visits',
  visit_plan_items: 'visits',
  visits: 'visits',
  patrol_checklists: 'patrols',
  patrols: 'patrols',
  consultations: 'consultations',
  consultation_decisions: 'consultations',
  point_rules: 'points',
  point_awards: 'points',
  point_entries: 'points',
  point_balances: 'points',
  point_award_events: 'points',
  point_settings: 'points',
  point_designations: 'points',
  point_settlements: 'points',
  volunteer_activities: 'points',
  volunteer_signups: 'points',
  store_items: 'store',
  store_stock_moves: 'store',
  store_redemptions: 'store',
  notifications: 'notifications',
  attachments: 'attachments',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('layering', () => {
  it('imports follow the arrows: server → modules → core → db, http and shared for modules, web → shared only', () => {
    const r = spawnSync(join(root, 'node_modules', '.bin', 'depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  }, 60_000);

  it("a module's SQL touches only its own tables", () => {
    const wrong: string[] = [];
    const modulesDir = join(root, 'src', 'modules');
    for (const mod of readdirSync(modulesDir)) {
      for (const file of filesUnder(join(modulesDir, mod))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*'([a-z_]+)/g)) {
          const owner = OWNER[m[1]];
          if (owner !== mod) wrong.push(`${file.slice(root.length + 1)}: ${m[1]} (${owner ? `owned by ${owner}` : 'no owner declared'})`);
        }
        for (const m of text.matchAll(/\b(?:from|join|update|into)\s+([a-z_]+)\b/gi)) {
          const owner = OWNER[m[1]];
          if (owner && owner !== mod && /sql`/.test(text)) wrong.push(`${file.slice(root.length + 1)}: raw SQL on ${m[1]} (owned by ${owner})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every table has an owner', () => {
    const schema = readFileSync(join(root, 'src', 'db', 'schema.ts'), 'utf8');
    const tables = [...schema.slice(schema.indexOf('export interface DB')).matchAll(/^\s+([a-z_]+): [A-Z]\w+Table;/gm)].map((m) => m[1]);
    expect(tables.length).toBeGreaterThan(30);
    // core's own tables: the audit log, the work calendar, the outbox and the sweep leases (core/audit.ts, core/work-calendar.ts, core/outbox.ts, core/jobs.ts).
    expect(tables.filter((t) => !OWNER[t] && !['audit_log', 'work_calendar', 'outbox', 'job_leases', 'job_runs'].includes(t))).toEqual([]);
  });
});
