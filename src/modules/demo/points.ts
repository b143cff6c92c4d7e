// Demo points and 追梦超市 data (issue 5, point 7): a township catalog and store
// shelves, then about a year of history played through the real services on a
// clock moved to each moment — grid workers and cadres propose awards, the
// village approves (or rejects, or hears an objection during 公示), awards take
// effect when 公示 ends, households redeem goods at the counter, volunteers earn
// hours in 道德银行 and last year's 评选 is recorded. The last week stays open:
// awards pending or in 公示, pick-up codes waiting at the counter. Nothing is
// inserted by hand, so every balance, stock move, audit row and notification
// follows the rules. Needs only the registry (seedDemo); when seedDemoCases ran
// first, its cadres and grid workers do the work, otherwise the township leader.
import type { Actor, Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { fixedClock, shanghaiDate } from '../../core/clock.js';
import { isWorkingDay } from '../../core/workdays.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import * as people from '../people/service.js';
import * as peopleRepo from '../people/index.js';
import { actorFor } from '../accounts/service.js';
import { userNames, workersWithin } from '../accounts/index.js';
import { awardStatusesWithin, balancesOf, closeActivity, confirmAttendance, createActivity, createRule, putSettings, signUp } from '../points/index.js';
import { propose, decide, takeEffect } from '../points/service.js';
import { balanceOf } from '../points/index.js';
import { capKey, type CapPeriod } from '../points/index.js';
import { designate } from '../points/index.js';
import { settle } from '../points/index.js';
import * as store from '../store/service.js';
import * as storeRepo from '../store/index.js';
import type { DemoSeed } from './seed.js';
import { Rng } from './random.js';
import {
  TOWNSHIP_RULES,
  VILLAGE_RULES,
  REJECT_REASONS,
  CAP_REASON,
  OBJECTIONS,
  OBJECTION_UPHELD,
  OBJECTION_ANSWERED,
  STORE_ITEMS,
  MERCHANT_ITEMS,
  CANCEL_REASONS,
  ACTIVITIES,
  DESIGNATIONS,
  type DemoRule,
  type DemoItem,
} from './point-texts.js';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

export interface DemoPointsOptions {
  /** PRNG seed: the same seed, registry and "now" give the same history. */
  seed?: number;
  /** Months of history before the current one (default 12). */
  months?: number;
  /** Scales how many awards households get (default 1). */
  intensity?: number;
}

export interface DemoPointsResult {
  rules: number;
  awards: Record<string, number>;
  /** Approvals the cap refused (the cadre then rejected the award). */
  capRefused: number;
  objections: number;
  items: number;
  redemptions: Record<string, number>;
  activities: number;
  signups: number;
  designations: number;
  settlements: number;
  /** Steps a service refused, by kind and error code (the plan went on without them). */
  refused: Record<string, number>;
  householdsWithPoints: number;
  households: number;
  ms: number;
}

// ── time ──

/** 00:00 Shanghai of the day holding t. */
const dayStart = (t: number) => Math.floor((t + 8 * H) / D) * D - 8 * H;
const dateOf = (t: number) => shanghaiDate(new Date(t));
const workingDay = (t: number) => isWorkingDay(dateOf(dayStart(t) + 12 * H));
/** A moment on the day holding t between the hours from and to. */
const during = (t: number, rng: Rng, from: number, to: number) => dayStart(t) + Math.round(rng.range(from, to) * 60) * MIN;
/** An office moment (08:30–17:30 on a working day) `days` days after t, never at or before t. */
function officeAfter(t: number, days: number, rng: Rng) {
  let d = dayStart(t) + days * D;
  while (!workingDay(d)) d += D;
  const at = during(d, rng, 8.5, 17.5);
  return at > t ? at : t + rng.int(5, 40) * MIN;
}
const monthStart = (month: string) => Date.parse(`${month}-01T00:00:00+08:00`);
const addMonths = (month: string, n: number) => {
  const y = Number(month.slice(0, 4)),
    m = Number(month.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12),
    mm = (((m % 12) + 12) % 12) + 1;
  return `${yy}-${String(mm).padStart(2, '0')}`;
};

// ── the agenda: steps in time order, each run on a clock set to its moment ──

interface Step {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

/** A min-heap of steps by time (ties in the order they were planned); steps after `until` are dropped. */
class Agenda {
  private readonly heap: Step[] = [];
  private seq = 0;
  constructor(private readonly until: number) {}
  add(at: number, run: () => Promise<void>): boolean {
    if (at > this.until) return false;
    const h = this.heap;
    h.push({ at, seq: this.seq++, run });
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
    return true;
  }
  pop(): Step | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l], h[m])) m = l;
        if (r < h.length && this.before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
  private before(a: Step, b: Step) {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}

// ── places and people ──

interface Village {
  id: string;
  path: string;
  name: string;
  cadre: Actor;
  rules: (DemoRule & { id: string })[];
}
interface Household {
  id: string;
  gridId: string;
  path: string;
  village: Village;
  level: number;
  residents: { id: string; age: number }[];
}
interface Shelf {
  id: string;
  name: string;
  cost: number;
  stock: number;
  restock: boolean;
  restocking: boolean;
}

/**
 * Seeds the demo points history into the demo township created by seedDemo.
 * Not idempotent: call once, on a store that has no points data yet.
 */
export async function seedDemoPoints(ctx: Ctx, seed: DemoSeed, opts: DemoPointsOptions = {}): Promise<DemoPointsResult> {
  const started = Date.now();
  const rng = new Rng(opts.seed ?? 20251201);
  const now = ctx.clock.now().getTime();
  const thisMonth = dateOf(now).slice(0, 7);
  const firstMonth = addMonths(thisMonth, -(opts.months ?? 12));
  const begin = monthStart(firstMonth);
  const setupAt = begin - 6 * D + 10 * H;
  const intensity = opts.intensity ?? 1;
  const at = (t: number): Ctx => ({ ...ctx, clock: fixedClock(new Date(t)) });
  const agenda = new Agenda(now);
  const refused: Record<string, number> = {};
  let capRefused = 0,
    objections = 0,
    signups = 0,
    activities = 0,
    designations = 0,
    settlements = 0;

  /** Runs a service call; a refusal is counted (the plan goes on), anything else is a bug and stops the seed. */
  const attempt = async <T>(kind: string, fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refused[`${kind}:${err.code}`] = (refused[`${kind}:${err.code}`] ?? 0) + 1;
      return null;
    }
  };

  // People: the village cadre decides and keeps the store (else the township leader); grid workers propose in their grid.
  const township = (await regions.get(ctx, seed.townshipId))!;
  const [cadres, gridWorkers, leaders] = await Promise.all(
    ['village_cadre', 'grid_worker', 'township_leader'].map((r) => workersWithin(ctx, township.path, [r])),
  );
  const u = seed.users;
  const names = await userNames(ctx, [...cadres, ...gridWorkers, ...leaders].map((w) => w.userId).concat(Object.values(u)));
  const actorCache = new Map<string, Promise<Actor>>();
  const actor = (userId: string) => {
    if (!actorCache.has(userId)) actorCache.set(userId, actorFor(ctx, userId, names.get(userId)?.name ?? '', null));
    return actorCache.get(userId)!;
  };
  const leader = await actor(u['13800000001'] ?? leaders[0].userId);
  const villager = await actor(u['13800000004']);
  const supervisor = u['13800000008'] ? await actor(u['13800000008']) : null;
  const gridWorkerOf = new Map<string, Actor>();
  for (const w of gridWorkers) if (!gridWorkerOf.has(w.regionId)) gridWorkerOf.set(w.regionId, await actor(w.userId));

  const villageRows = await regions.getMany(ctx, Object.values(seed.villageIds));
  const villages: Village[] = [];
  for (const name of Object.keys(seed.villageIds)) {
    const r = villageRows.find((v) => v.name === name)!;
    const c = cadres.find((w) => w.regionId === r.id);
    villages.push({ id: r.id, path: r.path, name, cadre: c ? await actor(c.userId) : leader, rules: [] });
  }
  const villageOfPath = (path: string) => villages.find((v) => path.startsWith(v.path))!;

  // Households in address order (sorted here: the stores collate Chinese text differently), with their residents' ages.
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const hhRows = (await people.householdsWithin(ctx, township.path)).sort(
    (x, y) => byText(x.address, y.address) || byText(x.headName ?? '', y.headName ?? '') || byText(x.id, y.id),
  );
  const residentRows = await peopleRepo.residentsOf(
    ctx.db,
    hhRows.map((h) => h.id),
  );
  const year = Number(dateOf(now).slice(0, 4));
  const households: Household[] = hhRows.map((h) => ({
    id: h.id,
    gridId: h.regionId,
    path: h.regionPath,
    village: villageOfPath(h.regionPath),
    // How much the household shows up in the points record: 0 rarely … 3 often.
    level:
      h.id === seed.villagerHouseholdId
        ? 3
        : rng.weighted([
            [0, 0.15],
            [1, 0.3],
            [2, 0.35],
            [3, 0.2],
          ] as const),
    residents: residentRows
      .filter((r) => r.household_id === h.id)
      .sort((a, b) => byText(a.birth_date, b.birth_date) || byText(a.name, b.name))
      .map((r) => ({ id: r.id, age: year - Number(r.birth_date.slice(0, 4)) })),
  }));
  const mine = households.find((h) => h.id === seed.villagerHouseholdId)!;

  // ── set-up, a few days before the history starts: settings, catalog, shelves ──
  const setup = at(setupAt);
  await putSettings(setup, leader, township.id, { publicDays: 5, monthlyBase: 0, settlementMode: 'carry', mediatorPoints: 50, volunteerRate: 2 });
  const ruleInput = ({ weight: _w, notes: _n, ...input }: DemoRule) => input;
  const townshipRules: (DemoRule & { id: string })[] = [];
  for (const r of TOWNSHIP_RULES) townshipRules.push({ ...r, id: (await createRule(setup, leader, { ...ruleInput(r), regionId: township.id })).id });
  let ruleCount = townshipRules.length;
  for (const v of villages) {
    v.rules = [...townshipRules];
    for (const r of VILLAGE_RULES[v.name] ?? []) {
      v.rules.push({ ...r, id: (await createRule(at(setupAt + H), v.cadre, { ...ruleInput(r), regionId: v.id })).id });
      ruleCount++;
    }
  }

  const shelves = new Map<string, Shelf[]>();
  let itemCount = 0;
  for (const v of villages) {
    const big = v.name === '孟家湾村';
    // Every store has the staples; the rest of the shelf differs from village to village.
    const staples = STORE_ITEMS.slice(0, 3);
    const others = STORE_ITEMS.slice(3).filter(() => rng.chance(0.5));
    const chosen: DemoItem[] = [...staples, ...others].slice(0, big ? 10 : rng.int(6, 10));
    while (chosen.length < 6) chosen.push(STORE_ITEMS.find((i) => !chosen.includes(i))!);
    if (big) chosen.push(...MERCHANT_ITEMS);
    // One item a village no longer restocks runs low or out over the year.
    const scarce = rng.int(3, chosen.length - 1);
    const list: Shelf[] = [];
    for (const [i, item] of chosen.entries()) {
      const stock = i === scarce ? rng.int(5, 8) : Math.max(5, Math.min(50, Math.round(item.stock * rng.range(0.8, 1.2))));
      const made = await store.createItem(at(setupAt + 2 * H + i * MIN), v.cadre, {
        regionId: v.id,
        name: item.name,
        cost: item.cost,
        stock,
        merchant: item.merchant ?? null,
        description: item.description ?? null,
        sortOrder: i + 1,
      });
      list.push({ id: made.id, name: item.name, cost: item.cost, stock, restock: item.restock !== false && i !== scarce, restocking: false });
      itemCount++;
    }
    shelves.set(v.id, list);
  }

  // ── awards: 提议 → 审核 → 公示 → 生效 ──
  const proposerFor = (h: Household, rule: DemoRule) =>
    rule.proposers?.includes('grid') && gridWorkerOf.has(h.gridId) && rng.chance(0.7) ? gridWorkerOf.get(h.gridId)! : h.village.cadre;

  // The server's sweeper runs every minute: an award takes effect the minute its 公示 ends.
  const takeEffectAt = (t: number) =>
    agenda.add(t, async () => {
      await takeEffect(at(t));
    });

  const approveStep = (awardId: string, v: Village, t: number, note?: string) =>
    agenda.add(t, async () => {
      try {
        const a = await decide(at(t), v.cadre, awardId, 'approve', note);
        if (a.publicUntil) afterApproval(awardId, v, t, Date.parse(a.publicUntil));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code !== 'CAP_EXCEEDED') {
          refused[`approve:${err.code}`] = (refused[`approve:${err.code}`] ?? 0) + 1;
          return;
        }
        // The cap refused the approval: the cadre turns the award down, saying why.
        capRefused++;
        const t2 = t + rng.int(2, 10) * MIN;
        agenda.add(t2, async () => {
          await attempt('reject', () => decide(at(t2), v.cadre, awardId, 'reject', CAP_REASON));
        });
      }
    });

  /** During 公示 someone may object (the award goes back for review); otherwise it takes effect when 公示 ends. */
  function afterApproval(awardId: string, v: Village, approvedAt: number, until: number) {
    if (rng.chance(0.03)) {
      const t = approvedAt + rng.int(1, 3) * D + rng.int(-3, 3) * H;
      if (t < until) {
        // In 孟家湾村 the supervisor or the demo villager objects in person; elsewhere a worker writes down what a villager said.
        const roll = rng.float();
        const inPerson = v.name === '孟家湾村' ? (roll < 0.4 ? supervisor : roll < 0.7 ? villager : null) : null;
        const objector = inPerson ?? [...gridWorkerOf.entries()].find(([g]) => households.some((h) => h.gridId === g && h.village === v))?.[1] ?? v.cadre;
        const text = inPerson ? rng.pick(OBJECTIONS) : `村民反映：${rng.pick(OBJECTIONS)}`;
        agenda.add(t, async () => {
          const done = await attempt('object', () => decide(at(t), objector, awardId, 'object', text));
          if (!done) return;
          objections++;
          const t2 = officeAfter(t, rng.int(1, 3), rng);
          if (rng.chance(0.55)) approveStep(awardId, v, t2, OBJECTION_ANSWERED);
          else
            agenda.add(t2, async () => {
              await attempt('reject', () => decide(at(t2), v.cadre, awardId, 'reject', OBJECTION_UPHELD));
            });
        });
      }
    }
    takeEffectAt(until + MIN);
  }

  const proposeStep = (h: Household, rule: DemoRule & { id: string }, t: number, by: Actor, leavePending = false) =>
    agenda.add(t, async () => {
      const a = await attempt('propose', () => propose(at(t), by, { householdId: h.id, ruleId: rule.id, note: rng.pick(rule.notes) }));
      if (!a) return;
      if (a.status === 'publicized') {
        takeEffectAt(Date.parse(a.publicUntil!) + MIN);
        return;
      }
      if (leavePending || (t > now - 7 * D && rng.chance(0.5))) return; // this week's: still in the queue
      const t2 = officeAfter(t, rng.int(1, 5), rng);
      if (rng.chance(0.06))
        agenda.add(t2, async () => {
          await attempt('reject', () => decide(at(t2), h.village.cadre, a.id, 'reject', rng.pick(REJECT_REASONS)));
        });
      else approveStep(a.id, h.village, t2);
    });

  // The plan keeps most proposals under the caps, as a worker who knows the rules would; a few overshoot and are refused.
  const planned = new Map<string, number>();
  const fits = (h: Household, rule: DemoRule, t: number) => {
    if (rule.cap == null || rule.value <= 0) return true;
    const key = `${h.id}|${rule.code}|${capKey(rule.capPeriod as CapPeriod, dateOf(t))}`;
    const sum = (planned.get(key) ?? 0) + rule.value;
    if (sum > rule.cap && rng.chance(0.9)) return false;
    planned.set(key, sum);
    return true;
  };
  const perMonth = [0.03, 0.12, 0.25, 0.45].map((x) => x * intensity);
  for (let m = firstMonth; m <= thisMonth; m = addMonths(m, 1)) {
    const from = monthStart(m),
      to = Math.min(monthStart(addMonths(m, 1)), now);
    const days = Math.round((to - from) / D);
    if (days < 1) continue;
    for (const h of households) {
      let n = 0;
      for (let x = perMonth[h.level]; rng.chance(Math.min(x, 0.95)); x -= 1) n++;
      const extras: string[] = h === mine ? ['HJ01', 'HJ01', 'ZL01', 'ZL01', 'HJ02'] : [];
      const picks = [
        ...extras.map((c) => h.village.rules.find((r) => r.code === c)!),
        ...Array.from({ length: n }, () => rng.weighted(h.village.rules.map((r) => [r, r.weight] as const))),
      ];
      for (const rule of picks) {
        const t = during(from + rng.int(0, days - 1) * D, rng, 8, 19.5);
        if (t > now || !fits(h, rule, t)) continue;
        proposeStep(h, rule, t, h === mine && rule.code === 'HJ01' && gridWorkerOf.has(h.gridId) ? gridWorkerOf.get(h.gridId)! : proposerFor(h, rule));
      }
    }
  }

  // Every village's queue has something fresh for its cadre to review.
  for (const v of villages) {
    const pool = households.filter((h) => h.village === v && h.level > 0);
    for (let k = rng.int(1, 3); k > 0; k--) {
      const h = rng.pick(pool);
      const rule = rng.weighted(v.rules.filter((r) => r.needsApproval !== false && r.value > 0).map((r) => [r, r.weight] as const));
      const t = during(now - rng.int(0, 2) * D, rng, 8, 19.5);
      if (t <= now && fits(h, rule, t)) proposeStep(h, rule, t, proposerFor(h, rule), true);
    }
  }

  // ── 追梦超市: households with points come to the counter; a few reserve on the phone ──
  const redeemStep = (h: Household, t: number, waiting = false) =>
    agenda.add(t, async () => {
      const balance = await balanceOf(ctx.db, h.id);
      const rows = new Map((await storeRepo.itemsFor(ctx.db, pathIds(h.village.path), h.village.path, false)).map((i) => [i.id, i]));
      const shelf = (shelves.get(h.village.id) ?? []).filter((s) => (rows.get(s.id)?.stock ?? 0) > 0);
      // The demo villager keeps a good balance to show on the phone; others keep a little back.
      const keep = h === mine ? 150 : rng.int(0, 15);
      const affordable = shelf.filter((s) => s.cost <= balance - keep && (s.cost < 100 || rng.chance(0.3)));
      if (!affordable.length) return;
      const item = rng.pick(affordable);
      const quantity = item.cost <= 10 && balance - keep >= item.cost * 2 && rng.chance(0.35) ? 2 : 1;
      const phone = h === mine && (waiting || rng.chance(0.5));
      const by = phone ? villager : h.village.cadre;
      const r = await attempt('redeem', () =>
        store.redeem(at(t), by, { householdId: h.id, itemId: item.id, quantity, idempotencyKey: `demo-${h.id.slice(-8)}-${t}` }),
      );
      if (!r) return;
      const left = (rows.get(item.id)?.stock ?? 0) - quantity;
      if (left <= 3 && item.restock && !item.restocking) {
        item.restocking = true;
        const t2 = officeAfter(t, rng.int(2, 6), rng);
        agenda.add(t2, async () => {
          const current = (await storeRepo.itemById(ctx.db, item.id))?.stock ?? 0;
          if (item.stock - current > 0)
            await attempt('restock', () => store.adjustStock(at(t2), h.village.cadre, item.id, { delta: item.stock - current, note: '乡里统一配送入库' }));
          item.restocking = false;
        });
      }
      if (waiting) return; // the code waits at the counter
      const roll = rng.float();
      if (roll < 0.07) {
        const t2 = officeAfter(t, rng.int(1, 5), rng);
        const canceller = phone && rng.chance(0.6) ? villager : h.village.cadre;
        agenda.add(t2, async () => {
          await attempt('cancel', () => store.cancel(at(t2), canceller, r.id, rng.pick(CANCEL_REASONS)));
        });
        return;
      }
      // At the counter the goods change hands at once; a phone reservation is picked up a few days later.
      const t2 = !phone && roll < 0.8 ? t + rng.int(2, 8) * MIN : officeAfter(t, rng.int(1, 6), rng);
      agenda.add(t2, async () => {
        await attempt('fulfil', () => store.fulfil(at(t2), h.village.cadre, r.code));
      });
    });
  for (let m = firstMonth; m <= thisMonth; m = addMonths(m, 1)) {
    const from = monthStart(m),
      to = Math.min(monthStart(addMonths(m, 1)), now);
    const days = Math.round((to - from) / D);
    if (days < 1) continue;
    for (const h of households) {
      if (!rng.chance([0.02, 0.07, 0.12, 0.18][h.level])) continue;
      const t = during(from + rng.int(0, days - 1) * D, rng, 9, 18);
      redeemStep(h, t);
    }
  }
  // The last few days' reservations (a call to the cadre) wait for pick-up, the demo villager's own made on the phone last evening.
  for (const v of villages.filter(() => rng.chance(0.5))) {
    const h = rng.pick(households.filter((x) => x.village === v && x.level >= 2 && x !== mine));
    if (h) redeemStep(h, during(now - rng.int(1, 4) * D, rng, 9, 18), true);
  }
  redeemStep(mine, dayStart(now - D) + 20 * H + 12 * MIN, true);

  // ── 道德银行: twice a month in a few villages, with signups and attendance ──
  const volunteering = villages.slice(0, 3);
  for (let m = firstMonth; m <= thisMonth; m = addMonths(m, 1)) {
    const month = Number(m.slice(5, 7));
    for (const v of volunteering) {
      for (const day of [rng.int(6, 12), rng.int(20, 26)]) {
        const startsAt = Date.parse(`${m}-${String(day).padStart(2, '0')}T09:00:00+08:00`) + rng.pick([0, 0, 5, 6]) * H;
        const createdAt = Math.min(officeAfter(startsAt - rng.int(5, 8) * D, 0, rng), startsAt - 2 * D - rng.int(0, 8) * H); // a holiday does not delay the notice past the day
        const kind = rng.pick(ACTIVITIES.filter((a) => !a.months || a.months.includes(month)));
        const pool = households.filter((h) => h.village === v && h.level > 0);
        const chosen = Array.from({ length: rng.int(4, 7) }, () => rng.pick(pool)).filter((h, i, xs) => xs.indexOf(h) === i);
        if (v.name === '孟家湾村' && !chosen.includes(mine) && rng.chance(0.4)) chosen.push(mine);
        agenda.add(createdAt, async () => {
          const act = await attempt('volunteer', () =>
            createActivity(at(createdAt), v.cadre, {
              regionId: v.id,
              title: kind.title,
              description: kind.description,
              place: kind.place,
              startsAt: new Date(startsAt).toISOString(),
              hours: kind.hours,
              capacity: 20,
            }),
          );
          if (!act) return;
          activities++;
          const signed: string[] = [];
          for (const h of chosen) {
            const adults = h.residents.filter((r) => r.age >= 16 && r.age <= 70);
            if (!adults.length) continue;
            const who = rng.pick(adults);
            const t = createdAt + rng.int(1, Math.max(1, Math.floor((startsAt - createdAt) / H) - 1)) * H;
            const by = h === mine ? villager : (gridWorkerOf.get(h.gridId) ?? v.cadre);
            agenda.add(t, async () => {
              const id = await attempt('signup', () => signUp(at(t), by, act.id, who.id));
              if (id) {
                signed.push(id);
                signups++;
              }
            });
          }
          // After the activity the organizer confirms who came (most did) and closes it.
          const t3 = startsAt + kind.hours * H + rng.int(20, 90) * MIN;
          agenda.add(t3, async () => {
            for (const [i, signupId] of signed.entries()) {
              const attended = rng.chance(0.9);
              await attempt('attendance', () =>
                confirmAttendance(at(t3 + i * MIN), v.cadre, act.id, { signupId, attended, hours: attended && rng.chance(0.15) ? kind.hours - 1 : undefined }),
              );
            }
            const t4 = t3 + (signed.length + 5) * MIN;
            if (t4 <= now) await attempt('volunteer', () => closeActivity(at(t4), v.cadre, act.id));
          });
        });
      }
    }
  }

  // ── year end: last year settled (balances carry over) and its 评选 recorded in January ──
  const lastYear = year - 1;
  const settleAt = Date.parse(`${year}-01-06T10:00:00+08:00`);
  if (settleAt >= begin) {
    for (const [i, v] of villages.entries()) {
      const t = settleAt + i * 20 * MIN;
      agenda.add(t, async () => {
        if (await attempt('settle', () => settle(at(t), v.cadre, { regionId: v.id, year: lastYear }))) settlements++;
      });
    }
    const designateAt = Date.parse(`${year}-01-16T10:00:00+08:00`);
    for (const [i, v] of villages.entries()) {
      const t = designateAt + i * 30 * MIN;
      agenda.add(t, async () => {
        // The village's 评议 picks among the households that did best over the year.
        const ranked: { h: Household; balance: number }[] = [];
        for (const h of households.filter((x) => x.village === v)) ranked.push({ h, balance: await balanceOf(ctx.db, h.id) });
        ranked.sort((a, b) => b.balance - a.balance);
        const pool = ranked
          .slice(0, 12)
          .filter((x) => x.balance > 0)
          .map((x) => x.h);
        if (v.name === '孟家湾村' && !pool.includes(mine)) pool.unshift(mine);
        for (const d of DESIGNATIONS) {
          const n = rng.int(d.min, d.max);
          for (let k = 0; k < n && pool.length; k++) {
            const h = d.title === '十星级文明户' && pool.includes(mine) ? mine : pool[rng.int(0, Math.min(pool.length, 6) - 1)];
            pool.splice(pool.indexOf(h), 1);
            const tk = t + (designations % 20) * MIN;
            if (
              await attempt('designate', () =>
                designate(at(tk), v.cadre, { householdId: h.id, title: d.title, year: lastYear, note: `${lastYear}年度村民代表会议评议通过` }),
              )
            )
              designations++;
          }
        }
      });
    }
  }

  // ── play it all in time order, then the sweep at "now" ──
  for (let s = agenda.pop(); s; s = agenda.pop()) await s.run();
  await takeEffect(ctx);

  const awardRows = await awardStatusesWithin(ctx.db, township.path);
  const redemptionRows = await storeRepo.redemptionStatusesWithin(ctx.db, township.path);
  const tally = (rows: { status: string }[]) =>
    rows.reduce<Record<string, number>>((m, r) => {
      m[r.status] = (m[r.status] ?? 0) + 1;
      return m;
    }, {});
  const balances = await balancesOf(
    ctx.db,
    hhRows.map((h) => h.id),
  );
  return {
    rules: ruleCount,
    awards: tally(awardRows),
    capRefused,
    objections,
    items: itemCount,
    redemptions: tally(redemptionRows),
    activities,
    signups,
    designations,
    settlements,
    refused,
    householdsWithPoints: [...balances.values()].filter((b) => Number(b) > 0).length,
    households: households.length,
    ms: Date.now() - started,
  };
}
