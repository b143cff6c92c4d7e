import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isWithin, pathUpperBound, Scope } from './scope.js';

describe('scope', () => {
  it('range bounds cover exactly the subtree', () => {
    expect(pathUpperBound('/a/b/')).toBe('/a/b0');
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[0-9a-z]{1,6}$/), { minLength: 1, maxLength: 4 }),
        fc.array(fc.stringMatching(/^[0-9a-z]{1,6}$/), { minLength: 1, maxLength: 4 }),
        (a, b) => {
          const root = `/${a.join('/')}/`;
          const other = `/${b.join('/')}/`;
          const inRange = other >= root && other < pathUpperBound(root);
          return inRange === isWithin(other, root);
        },
      ),
    );
  });

  it('grants give registry paths, region paths and single households by role', () => {
    const s = new Scope(
      [
        { role: 'grid_worker', regionId: 'g', regionPath: '/c/t/v/g/', householdId: null },
        { role: 'village_cadre', regionId: 'v', regionPath: '/c/t/v/', householdId: null },
        { role: 'villager', regionId: 'g2', regionPath: '/c/t/v2/g2/', householdId: 'h1' },
      ],
      ['h9'],
    );
    expect(s.registryPaths).toEqual(['/c/t/v/']);
    expect(s.regionPaths).toEqual(['/c/t/v/', '/c/t/v2/g2/']);
    expect(s.householdIds).toEqual(['h1', 'h9']);
    expect(s.canSeeRow('/c/t/v2/g2/', 'h1')).toBe(true);
    expect(s.canSeeRow('/c/t/v2/g2/', 'h2')).toBe(false);
    expect(s.can('registry.write', '/c/t/v/g/')).toBe(true);
    expect(s.can('registry.write', '/c/t/v2/g2/')).toBe(false);
    expect(s.canSeeRegion('/c/t/')).toBe(false);
  });
});
