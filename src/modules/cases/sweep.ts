// The time-limit sweeper: raises yellow and red cards on the injected clock and
// escalates a red-card case one level up, exactly once per level: the level
// above starts its own clock, and the case climbs again only if that one runs
// out too. Every change is a version-checked update, so two sweepers running at
// once cannot both apply it.
import type { Ctx } from '../../core/context.js';
import { newId } from '../../core/ids.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import { holdersAt } from '../accounts/index.js';
import { notify } from '../notifications/service.js';
import * as repo from './repo.js';
import { LEVEL_ROLES } from './policy.js';
import { cardAt, levelAbove, type Status } from './rules.js';
import { clockAtLevel } from './limits.js';
import { workCalendar } from '../../core/work-calendar.js';

export interface SweepResult {
  yellow: number;
  red: number;
  escalated: number;
}

export async function sweepCases(ctx: Ctx): Promise<SweepResult> {
  const out: SweepResult = { yellow: 0, red: 0, escalated: 0 };
  const now = ctx.clock.now();
  const iso = now.toISOString();
  for (let round = 0; round < 1000; round++) {
    const batch = await repo.dueForCards(ctx.db, iso, 200);
    if (!batch.length) break;
    let progressed = false;
    // One case that fails (a bad row, a lost connection) is logged and retried next sweep; the others go on.
    for (const c of batch)
      await (async () => {
        const card = cardAt({ status: c.status as Status, card: c.card as 'yellow' | 'red' | null, yellowAt: c.yellow_at, redAt: c.red_at }, iso);
        const raise = card !== c.card;
        // The red limit of the level it sits at has passed: climb one level, where that level's own clock starts.
        const dueRed = !c.red_escalated && !!c.red_at && c.red_at <= iso;
        const escalateTo = dueRed ? levelAbove(pathIds(c.level_region_path)) : null;
        const target = escalateTo ? await regions.get(ctx, escalateTo) : null;
        const clock = target ? await clockAtLevel(ctx.db, workCalendar(ctx), c, target.level, now) : null;
        // Recipients are read before the transaction (on SQLite it holds the only connection).
        const levelPeople = raise ? await holdersAt(ctx, LEVEL_ROLES, c.level_region_path) : [];
        const abovePeople = target ? await holdersAt(ctx, LEVEL_ROLES, target.path) : [];
        const applied = await ctx.db.transaction().execute(async (tx) => {
          const ok = await repo.updateVersioned(tx, c.id, c.version, {
            card,
            ...(dueRed && !target ? { red_escalated: 1 } : {}), // at the top level: nowhere left to climb
            ...(target ? { level_region_id: target.id, level_region_path: target.path, escalations: c.escalations + 1, ...clock, red_escalated: 0 } : {}),
            updated_at: iso,
          });
          if (!ok) return false; // another sweeper or a person got there first
          const rows = [];
          if (raise)
            rows.push({
              id: newId(),
              case_id: c.id,
              action: card === 'red' ? 'card_red' : 'card_yellow',
              from_status: c.status,
              to_status: c.status,
              by_user_id: null,
              at: iso,
              note: card === 'red' ? '超过办理时限，亮红牌' : '临近办理时限，亮黄牌',
              data: null,
            });
          if (target)
            rows.push({
              id: newId(),
              case_id: c.id,
              action: 'escalate',
              from_status: c.status,
              to_status: c.status,
              by_user_id: null,
              at: iso,
              note: `红牌超时，自动上报至${target.name}`,
              data: JSON.stringify({ toRegionId: target.id, toRegionName: target.name, automatic: true }),
            });
          await repo.insertHistory(tx, rows);
          if (raise)
            await notify(ctx, tx, [...levelPeople, ...(c.assignee_id ? [c.assignee_id] : [])], {
              kind: card === 'red' ? 'card_red' : 'card_yellow',
              title: `${card === 'red' ? '红牌' : '黄牌'}督办：${c.title}`,
              entity: 'case',
              entityId: c.id,
            });
          if (target) await notify(ctx, tx, abovePeople, { kind: 'escalated', title: `红牌事件自动上报：${c.title}`, entity: 'case', entityId: c.id });
          return true;
        });
        if (applied) {
          progressed = true;
          if (raise && card === 'yellow') out.yellow++;
          if (raise && card === 'red') out.red++;
          if (target) out.escalated++;
        }
      })().catch((err) => console.error(`case sweep: case ${c.id} failed:`, err));
    if (!progressed) break; // everything left was taken by a concurrent sweeper
  }
  return out;
}
