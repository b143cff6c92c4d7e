import { describe, expect, it } from 'vitest';
import type { AppError } from './errors.js';
import { Scope, type Grant } from './scope.js';
import type { Actor } from './context.js';
import { definePolicy, defineRegionAbilities, heldAbilities, holds, roleIs } from './abilities.js';

const actor = (grants: Grant[]): Actor => ({ userId: 'u', name: 'u', ip: null, scope: new Scope(grants) });
const cadre = actor([{ role: 'village_cadre', regionId: 'v', regionPath: '/c/t/v/', householdId: null }]);
const grid = actor([{ role: 'grid_worker', regionId: 'g', regionPath: '/c/t/v/g/', householdId: null }]);

const region = defineRegionAbilities({
  'test.approve': { held: holds('points.manage'), zh: '不能审核', en: 'May not approve' },
  'test.log': roleIs('grid_worker', 'village_cadre'),
});
const policy = definePolicy({
  entity: ['测试', 'Test'],
  see: 'test.read',
  abilities: {
    'test.read': (a, row: { path: string }) => a.scope.canSeeRegion(row.path),
    'test.approve': { allow: (a, row) => region.canIn(a, 'test.approve', row.path), zh: '只有村两委可以审核', en: 'Only the village approves' },
  },
});

describe('abilities', () => {
  it('region abilities are held in the subtree of each passing grant', () => {
    expect(region.canIn(cadre, 'test.approve', '/c/t/v/g/')).toBe(true);
    expect(region.canIn(cadre, 'test.approve', '/c/t/')).toBe(false);
    expect(region.canIn(grid, 'test.approve', '/c/t/v/g/')).toBe(false);
    expect(region.canSomewhere(grid, 'test.log')).toBe(true);
    expect(region.roots(cadre, 'test.log')).toEqual(['/c/t/v/']);
    expect(() => region.assertIn(grid, 'test.approve', '/c/t/v/g/')).toThrow('不能审核');
  });

  it('GET /api/me lists each held ability with the regions where held', () => {
    const held = heldAbilities(grid);
    expect(held['test.log']).toEqual(['g']);
    expect(held['test.approve']).toBeUndefined();
  });

  it("a row outside the caller's sight is 404, a visible row they may not act on is 403", () => {
    const row = { path: '/c/t/v/g/' };
    expect(policy.abilities(cadre, row)).toEqual(['test.read', 'test.approve']);
    expect(policy.abilities(grid, row)).toEqual(['test.read']);
    expect(policy.assert(cadre, 'test.approve', row)).toBe(row);
    const status = (f: () => unknown) => {
      try {
        f();
        return 200;
      } catch (e) {
        return (e as AppError).status;
      }
    };
    expect(status(() => policy.assert(grid, 'test.approve', row))).toBe(403);
    expect(status(() => policy.assert(grid, 'test.approve', { path: '/c/t/v2/' }))).toBe(404);
    expect(status(() => policy.assert(cadre, 'test.read', null))).toBe(404);
  });
});
