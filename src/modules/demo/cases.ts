// Demo case data (issue 3, point 8): a few hundred incidents (八必报/五必到),
// 代办 requests and disputes in the demo township over the past five months,
// in every state. Nothing is written by hand: a seeded plan of who does what
// when is played through the real case service (report / transition) and the
// real sweeper on a clock moved forward through the months, so every history
// row, deadline, yellow/red card and escalation follows the rules. Ends with a
// sweep at the real "now".
import type { Actor, Ctx } from '../../core/context.js';
import { fixedClock, shanghaiDate } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hashPassword } from '../../core/passwords.js';
import { isWorkingDay } from '../../core/workdays.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import * as accountsRepo from '../accounts/index.js';
import { actorFor } from '../accounts/service.js';
import * as peopleRepo from '../people/index.js';
import * as people from '../people/service.js';
import { markRead } from '../notifications/service.js';
import * as casesRepo from '../cases/index.js';
import { report, transition, type ReportInput, type TransitionInput } from '../cases/service.js';
import { actionsFor } from '../cases/index.js';
import { sweepCases, updateCategory } from '../cases/index.js';
import { isOpen, type Action, type CaseType, type Priority, type Status } from '../cases/index.js';
import { DEMO_PASSWORD, type DemoSeed } from './seed.js';
import { Rng } from './random.js';
import {
  type Fill,
  type Text,
  summer,
  INCIDENTS,
  SERVICES,
  DISPUTES,
  INCIDENT_WEIGHTS,
  SERVICE_WEIGHTS,
  DISPUTE_WEIGHTS,
  RESOLVE_NOTES,
  AGREEMENTS,
  pickNote,
  NOTES,
  RATING_NOTES,
} from './case-texts.js';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

export interface DemoCasesOptions {
  /** How many cases to report (default 300). */
  count?: number;
  /** PRNG seed: the same seed, registry and "now" give the same cases. */
  seed?: number;
  /** How far back the first case is reported (days before now, default 150). */
  days?: number;
}

export interface DemoCasesResult {
  cases: number;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
  /** Demo accounts added for villages and grids that had no cadre or grid worker. */
  accounts: number;
  /** Planned steps the state no longer allowed when their time came (left out). */
  skipped: number;
  /** Steps the service refused (a bug in the plan; the case keeps its state). */
  failed: { title: string; action: string; code: string }[];
  ms: number;
}

// ── randomness and time ──

/** 00:00 Shanghai of the day holding t. */
const dayStart = (t: number) => Math.floor((t + 8 * H) / D) * D - 8 * H;
const hourOf = (t: number) => (t - dayStart(t)) / H;
const workingDay = (t: number) => isWorkingDay(shanghaiDate(new Date(dayStart(t) + 12 * H)));
const monthOf = (t: number) => Number(shanghaiDate(new Date(t)).slice(5, 7));

/** The first office moment at or after t: 08:00–18:30 on a working day. */
function office(t: number, rng: Rng): number {
  let d = dayStart(t);
  let h = hourOf(t);
  if (h > 18.5) {
    d += D;
    h = 0;
  }
  if (h < 8) h = 8 + rng.range(0, 1.5);
  while (!workingDay(d)) {
    d += D;
    h = 8 + rng.range(0, 1.5);
  }
  return d + Math.round(h * 60) * MIN;
}

/** The first waking moment at or after t (07:30–21:30, any day): villagers rate and report at weekends too. */
function daytime(t: number, rng: Rng): number {
  let d = dayStart(t);
  let h = hourOf(t);
  if (h > 21.5) {
    d += D;
    h = 0;
  }
  if (h < 7.5) h = 7.5 + rng.range(0, 2);
  return d + Math.round(h * 60) * MIN;
}

// ── people and places ──

interface Place {
  id: string;
  path: string;
  name: string;
  village: string;
  group: string;
}
interface Household {
  id: string;
  gridId: string;
  address: string;
  head: string;
  phone: string | null;
  kin: string | null;
}

const SURNAMES = [...'王李张刘高马郝杨贺白孟乔苏曹任冯常霍薛艾呼慕折拓'];
const GIVEN = [...'建国军伟强明平志华东海峰斌刚林涛亮宏文武忠德福生荣义山成秀英兰梅芳丽娟霞艳玲红琴凤珍燕萍彩云'];

/** Who may take a step: resolved against the case as it is when the step comes due. */
type Who = 'reporter' | 'level' | 'handler' | 'above';
/** Whom the responsible level dispatches to. */
type Hand = 'grid' | 'party' | 'mediator' | 'staff' | 'cadre';
interface Step {
  at: number;
  action: Action;
  who: Who;
  note?: string;
  hand?: Hand;
  rating?: number;
  days?: number;
  skipLevel?: boolean;
  step?: string;
  outcome?: 'agreement' | 'terminated';
  place?: string;
  /** Dispatch above the village: to the village cadre rather than the township's staff. */
  alt?: boolean;
}
interface Ev {
  at: number;
  plan: number;
  step: number;
}
interface Plan {
  at: number;
  reporter: string;
  input: ReportInput;
  steps: Step[];
}

/**
 * Seeds demo cases into the demo township created by seedDemo. Not idempotent:
 * call once, right after seedDemo returned a seed (an empty store).
 */
/** The categories whose 办结 needs a photo of the result in the demo township: 人居环境脏乱, 公共设施损坏, 安全隐患. */
export const RESULT_PHOTO_CATEGORIES = ['env_dirty', 'facility_damage', 'safety_hazard'];

export async function seedDemoCases(ctx: Ctx, seed: DemoSeed, opts: DemoCasesOptions = {}): Promise<DemoCasesResult> {
  const started = Date.now();
  const now = ctx.clock.now().getTime();
  const count = opts.count ?? 300;
  const days = opts.days ?? 150;
  const rng = new Rng(opts.seed ?? 20260705);
  const begin = dayStart(now - days * D) + 8 * H;

  // Places: the villages and their grids, in division order.
  const villageNames = Object.keys(seed.villageIds);
  const regionRows = new Map(
    (await regions.getMany(ctx, [seed.townshipId, ...Object.values(seed.villageIds), ...Object.values(seed.gridIds)])).map((r) => [r.id, r]),
  );
  const township = regionRows.get(seed.townshipId)!;
  const grids: Place[] = Object.entries(seed.gridIds).map(([key, id]) => {
    const [village, group] = key.split('/');
    return { id, path: regionRows.get(id)!.path, name: regionRows.get(id)!.name, village, group };
  });
  const gridsOf = (village: string) => grids.filter((g) => g.village === village);

  // Households with their heads, per grid, in address order (deterministic).
  const hhRows = (await people.householdsWithin(ctx, township.path)).flatMap((h) =>
    h.headName === null ? [] : [{ id: h.id, region_id: h.regionId, address: h.address, phone: h.phone, name: h.headName }],
  );
  // Sorted here, not in SQL: the stores collate Chinese text differently.
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  hhRows.sort((x, y) => byCode(x.address, y.address) || byCode(x.name, y.name) || byCode(x.id, y.id));
  const kin = new Map<string, string>();
  for (const r of await peopleRepo.residentsOf(
    ctx.db,
    hhRows.map((h) => h.id),
  )) {
    if (r.relation !== '户主' && (r.relation === '配偶' || !kin.has(r.household_id))) kin.set(r.household_id, r.name);
  }
  const households: Household[] = hhRows.map((h) => ({
    id: h.id,
    gridId: h.region_id,
    address: h.address,
    head: h.name,
    phone: h.phone,
    kin: kin.get(h.id) ?? null,
  }));
  const householdsOf = (gridId: string) => households.filter((h) => h.gridId === gridId);

  // People: the CONTRACT accounts, plus a cadre for each village and a grid worker for each grid that has none.
  const u = seed.users;
  const MJW = '孟家湾村';
  const cadreOf = new Map<string, string>([
    [MJW, u['13800000002']],
    ['圪求河村', u['13800000005']],
  ]);
  const gridWorkerOf = new Map<string, string>([[seed.gridIds[`${MJW}/一组`], u['13800000003']]]);
  const names = new Map<string, string>();
  for (const row of await accountsRepo.usersByIds(ctx.db, Object.values(u))) names.set(row.id, row.name);
  const extra = await addDemoWorkers(ctx, new Rng(rng.int(1, 1e9)), villageNames, grids, cadreOf, gridWorkerOf, names, begin - 30 * D);
  const staff = u['13800000006'],
    leader = u['13800000001'],
    admin = u['13800000000'];
  const villager = u['13800000004'],
    party = u['13800000007'],
    mediator = u['13800000009'];
  const partyHouseholds = new Set(await peopleRepo.householdsLinkedTo(ctx.db, party));

  // The clock the cases live on: a fixed clock walked from `begin` to now.
  const clock = fixedClock(new Date(begin));
  const sim: Ctx = { ...ctx, clock };
  const actors = new Map<string, Actor>();
  const actor = async (id: string) => {
    let a = actors.get(id);
    if (!a) {
      a = await actorFor(sim, id, names.get(id) ?? '', null);
      actors.set(id, a);
    }
    return a;
  };

  // ── the plans ──
  const plans: Plan[] = [];
  const villageWeights: [string, number][] = villageNames.map((v) => [v, v === MJW ? 2.2 : v === '圪求河村' ? 1.4 : 1]);
  const reportTimes = Array.from({ length: count }, () => {
    // Slightly more recent work than old; reports come in by day, weekends included.
    const ago = rng.float() ** 1.15 * (now - begin - 2 * H);
    return daytime(now - 2 * H - ago, rng);
  })
    .map((t) => Math.min(t, now - H))
    .sort((a, b) => a - b);
  // The villager's own cases (13800000004): one long done, one rated last month, one under way.
  const villagerCases = [now - 62 * D, now - 24 * D, now - 4 * D].map((t) => daytime(t, rng));
  // Cases left stuck (not taken up, or not finished) so that some open ones carry yellow and red cards.
  const stuckIdx = new Set<number>();
  const recent = reportTimes
    .map((t, i) => [t, i] as const)
    .filter(([t]) => t > now - 35 * D && t < now - 3 * D)
    .map(([, i]) => i);
  for (let k = 0; k < Math.min(22, recent.length); k++) stuckIdx.add(recent[Math.floor(rng.float() * recent.length)]);

  const allTimes = [...reportTimes.map((t, i) => ({ t, i, own: -1 })), ...villagerCases.map((t, k) => ({ t, i: -1, own: k }))].sort((a, b) => a.t - b.t);
  for (const { t, i, own } of allTimes) {
    plans.push(own >= 0 ? villagerPlan(own, t) : randomPlan(t, stuckIdx.has(i)));
  }

  function villagerPlan(k: number, t: number): Plan {
    const hh = households.find((h) => h.id === seed.villagerHouseholdId)!;
    const grid = grids.find((g) => g.id === hh.gridId)!;
    const f = fill(grid, hh, hh, t);
    const [type, category, text]: [CaseType, string, Text] =
      k === 0
        ? ['incident', 'facility_damage', [`${grid.group}自家门前排水沟堵塞`, `${hh.head}家门前排水沟被泥沙和树叶堵住，下雨后积水漫进院子。`]]
        : k === 1
          ? ['service', 'svc_pension', SERVICES.svc_pension[0](f)]
          : [
              'incident',
              'env_dirty',
              [`${grid.group}村道旁垃圾堆积未清运`, `${grid.group}村道旁垃圾收集点的垃圾已堆了${rng.int(3, 5)}天，气味很大，请尽快清运。`],
            ];
    const input: ReportInput = { type, category, title: text[0], description: text[1], regionId: grid.id, householdId: hh.id };
    const fate =
      k === 0
        ? { rating: 5, archive: true, stopAfter: null }
        : k === 1
          ? { rating: 4, archive: false, stopAfter: null }
          : { rating: 5, archive: false, stopAfter: 'start' as const };
    // The villager's own cases run their plain course (no cards, escalations or detours).
    return { at: t, reporter: villager, input, steps: lifecycle(t, type, category, { hand: k === 1 ? 'party' : 'grid', steady: true, ...fate }) };
  }

  function fill(grid: Place, a: Household, b: Household, t: number): Fill {
    return { g: grid.group, a: a.head, b: b.head, k: a.kin ?? b.head, m: monthOf(t), n: (lo, hi) => rng.int(lo, hi), p: (xs) => rng.pick(xs) };
  }

  function randomPlan(t: number, stuck: boolean): Plan {
    const village = rng.weighted(villageWeights);
    const type = rng.weighted<CaseType>([
      ['incident', 58],
      ['service', 24],
      ['dispute', 18],
    ]);
    let category = rng.weighted(type === 'incident' ? INCIDENT_WEIGHTS : type === 'service' ? SERVICE_WEIGHTS : DISPUTE_WEIGHTS);
    if (category === 'flood_danger' && !summer(monthOf(t))) category = 'safety_hazard';
    // Who reports: the grid's worker most often, the cadre from 走访/说事会/热线, in 孟家湾村 also the party member (代办) and the mediator (纠纷).
    const options: [string, number][] = [
      ['grid', 6],
      ['cadre', 2.5],
    ];
    if (village === MJW && type === 'service') options.push(['party', 5]);
    if (village === MJW && type === 'dispute') options.push(['mediator', 3]);
    const who = rng.weighted(options);
    let grid: Place;
    let hh: Household;
    if (who === 'party') {
      const linked = households.filter((h) => partyHouseholds.has(h.id));
      hh = rng.pick(linked);
      grid = grids.find((g) => g.id === hh.gridId)!;
    } else {
      grid = rng.pick(gridsOf(village));
      hh = rng.pick(householdsOf(grid.id));
    }
    const others = householdsOf(grid.id).filter((h) => h.id !== hh.id);
    const hh2 = others.length ? rng.pick(others) : hh;
    const f = fill(grid, hh, hh2, t);
    const pool = (type === 'incident' ? INCIDENTS : type === 'service' ? SERVICES : DISPUTES)[category];
    const [title, description, respondent] = rng.pick(pool)(f);
    const reporter = who === 'party' ? party : who === 'mediator' ? mediator : who === 'cadre' ? cadreOf.get(village)! : gridWorkerOf.get(grid.id)!;
    const mentions = type !== 'incident' || title.includes(hh.head) || description.includes(hh.head);
    const priority: Priority =
      ['flood_danger', 'emergency'].includes(category) && rng.chance(0.5)
        ? 'major'
        : category === 'instability' && rng.chance(0.4)
          ? 'major'
          : type === 'dispute' && rng.chance(0.1)
            ? 'difficult'
            : 'normal';
    const details =
      type === 'dispute'
        ? {
            parties: [
              { name: hh.head, side: 'applicant', householdId: hh.id, ...(hh.phone ? { phone: hh.phone } : {}) },
              respondent ? { name: respondent, side: 'respondent' } : { name: hh2.head, side: 'respondent', householdId: hh2.id },
            ],
            riskLevel: rng.weighted([
              ['low', 6],
              ['medium', 3],
              ['high', priority === 'difficult' ? 3 : 1],
            ]),
          }
        : type === 'service'
          ? { applicant: hh.head }
          : undefined;
    const input: ReportInput = {
      type,
      category,
      title,
      description,
      regionId: grid.id,
      priority,
      details,
      ...(mentions ? { householdId: hh.id } : {}),
      ...(who === 'cadre'
        ? {
            source: rng.weighted([
              ['visit', 4],
              ['council', 3],
              ['hotline', 2],
            ]),
          }
        : who === 'party' || who === 'mediator'
          ? { source: 'visit' }
          : {}),
    };
    const hand: Hand =
      type === 'service'
        ? village === MJW
          ? rng.weighted([
              ['party', 6],
              ['grid', 2],
              ['staff', 1],
            ])
          : rng.weighted([
              ['grid', 5],
              ['staff', 2],
              ['cadre', 1],
            ])
        : type === 'dispute'
          ? village === MJW
            ? rng.weighted([
                ['mediator', 6],
                ['staff', 2],
              ])
            : rng.weighted([
                ['cadre', 3],
                ['staff', 3],
                ['grid', 1],
              ])
          : rng.weighted([
              ['grid', 7],
              ['staff', 1],
              ['cadre', village === MJW ? 0.3 : 1.5],
            ]);
    const rating = rng.weighted([
      [5, 58],
      [4, 28],
      [3, 8],
      [2, 4],
      [1, 2],
    ] as const);
    return {
      at: t,
      reporter,
      input,
      steps: lifecycle(t, type, category, {
        hand,
        rating,
        stuck,
        reject: rng.chance(0.045),
        archive: rng.chance(0.93),
        stopAfter: stuck
          ? rng.weighted([
              ['report', 4],
              ['accept', 2],
              ['dispatch', 3],
              ['start', 3],
            ] as const)
          : null,
      }),
    };
  }

  interface Fate {
    hand: Hand;
    rating: number;
    archive: boolean;
    stopAfter: 'report' | 'accept' | 'dispatch' | 'start' | null;
    stuck?: boolean;
    reject?: boolean;
    steady?: boolean;
  }

  /** The steps of one case from its report on, at office times; the ones past now are dropped later. */
  function lifecycle(t0: number, type: CaseType, category: string, fate: Fate): Step[] {
    const steps: Step[] = [];
    let t = t0;
    const at = (minH: number, maxH: number, by: 'office' | 'day' = 'office') => {
      t = Math.max(t + MIN, (by === 'office' ? office : daytime)(t + rng.range(minH, maxH) * H, rng));
      return t;
    };
    const add = (minH: number, maxH: number, s: Omit<Step, 'at'>, by: 'office' | 'day' = 'office') => {
      steps.push({ at: at(minH, maxH, by), ...s });
    };
    const calm = fate.stuck || fate.steady;
    const detour = (p: number) => !fate.steady && rng.chance(p);
    const slowAccept = !calm && rng.chance(0.07);
    const slowResolve = !calm && rng.chance(0.08);
    const skippable = ['flood_danger', 'safety_hazard', 'emergency'].includes(category);
    const escalate = calm ? null : rng.weighted([[null, 90], ['reported', 4], ['accepted', 4], ...(skippable ? ([['skip', 2]] as const) : [])] as const);

    if (fate.reject) {
      add(0.5, 20, { action: 'reject', who: 'level', note: rng.pick(NOTES.reject) });
      return steps;
    }
    if (escalate === 'reported' || escalate === 'skip')
      add(0.3, 6, {
        action: 'escalate',
        who: 'level',
        note: escalate === 'skip' ? '险情重大，越级直报区级部门' : rng.pick(NOTES.escalate),
        skipLevel: escalate === 'skip',
      });
    if (fate.stopAfter === 'report') return steps;
    add(slowAccept ? 110 : 0.3, slowAccept ? 200 : 22, { action: 'accept', who: 'level', note: pickNote(rng, NOTES.accept) });
    if (detour(0.04)) add(0.2, 4, { action: 'copy', who: 'level', note: '抄告乡综治中心备案' });
    if (escalate === 'accepted') add(0.5, 30, { action: 'escalate', who: 'level', note: rng.pick(NOTES.escalate) });
    if (type === 'service') {
      // 党员代办's six steps, in order: 受理、核实、告知 by the village, 上报、代理、反馈 by whoever runs the errand.
      add(0.1, 2, { action: 'step', who: 'level', step: '受理', note: '已受理群众点单' });
      add(0.5, 20, { action: 'step', who: 'level', step: '核实', note: '已核实申请人身份及相关材料' });
      add(0.2, 4, { action: 'step', who: 'level', step: '告知', note: '已一次性告知所需材料和办理时限' });
    }
    if (fate.stopAfter === 'accept') return steps;
    const dispatched = type !== 'incident' || fate.hand !== 'cadre' || rng.chance(0.5);
    if (dispatched) {
      add(0.2, 10, { action: 'dispatch', who: 'level', alt: rng.chance(0.4), hand: fate.hand, note: pickNote(rng, NOTES.dispatch) });
      if (fate.stopAfter === 'dispatch') return steps;
      if (!calm && rng.chance(0.03)) {
        add(2, 30, { action: 'return', who: 'handler', note: rng.pick(NOTES.handlerReturn) });
        add(1, 20, { action: 'dispatch', who: 'level', alt: rng.chance(0.4), hand: fate.hand === 'staff' ? 'grid' : 'staff', note: '重新派单' });
      }
      add(0.5, 36, { action: 'start', who: 'handler', note: pickNote(rng, NOTES.start) });
    } else {
      add(0.5, 24, { action: 'start', who: 'level', note: pickNote(rng, NOTES.start) });
    }
    if (detour(fate.stuck ? 0.4 : 0.07)) add(4, 60, { action: 'supervise', who: 'above', note: rng.pick(NOTES.supervise) });
    if (detour(0.06)) {
      add(4, 40, { action: 'request_extension', who: 'handler', days: rng.int(3, 10), note: rng.pick(NOTES.extension) });
      const approve = rng.chance(0.8);
      add(1, 20, { action: approve ? 'approve_extension' : 'deny_extension', who: 'above', note: approve ? '同意延期' : '不同意延期，请按原时限办结' });
    }
    const sessions = type === 'dispute' ? rng.int(1, 3) : 0;
    for (let k = 1; k <= sessions; k++)
      add(k === 1 ? 4 : 20, k === 1 ? 30 : 60, {
        action: 'mediate',
        who: 'handler',
        note: `第${'一二三'[k - 1]}次调解：${rng.pick(NOTES.sessions)}`,
        place: rng.pick(NOTES.places),
      });
    if (type === 'service') {
      add(1, 24, { action: 'step', who: 'handler', step: '上报', note: '材料已报送乡便民服务中心' });
      add(2, 36, { action: 'step', who: 'handler', step: '代理', note: rng.pick(['已代为办理', '已陪同群众到窗口办理', '已代为提交并跟踪进度']) });
    }
    if (fate.stopAfter === 'start') return steps;
    const agreement = rng.chance(0.88);
    const resolveNote =
      type === 'dispute'
        ? agreement
          ? `经调解双方达成协议：${rng.pick(AGREEMENTS[category])}，已签订人民调解协议书`
          : rng.pick(NOTES.terminate)
        : rng.pick(RESOLVE_NOTES[type === 'service' ? 'service' : category])(rng);
    if (type === 'service') add(1, 20, { action: 'step', who: 'handler', step: '反馈', note: '办理结果已反馈给群众' });
    add(slowResolve ? 170 : 1, slowResolve ? 280 : type === 'incident' ? 80 : 24, {
      action: 'resolve',
      who: 'handler',
      note: resolveNote,
      ...(type === 'dispute' ? ({ outcome: agreement ? 'agreement' : 'terminated' } as const) : {}),
    });
    if (type === 'incident' && detour(0.03)) {
      add(4, 40, { action: 'return', who: 'level', note: rng.pick(NOTES.levelReturn) });
      add(10, 60, { action: 'resolve', who: 'handler', note: '已按要求整改到位' });
    }
    if (type === 'dispute' && rng.chance(0.7)) add(24, 200, { action: 'revisit', who: 'handler', note: rng.pick(NOTES.revisit) });
    const rating = slowAccept || slowResolve ? Math.min(fate.rating, rng.pick([1, 2, 3, 4, 4, 5, 5])) : fate.rating;
    add(1, 70, { action: 'rate', who: 'reporter', rating, note: pickNote(rng, RATING_NOTES[rating]) }, 'day');
    if (detour(0.04)) add(4, 60, { action: 'verify', who: 'above', note: rng.pick(NOTES.verify) });
    if (!fate.archive) return steps;
    add(8, 150, { action: 'archive', who: 'level', note: pickNote(rng, NOTES.archive) });
    if (type === 'incident' && detour(0.035)) {
      // 回头看: the problem came back; the case goes round again.
      add(120, 600, { action: 'reopen', who: rng.chance(0.6) ? 'level' : 'reporter', note: rng.pick(NOTES.reopen) });
      add(0.3, 20, { action: 'dispatch', who: 'level', alt: rng.chance(0.4), hand: fate.hand, note: '回头看：请再次处理' });
      add(0.5, 24, { action: 'start', who: 'handler' });
      add(4, 100, { action: 'resolve', who: 'handler', note: '已再次处理，并建立长效机制' });
      add(1, 70, { action: 'rate', who: 'reporter', rating: rng.pick([3, 4, 4, 5]) }, 'day');
      add(8, 150, { action: 'archive', who: 'level' });
    }
    return steps;
  }

  // ── playing the plans through the service ──
  const events: Ev[] = [];
  const cutoff = now - 20 * MIN;
  plans.forEach((p, i) => {
    events.push({ at: p.at, plan: i, step: -1 });
    p.steps.forEach((s, k) => {
      if (s.at <= cutoff) events.push({ at: s.at, plan: i, step: k });
    });
  });
  events.sort((a, b) => a.at - b.at || a.plan - b.plan || a.step - b.step);

  const caseIds: (string | null)[] = plans.map(() => null);
  const failed: DemoCasesResult['failed'] = [];
  let skipped = 0;
  const moveTo = (t: number) => {
    const d = t - clock.now().getTime();
    if (d > 0) clock.advance(d);
  };
  let tick = begin + H;
  let inboxRead = false;
  const readAt = now - 36 * H;
  const allUsers = [...names.keys()];

  // The sweeper runs hourly on the simulated clock, but only when it has work: each open
  // case's yellow and red instants are kept from the service's answers (and re-read after
  // a sweep changed something), which saves thousands of empty sweeps.
  const clocks = new Map<string, { card: string | null; yellow: number; red: number }>();
  const track = (v: { id: string; status: string; card: string | null; yellowAt: string | null; dueAt: string | null }) => {
    if (isOpen(v.status as Status) && v.dueAt)
      clocks.set(v.id, { card: v.card, yellow: v.yellowAt ? Date.parse(v.yellowAt) : Infinity, red: Date.parse(v.dueAt) });
    else clocks.delete(v.id);
  };
  const sweepDue = (t: number) => [...clocks.values()].some((k) => (k.card === null && k.yellow <= t) || (k.card !== 'red' && k.red <= t));
  const sweep = async () => {
    const r = await sweepCases(sim);
    if (r.yellow + r.red + r.escalated === 0) return;
    const rows = await casesRepo.openCaseClocks(sim.db);
    clocks.clear();
    for (const c of rows) track({ id: c.id, status: c.status, card: c.card, yellowAt: c.yellow_at, dueAt: c.red_at });
  };
  const hourly = async (until: number) => {
    for (; tick <= until; tick += H) {
      if (sweepDue(tick)) {
        moveTo(tick);
        await sweep();
      }
      if (!inboxRead && tick >= readAt) {
        inboxRead = true;
        moveTo(tick);
        for (const id of allUsers) await markRead(sim, id, 'all');
      }
    }
  };

  /** One planned step, on a clock of its own standing at the step's instant. */
  async function play(e: Ev) {
    const at: Ctx = { ...ctx, clock: fixedClock(new Date(e.at)) };
    const plan = plans[e.plan];
    try {
      if (e.step === -1) {
        const v = await report(at, await actor(plan.reporter), plan.input);
        caseIds[e.plan] = v.id;
        track(v);
        return;
      }
      const id = caseIds[e.plan];
      if (!id) return;
      const s = plan.steps[e.step];
      const c = (await casesRepo.byId(at.db, id))!;
      const by = whoFor(s.who, c, plan.reporter);
      if (!by) {
        skipped++;
        return;
      }
      const a = await actor(by);
      if (!actionsFor(a, c).includes(s.action)) {
        skipped++;
        return;
      }
      const input: TransitionInput = {
        action: s.action,
        note: s.note,
        rating: s.rating,
        days: s.days,
        skipLevel: s.skipLevel,
        step: s.step,
        outcome: s.outcome,
        place: s.place,
      };
      if (s.action === 'dispatch') input.assigneeId = handFor(s.hand ?? 'grid', !!s.alt, c);
      if (s.action === 'copy') input.assigneeId = by === staff ? leader : staff;
      track(await transition(at, a, id, input));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed.push({ title: plan.input.title, action: e.step === -1 ? 'report' : plan.steps[e.step].action, code: err.code });
      if (e.step === -1) caseIds[e.plan] = null;
    }
  }

  // Windows of up to half a day in which the sweeper has nothing to do. No step sets a
  // time limit nearer than one working day, so inside a window the cases are independent:
  // on PostgreSQL several cases are played at once (each case's steps in order); SQLite
  // has one connection, so there it is one after another. Same result either way.
  const lanes = ctx.kind === 'postgres' ? 6 : 1;
  for (let i = 0; i < events.length; ) {
    await hourly(events[i].at);
    let end = tick;
    while (end <= events[i].at + 12 * H && !sweepDue(end) && (inboxRead || end < readAt)) end += H;
    let j = i;
    while (j < events.length && events[j].at < end) j++;
    const byCase = new Map<number, Ev[]>();
    for (const e of events.slice(i, j)) byCase.set(e.plan, [...(byCase.get(e.plan) ?? []), e]);
    const queue = [...byCase.values()];
    await Promise.all(
      Array.from({ length: Math.min(lanes, queue.length) }, async () => {
        for (let q = queue.shift(); q; q = queue.shift()) for (const e of q) await play(e);
      }),
    );
    // The sweeps resume after the window's last step, so no card predates a step it follows.
    const last = events[j - 1].at;
    moveTo(last);
    while (tick <= last) tick += H;
    i = j;
  }
  // Up to the real now, then one sweep at now so cards and escalations are current.
  await hourly(now);
  moveTo(now);
  await mergeDuplicates();
  await sweepCases(sim);
  // From now on the township asks for a photo of the result where a photo says most (办结须附照片): the history
  // above was played before the setting, as it would have been.
  for (const code of RESULT_PHOTO_CATEGORIES) await updateCategory(ctx, await actor(admin), code, { requireResultPhoto: true });

  /**
   * 合并: the same matter reported twice in a grid within two weeks (same category) is handled once — the village
   * merges the later report into the earlier one, a few times over the demo.
   */
  async function mergeDuplicates() {
    const open = await casesRepo.byIds(
      sim.db,
      (await casesRepo.openCaseClocks(sim.db)).map((c) => c.id),
    );
    const byMatter = new Map<string, casesRepo.CaseRow[]>();
    for (const c of open) {
      const level = regionRows.get(c.level_region_id);
      if (level?.level !== 'village' || !cadreOf.get(level.name) || c.type === 'dispute') continue;
      const k = `${c.region_id}|${c.category_code}`;
      byMatter.set(k, [...(byMatter.get(k) ?? []), c]);
    }
    let merged = 0;
    for (const list of [...byMatter.keys()].sort().map((k) => byMatter.get(k)!)) {
      if (merged >= 3) break;
      list.sort((a, b) => a.reported_at.localeCompare(b.reported_at) || a.id.localeCompare(b.id));
      const pair = list.findIndex((c, i) => i > 0 && Date.parse(c.reported_at) - Date.parse(list[i - 1].reported_at) < 14 * D);
      if (pair < 1) continue;
      const [into, later] = [list[pair - 1], list[pair]];
      const cadre = await actor(cadreOf.get(regionRows.get(later.level_region_id)!.name)!);
      await transition(sim, cadre, later.id, { action: 'merge', intoId: into.id, note: '与同一网格此前反映的同一件事合并办理' });
      merged++;
    }
  }

  /** The person behind a step, as the case stands now. */
  function whoFor(who: Who, c: casesRepo.CaseRow, reporter: string): string | null {
    const levelIds = pathIds(c.level_region_path);
    const level = regionRows.get(c.level_region_id);
    const levelPerson = (lv = level) => (!lv ? admin : lv.level === 'village' ? (cadreOf.get(lv.name) ?? null) : lv.level === 'township' ? staff : admin);
    switch (who) {
      case 'reporter':
        return reporter;
      case 'level':
        return c.level_region_id === seed.countyId ? admin : levelPerson();
      case 'handler':
        return c.assignee_id ?? (c.level_region_id === seed.countyId ? admin : levelPerson());
      case 'above': {
        if (levelIds.length < 2) return null;
        const up = levelIds[levelIds.length - 2];
        return up === seed.townshipId ? leader : up === seed.countyId ? admin : null;
      }
    }
  }

  /** Whom the responsible level hands the case to. */
  function handFor(hand: Hand, alt: boolean, c: casesRepo.CaseRow): string {
    const grid = grids.find((g) => g.id === c.region_id);
    const village = grid?.village ?? MJW;
    if (c.level_region_id !== seed.villageIds[village]) return hand === 'cadre' || (hand === 'grid' && alt) ? cadreOf.get(village)! : staff;
    switch (hand) {
      case 'party':
        return village === MJW ? party : gridWorkerOf.get(grid!.id)!;
      case 'mediator':
        return village === MJW ? mediator : cadreOf.get(village)!;
      case 'staff':
        return staff;
      case 'cadre':
        return cadreOf.get(village)!;
      case 'grid':
        return grid ? gridWorkerOf.get(grid.id)! : cadreOf.get(village)!;
    }
  }

  const rows = await casesRepo.statusesWithin(ctx.db, township.path);
  const tally = (k: 'status' | 'type') =>
    rows.reduce<Record<string, number>>((m, r) => {
      m[r[k]] = (m[r[k]] ?? 0) + 1;
      return m;
    }, {});
  return { cases: rows.length, byStatus: tally('status'), byType: tally('type'), accounts: extra, skipped, failed, ms: Date.now() - started };
}

/**
 * Accounts for the villages and grids the CONTRACT accounts leave empty: a
 * cadre per village, a grid worker per grid (password demo123456, phones
 * 1390000xxxx), created well before the cases so they sort after the CONTRACT
 * accounts in the users list.
 */
async function addDemoWorkers(
  ctx: Ctx,
  rng: Rng,
  villages: string[],
  grids: Place[],
  cadreOf: Map<string, string>,
  gridWorkerOf: Map<string, string>,
  names: Map<string, string>,
  createdAt: number,
) {
  const hash = await hashPassword(DEMO_PASSWORD);
  const at = new Date(createdAt).toISOString();
  const used = new Set(names.values());
  const name = () => {
    for (;;) {
      const n = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.75) ? rng.pick(GIVEN) : '');
      if (!used.has(n) && n[1] !== n[2]) {
        used.add(n);
        return n;
      }
    }
  };
  const villageRows = new Map(
    (
      await regions.getMany(
        ctx,
        grids.map((g) => pathIds(g.path).at(-2)!),
      )
    ).map((r) => [r.name, r]),
  );
  const todo: { role: string; region: { id: string; path: string }; set: (id: string) => void }[] = [];
  for (const v of villages) if (!cadreOf.has(v)) todo.push({ role: 'village_cadre', region: villageRows.get(v)!, set: (id) => cadreOf.set(v, id) });
  for (const g of grids) if (!gridWorkerOf.has(g.id)) todo.push({ role: 'grid_worker', region: g, set: (id) => gridWorkerOf.set(g.id, id) });
  await ctx.db.transaction().execute(async (tx) => {
    let phone = 13900000101;
    for (const w of todo) {
      const id = newId();
      const n = name();
      await accountsRepo.insertUser(tx, { id, phone: String(phone++), name: n, password_hash: hash, active: 1, created_at: at, updated_at: at });
      await accountsRepo.insertGrants(tx, [
        { id: newId(), user_id: id, role: w.role, region_id: w.region.id, region_path: w.region.path, household_id: null, created_at: at },
      ]);
      names.set(id, n);
      w.set(id);
    }
  });
  return todo.length;
}
