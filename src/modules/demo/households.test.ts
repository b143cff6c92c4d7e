import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { genderFromId, idNumberProblem } from '../../shared/idnumber.js';
import { TAG_CODES } from '../../shared/tags.js';
import { generateDemoHouseholds, type DemoGrid, type DemoHousehold } from './households.js';

const TODAY = '2025-06-15';
const GRIDS: DemoGrid[] = [
  { key: 'mjw-1', villageName: '孟家湾村', groupName: '一组' },
  { key: 'mjw-2', villageName: '孟家湾村', groupName: '二组' },
  { key: 'xz-3', villageName: '新庄村', groupName: '三组' },
];
const RELATIONS = new Set(['户主', '配偶', '子女', '儿媳', '孙子女', '父母', '兄弟姐妹', '其他']);
const COVERED = ['poor', 'elderly_alone', 'severe_disability', 'notable', 'party_member'];

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Throws (via expect) when any structural invariant is broken. */
function checkInvariants(households: DemoHousehold[], grids: DemoGrid[], perGrid: number, today: string): void {
  expect(households).toHaveLength(grids.length * perGrid);
  const tagCodes = new Set<string>(TAG_CODES);
  const ids = new Set<string>();
  for (const grid of grids) {
    const mine = households.filter((h) => h.gridKey === grid.key);
    expect(mine).toHaveLength(perGrid);
    const addresses = mine.map((h) => h.address);
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const h of mine) {
      expect(h.address).toMatch(new RegExp(`^${grid.villageName}${grid.groupName}\\d+号$`));
      expect(h.residents.length).toBeGreaterThanOrEqual(1);
      expect(h.residents.length).toBeLessThanOrEqual(6);
      const [head] = h.residents;
      expect(head.relation).toBe('户主');
      expect(ageOn(head.birthDate, today)).toBeGreaterThanOrEqual(18);
      expect(h.residents.filter((r) => r.relation === '户主')).toHaveLength(1);
      expect(h.phone).toMatch(/^1[3589]\d{9}$/);
      expect(h.residents.some((r) => r.phone === h.phone)).toBe(true);
      const spouse = h.residents.find((r) => r.relation === '配偶');
      if (spouse) {
        expect(spouse.gender).not.toBe(head.gender);
        expect(Math.abs(ageOn(spouse.birthDate, today) - ageOn(head.birthDate, today))).toBeLessThanOrEqual(8);
      }
      for (const r of h.residents) {
        const age = ageOn(r.birthDate, today);
        expect(age).toBeGreaterThanOrEqual(0);
        expect(r.name).toMatch(/^\p{Script=Han}{2,3}$/u);
        expect(idNumberProblem(r.idNumber, r.birthDate)).toBeNull();
        expect(r.idNumber.slice(0, 6)).toBe('610802');
        expect(genderFromId(r.idNumber)).toBe(r.gender);
        expect(ids.has(r.idNumber)).toBe(false);
        ids.add(r.idNumber);
        expect(RELATIONS.has(r.relation)).toBe(true);
        for (const t of r.tags) expect(tagCodes.has(t)).toBe(true);
        expect(new Set(r.tags).size).toBe(r.tags.length);
        if (r.phone !== undefined) {
          expect(age).toBeGreaterThanOrEqual(18);
          expect(r.phone).toMatch(/^1[3589]\d{9}$/);
          expect(r.phone >= '13800000000' && r.phone <= '13800000099').toBe(false);
        }
        if (r.relation === '子女') {
          // Children were born when the head (and spouse) were 20-40.
          for (const parent of spouse ? [head, spouse] : [head]) {
            const gap = ageOn(parent.birthDate, today) - age;
            expect(gap).toBeGreaterThanOrEqual(19);
            expect(gap).toBeLessThanOrEqual(41);
          }
        }
        if (r.tags.includes('elderly_alone')) {
          expect(h.residents).toHaveLength(1);
          expect(age).toBeGreaterThanOrEqual(70);
        }
        if (r.tags.includes('left_behind_child')) {
          expect(age).toBeLessThan(16);
          expect(h.residents.some((o) => o.relation === '子女' || o.relation === '儿媳')).toBe(false);
        }
        if (r.tags.includes('party_member')) expect(age).toBeGreaterThanOrEqual(18);
      }
    }
    if (perGrid >= 20) {
      const tags = new Set(mine.flatMap((h) => h.residents.flatMap((r) => r.tags)));
      for (const t of COVERED) expect(tags.has(t), `grid ${grid.key} lacks ${t}`).toBe(true);
    }
  }
}

describe('generateDemoHouseholds', () => {
  it('is deterministic for a given seed', () => {
    const a = generateDemoHouseholds({ grids: GRIDS, householdsPerGrid: 30, seed: 7, today: TODAY });
    const b = generateDemoHouseholds({ grids: GRIDS, householdsPerGrid: 30, seed: 7, today: TODAY });
    expect(b).toEqual(a);
    const c = generateDemoHouseholds({ grids: GRIDS, householdsPerGrid: 30, seed: 8, today: TODAY });
    expect(c).not.toEqual(a);
  });

  it('produces a valid registry', () => {
    const hs = generateDemoHouseholds({ grids: GRIDS, householdsPerGrid: 40, seed: 20250615, today: TODAY });
    checkInvariants(hs, GRIDS, 40, TODAY);
    expect(hs.every((h) => h.gridKey === GRIDS.find((g) => g.key === h.gridKey)?.key)).toBe(true);
  });

  it('avoids duplicate names within a village', () => {
    const hs = generateDemoHouseholds({ grids: GRIDS, householdsPerGrid: 60, seed: 3, today: TODAY });
    for (const village of ['孟家湾村', '新庄村']) {
      const names = hs.filter((h) => h.address.startsWith(village)).flatMap((h) => h.residents.map((r) => r.name));
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('covers the visit-plan tags in every grid of 20+ households', () => {
    for (let seed = 0; seed < 60; seed++) {
      const hs = generateDemoHouseholds({ grids: GRIDS, householdsPerGrid: 20, seed, today: TODAY });
      for (const g of GRIDS) {
        const tags = new Set(hs.filter((h) => h.gridKey === g.key).flatMap((h) => h.residents.flatMap((r) => r.tags)));
        for (const t of COVERED) expect(tags.has(t), `seed ${seed} grid ${g.key} lacks ${t}`).toBe(true);
      }
    }
  });

  it('has roughly the intended tag rates', () => {
    const grids = Array.from({ length: 20 }, (_, i) => ({ key: `g${i}`, villageName: `村${i}`, groupName: '一组' }));
    const rs = generateDemoHouseholds({ grids, householdsPerGrid: 50, seed: 1, today: TODAY }).flatMap((h) => h.residents);
    const rate = (t: string) => rs.filter((r) => r.tags.includes(t)).length / rs.length;
    expect(rate('poor')).toBeGreaterThan(0.03);
    expect(rate('poor')).toBeLessThan(0.1);
    expect(rate('party_member')).toBeGreaterThan(0.03);
    expect(rate('party_member')).toBeLessThan(0.1);
    expect(rate('left_behind_child')).toBeGreaterThan(0);
    const veterans = rs.filter((r) => r.tags.includes('veteran'));
    expect(veterans.filter((r) => r.gender === 'male').length).toBeGreaterThan(veterans.length * 0.8);
  });

  it('keeps its invariants for random seeds, sizes and dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('2024-02-29', '2025-01-01', '2025-06-15', '2030-12-31'),
        (seed, perGrid, gridCount, today) => {
          const grids = GRIDS.slice(0, gridCount);
          const hs = generateDemoHouseholds({ grids, householdsPerGrid: perGrid, seed, today });
          checkInvariants(hs, grids, perGrid, today);
          expect(generateDemoHouseholds({ grids, householdsPerGrid: perGrid, seed, today })).toEqual(hs);
        },
      ),
      { numRuns: 60 },
    );
  });
});
