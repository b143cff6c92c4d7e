// The case catalog (categories and time-limit rules) held in memory: every report, transition and case list
// reads it, and it changes only when an administrator edits it. This process forgets it after each of its
// own edits commit; other server processes pick an edit up within CATALOG_TTL_MS.
import type { Ctx } from '../../core/context.js';
import type { Database } from '../../db/kysely.js';
import * as repo from './repo.js';
import { pickLimits, type LimitRule, type Limits, type Priority } from './rules.js';

export const CATALOG_TTL_MS = 5_000;

export interface CaseCatalog {
  categories: repo.CategoryRow[];
  byCode: Map<string, repo.CategoryRow>;
  rules: LimitRule[];
  limitsFor(category: string, level: string, priority: Priority): Limits;
}

const held = new WeakMap<Database, { at: number; catalog: Promise<CaseCatalog> }>();

export const toRule = (r: repo.LimitRow): LimitRule => ({
  category: r.category_code,
  level: r.level,
  priority: r.priority as Priority,
  acceptYellow: r.accept_yellow,
  acceptRed: r.accept_red,
  resolveYellow: r.resolve_yellow,
  resolveRed: r.resolve_red,
});

async function load(ctx: Ctx): Promise<CaseCatalog> {
  const [categories, limitRows] = await Promise.all([repo.categories(ctx.db), repo.limitRules(ctx.db)]);
  const rules = limitRows.map(toRule);
  return {
    categories,
    byCode: new Map(categories.map((c) => [c.code, c])),
    rules,
    limitsFor: (category, level, priority) => pickLimits(rules, category, level, priority),
  };
}

/**
 * The catalog as of at most CATALOG_TTL_MS ago (or this process's last edit). Read through ctx.db: on SQLite
 * call it before opening a transaction, never inside one.
 */
export function caseCatalog(ctx: Ctx): Promise<CaseCatalog> {
  const now = Date.now();
  const h = held.get(ctx.database);
  if (h && now - h.at < CATALOG_TTL_MS) return h.catalog;
  const catalog = load(ctx);
  held.set(ctx.database, { at: now, catalog });
  // A failed read is not kept.
  catalog.catch(() => {
    if (held.get(ctx.database)?.catalog === catalog) held.delete(ctx.database);
  });
  return catalog;
}

/** After an edit of categories or limits has committed. */
export function forgetCatalog(ctx: Ctx) {
  held.delete(ctx.database);
}
