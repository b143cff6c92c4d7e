// Generates a county-sized jurisdiction tree and registry straight into a store:
// ~20 townships, ~300 villages, ~2,500 grids, N households with 2 residents each.
import type { Ctx } from '../src/core/context.js';
import type { HouseholdsTable, ResidentsTable } from '../src/db/schema.js';
import { newId } from '../src/core/ids.js';
import { makeIdNumber } from '../src/shared/idnumber.js';
import { childPath } from '../src/modules/regions/rules.js';

export interface CountyShape {
  townships: number;
  villagesPerTownship: number;
  gridsPerVillage: number;
  households: number;
}

const SURNAMES = [...'王李张刘高马郝杨贺白孟乔苏曹任折冯常霍薛'];
const GIVEN = [...'建国军伟强明平志华东海峰斌刚林涛亮宏文武秀英兰梅芳丽娟霞艳玲'];

export async function generateCounty(ctx: Ctx, shape: CountyShape) {
  const at = new Date().toISOString();
  const mk = (
    parent: { id: string; path: string; depth: number; county_id: string } | null,
    level: 'county' | 'township' | 'village' | 'grid',
    name: string,
    code: string,
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
      sort_order: 0,
      county_id: parent?.county_id ?? id,
      created_at: at,
    };
  };
  const county = mk(null, 'county', '测试县', '619999');
  const regions = [county];
  const grids: typeof regions = [];
  for (let t = 0; t < shape.townships; t++) {
    const town = mk(county, 'township', `第${t + 1}乡`, `619999${String(100 + t).padStart(3, '0')}`);
    regions.push(town);
    for (let v = 0; v < shape.villagesPerTownship; v++) {
      const vil = mk(town, 'village', `${t + 1}乡${v + 1}村`, `${town.code}${String(200 + v).padStart(3, '0')}`);
      regions.push(vil);
      for (let g = 0; g < shape.gridsPerVillage; g++) {
        const gr = mk(vil, 'grid', `${g + 1}组网格`, `${vil.code}${String(g + 1).padStart(2, '0')}`);
        regions.push(gr);
        grids.push(gr);
      }
    }
  }
  for (let i = 0; i < regions.length; i += 100)
    await ctx.db
      .insertInto('regions')
      .values(regions.slice(i, i + 100))
      .execute();

  let seq = 0;
  const batch = 500;
  for (let start = 0; start < shape.households; start += batch) {
    const hh: HouseholdsTable[] = [];
    const rs: ResidentsTable[] = [];
    for (let i = start; i < Math.min(start + batch, shape.households); i++) {
      const grid = grids[i % grids.length];
      const hid = newId();
      for (let k = 0; k < 2; k++) {
        seq++;
        const gender = k === 0 ? 'male' : 'female';
        const birth = `${1940 + (seq % 60)}-${String(1 + (seq % 12)).padStart(2, '0')}-${String(1 + (seq % 28)).padStart(2, '0')}`;
        // Birth dates cycle every 420; the even sequence (odd for men) and area code advance per cycle, so numbers stay unique.
        const id = makeIdNumber(String(610000 + Math.floor(seq / 210_000)), birth, (Math.floor(seq / 420) % 500) * 2, gender as 'male' | 'female');
        rs.push({
          id: newId(),
          household_id: hid,
          region_path: grid.path,
          county_id: county.id,
          name: SURNAMES[seq % SURNAMES.length] + GIVEN[(seq * 7) % GIVEN.length] + GIVEN[(seq * 13) % GIVEN.length],
          gender: gender as 'male' | 'female',
          birth_date: birth,
          id_number: id,
          id_tail: id.slice(-4),
          phone: `139${String(seq).padStart(8, '0')}`,
          relation: k === 0 ? '户主' : '配偶',
          note: null,
          created_at: at,
          updated_at: at,
        });
      }
      hh.push({
        id: hid,
        region_id: grid.id,
        region_path: grid.path,
        county_id: county.id,
        address: `${grid.name}${i}号`,
        phone: null,
        head_resident_id: rs[rs.length - 2].id,
        created_at: at,
        updated_at: at,
      });
    }
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('households').values(hh).execute();
      for (let i = 0; i < rs.length; i += 250)
        await tx
          .insertInto('residents')
          .values(rs.slice(i, i + 250))
          .execute();
      await tx
        .insertInto('resident_tags')
        .values(rs.filter((_, j) => j % 17 === 0).map((r) => ({ resident_id: r.id, household_id: r.household_id, tag: 'poor' })))
        .execute();
    });
  }
  return { county, grids, regions };
}
