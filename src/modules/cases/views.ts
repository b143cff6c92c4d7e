// How cases look over the API: names instead of ids, Chinese labels beside codes.
import type { Ctx } from '../../core/context.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import { userNames } from '../accounts/index.js';
import type * as repo from './repo.js';
import { caseCatalog } from './catalog-cache.js';
import { SOURCE_LABELS } from './catalog.js';
import { isOpen, timeLeftWords, type Status } from './rules.js';
import { workCalendar } from '../../core/work-calendar.js';
import { shanghaiDate } from '../../core/clock.js';

/** What a caller already holds (a write that just read them), so the view need not read them again. */
export interface Known {
  regions?: Awaited<ReturnType<typeof regions.getMany>>;
  names?: Map<string, { name: string }>;
}

export async function caseView(ctx: Ctx, rows: repo.CaseRow[], now: string, known: Known = {}) {
  if (!rows.length) return [];
  const [regionRows, names, cats] = await Promise.all([
    known.regions ??
      regions.getMany(
        ctx,
        rows.flatMap((c) => [...pathIds(c.region_path), c.level_region_id]),
      ),
    known.names ??
      userNames(
        ctx,
        rows.flatMap((c) => [c.reporter_id, c.assignee_id ?? '']),
      ),
    caseCatalog(ctx),
  ]);
  const region = new Map(regionRows.map((r) => [r.id, r]));
  const category = cats.byCode;
  const cal = workCalendar(ctx);
  const nowDate = new Date(now);
  const place = (path: string) =>
    pathIds(path)
      .map((id) => region.get(id))
      .filter((r) => r && (r.level === 'village' || r.level === 'grid'))
      .map((r) => r!.name)
      .join(' / ');
  return rows.map((c) => ({
    id: c.id,
    seq: c.seq,
    type: c.type,
    category: c.category_code,
    categoryName: category.get(c.category_code)?.name ?? c.category_code,
    categoryGroup: category.get(c.category_code)?.group_name ?? null,
    title: c.title,
    description: c.description,
    priority: c.priority,
    source: c.source,
    sourceName: SOURCE_LABELS[c.source as keyof typeof SOURCE_LABELS] ?? c.source,
    regionId: c.region_id,
    regionName: place(c.region_path) || region.get(c.region_id)?.name || '',
    placeName: place(c.region_path) || region.get(c.region_id)?.name || '',
    householdId: c.household_id,
    status: c.status,
    card: c.card as 'yellow' | 'red' | null,
    levelRegionId: c.level_region_id,
    levelRegionName: region.get(c.level_region_id)?.name ?? '',
    levelRegionLevel: region.get(c.level_region_id)?.level ?? '',
    reporterId: c.reporter_id,
    reporterName: names.get(c.reporter_id)?.name ?? '',
    assigneeId: c.assignee_id,
    assigneeName: c.assignee_id ? (names.get(c.assignee_id)?.name ?? '') : null,
    assigneeUnit: c.assignee_unit ?? null,
    dueAt: isOpen(c.status as Status) ? c.red_at : null,
    timeLeft: isOpen(c.status as Status) && c.red_at ? timeLeftWords(cal, nowDate, new Date(c.red_at)) : null,
    yellowAt: isOpen(c.status as Status) ? c.yellow_at : null,
    overdue: isOpen(c.status as Status) && !!c.red_at && c.red_at <= now,
    // The due date lies in a year nobody has entered: counted Monday–Friday for now (暂按周一至周五计算).
    dueProvisional: isOpen(c.status as Status) && !!c.red_at && !cal.isOfficial(Number(shanghaiDate(new Date(c.red_at)).slice(0, 4))),
    reportedAt: c.reported_at,
    acceptedAt: c.accepted_at,
    resolvedAt: c.resolved_at,
    closedAt: c.closed_at,
    rating: c.rating,
    ratingComment: c.rating_comment,
    escalations: c.escalations,
    reopened: c.reopened,
    extensionPending: !!c.extension_pending,
    extensionDays: c.extension_days,
    verified: !!c.verified,
    details: c.details ? (JSON.parse(c.details) as Record<string, unknown>) : null,
  }));
}

/** The case's steps, each with who took it (name, and role in words when known: 一组网格员), when, and what it decided. */
export function historyView(rows: Awaited<ReturnType<typeof repo.historyOf>>, names: Map<string, { name: string; roleName?: string }>) {
  return rows.map((h) => ({
    action: h.action,
    from: h.from_status,
    to: h.to_status,
    by: h.by_user_id,
    byName: h.by_user_id ? (names.get(h.by_user_id)?.name ?? '') : '系统',
    byRole: h.by_user_id ? (names.get(h.by_user_id)?.roleName ?? '') : '',
    at: h.at,
    note: h.note,
    data: h.data ? (JSON.parse(h.data) as Record<string, unknown>) : null,
  }));
}
