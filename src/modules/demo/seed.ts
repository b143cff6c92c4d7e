// Seeds the demo township on an empty database: jurisdiction tree with real
// division codes, grids, a generated registry and the CONTRACT.md accounts.
import { sql } from 'kysely';
import type { Ctx } from '../../core/context.js';
import { shanghaiDate } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { hashPassword } from '../../core/passwords.js';
import * as regionsRepo from '../regions/index.js';
import { childPath } from '../../core/scope.js';
import * as accountsRepo from '../accounts/index.js';
import * as people from '../people/service.js';
import * as peopleRepo from '../people/index.js';
import { DEMO_COUNTY, DEMO_TOWNSHIP, DEMO_VILLAGES, GROUP_NAMES } from './divisions.js';
import { generateDemoHouseholds, type DemoGrid } from './households.js';

export const DEMO_PASSWORD = 'demo123456';
const SEED_LOCK = 72_810_001;

export interface DemoSeed {
  countyId: string;
  townshipId: string;
  villageIds: Record<string, string>;
  gridIds: Record<string, string>; // "孟家湾村/一组"
  users: Record<string, string>; // phone → user id
  villagerHouseholdId: string;
}

/** True when the store holds no regions yet. */
export async function isEmpty(ctx: Ctx): Promise<boolean> {
  return !(await regionsRepo.anyRegion(ctx.db));
}

/**
 * Seeds the demo township into an empty store. Safe when two servers start at
 * once: the seed takes a transaction-scoped advisory lock on PostgreSQL (SQLite
 * serializes writers) and re-checks emptiness inside; the loser returns null.
 */
export async function seedDemo(ctx: Ctx, opts: { householdsPerGrid?: number } = {}): Promise<DemoSeed | null> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const perGrid = opts.householdsPerGrid ?? 8;
  const region = (
    parent: { id: string; path: string; depth: number; county_id: string } | null,
    level: 'county' | 'township' | 'village' | 'grid',
    name: string,
    code: string,
    sort: number,
  ) => {
    const id = newId();
    return {
      id,
      parent_id: parent?.id ?? null,
      level,
      code,
      name,
      path: childPath(parent?.path ?? null, id),
      depth: (parent?.depth ?? -1) + 1,
      sort_order: sort,
      county_id: parent?.county_id ?? id,
      created_at: at,
    };
  };
  const county = region(null, 'county', DEMO_COUNTY.name, DEMO_COUNTY.code, 0);
  const township = region(county, 'township', DEMO_TOWNSHIP.name, DEMO_TOWNSHIP.code, 0);
  const villages = DEMO_VILLAGES.map((v, i) => region(township, 'village', v.name, v.code, i));
  const grids: (ReturnType<typeof region> & { key: string; villageName: string; groupName: string })[] = [];
  villages.forEach((v) => {
    const n = v.name === '孟家湾村' ? 4 : 3;
    for (let g = 0; g < n; g++)
      grids.push({
        ...region(v, 'grid', `${GROUP_NAMES[g]}网格`, `${v.code}${String(g + 1).padStart(2, '0')}`, g),
        key: `${v.name}/${GROUP_NAMES[g]}`,
        villageName: v.name,
        groupName: GROUP_NAMES[g],
      });
  });

  const demoGrids: DemoGrid[] = grids.map((g) => ({ key: g.key, villageName: g.villageName, groupName: g.groupName }));
  const households = generateDemoHouseholds({ grids: demoGrids, householdsPerGrid: perGrid, seed: 20261127, today: shanghaiDate(now) });
  const gridByKey = new Map(grids.map((g) => [g.key, g]));
  const hash = await hashPassword(DEMO_PASSWORD);

  return ctx.db.transaction().execute(async (tx) => {
    if (ctx.kind === 'postgres') await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(tx);
    if (await regionsRepo.anyRegion(tx)) return null;
    for (const r of [county, township, ...villages]) await regionsRepo.insert(tx, r);
    for (let i = 0; i < grids.length; i += 50)
      await regionsRepo.insert(
        tx,
        grids.slice(i, i + 50).map(({ key: _k, villageName: _v, groupName: _g, ...r }) => r),
      );

    const inserted = await people.insertHouseholdsTx(
      ctx,
      tx,
      null,
      households.map((h) => ({
        region: gridByKey.get(h.gridKey)!,
        input: { regionId: gridByKey.get(h.gridKey)!.id, address: h.address, phone: h.phone, residents: h.residents },
      })),
    );

    const mjw = villages[0];
    const gqh = villages[1];
    const mjwGrid1 = grids.find((g) => g.key === '孟家湾村/一组')!;
    const villagerHousehold = inserted.find((h) => h.region_id === mjwGrid1.id)!;
    const head = (await peopleRepo.residentsOf(tx, [villagerHousehold.id])).find((r) => r.id === villagerHousehold.head_resident_id)!;
    await peopleRepo.updateResident(tx, head.id, { phone: '13800000004' });
    await peopleRepo.updateHousehold(tx, villagerHousehold.id, { phone: '13800000004' });
    // The demo mediator 白世荣 is a villager of 孟家湾村 (乡贤): his household earns the mediator's points.
    const mjwHeads = await peopleRepo.residentsOf(
      tx,
      inserted.filter((h) => h.region_id !== mjwGrid1.id && h.region_path.startsWith(mjw.path)).map((h) => h.id),
    );
    const mediatorHead = mjwHeads.find((r) => r.gender === 'male' && inserted.some((h) => h.head_resident_id === r.id))!;
    await peopleRepo.updateResident(tx, mediatorHead.id, { name: '白世荣', phone: '13800000009' });

    const accounts: { phone: string; name: string; role: string; region: { id: string; path: string }; household?: string; unit?: string }[] = [
      { phone: '13800000000', name: '王建军', role: 'admin', region: county },
      { phone: '13800000001', name: '李志刚', role: 'township_leader', region: township },
      { phone: '13800000002', name: '高永强', role: 'village_cadre', region: mjw },
      { phone: '13800000003', name: '马丽娟', role: 'grid_worker', region: mjwGrid1 },
      { phone: '13800000004', name: head.name, role: 'villager', region: mjwGrid1, household: villagerHousehold.id },
      { phone: '13800000005', name: '郝建平', role: 'village_cadre', region: gqh },
      { phone: '13800000006', name: '张晓燕', role: 'township_staff', region: township, unit: '综治中心' },
      { phone: '13800000007', name: '杨学文', role: 'party_member', region: mjw },
      { phone: '13800000008', name: '孟庆华', role: 'supervisor', region: mjw },
      { phone: '13800000009', name: '白世荣', role: 'mediator', region: mjw },
    ];
    const users: Record<string, string> = {};
    for (const a of accounts) {
      const id = newId();
      users[a.phone] = id;
      await accountsRepo.insertUser(tx, { id, phone: a.phone, name: a.name, password_hash: hash, active: 1, created_at: at, updated_at: at });
      await accountsRepo.insertGrants(tx, [
        {
          id: newId(),
          user_id: id,
          role: a.role,
          region_id: a.region.id,
          region_path: a.region.path,
          household_id: a.household ?? null,
          unit: a.unit ?? null,
          created_at: at,
        },
      ]);
    }
    // 党员联户: the demo party member serves a dozen households of 孟家湾村.
    const mjwHouseholds = inserted.filter((h) => h.region_path.startsWith(mjw.path)).slice(0, 12);
    await peopleRepo.insertPartyLinks(
      tx,
      mjwHouseholds.map((h) => ({ user_id: users['13800000007'], household_id: h.id, created_at: at })),
    );

    return {
      countyId: county.id,
      townshipId: township.id,
      villageIds: Object.fromEntries(villages.map((v) => [v.name, v.id])),
      gridIds: Object.fromEntries(grids.map((g) => [g.key, g.id])),
      users,
      villagerHouseholdId: villagerHousehold.id,
    };
  });
}
