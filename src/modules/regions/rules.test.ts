import { describe, expect, it } from 'vitest';
import { childLevelAllowed, childPath, codeFits, pathIds } from './rules.js';

describe('region rules', () => {
  it('levels nest county → township → village → grid (→ grid)', () => {
    expect(childLevelAllowed(null, 'county')).toBe(true);
    expect(childLevelAllowed('county', 'township')).toBe(true);
    expect(childLevelAllowed('township', 'village')).toBe(true);
    expect(childLevelAllowed('village', 'grid')).toBe(true);
    expect(childLevelAllowed('grid', 'grid')).toBe(true);
    expect(childLevelAllowed('township', 'grid')).toBe(false);
    expect(childLevelAllowed('village', 'township')).toBe(false);
  });
  it('paths and codes', () => {
    expect(childPath('/a/', 'b')).toBe('/a/b/');
    expect(pathIds('/a/b/c/')).toEqual(['a', 'b', 'c']);
    expect(codeFits('township', '610802205')).toBe(true);
    expect(codeFits('village', '610802205200')).toBe(true);
    expect(codeFits('village', '6108022052')).toBe(false);
  });
});
