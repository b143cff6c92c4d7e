// Jurisdiction tree rules: which level may sit under which.
export const LEVELS = ['county', 'township', 'village', 'grid'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = { county: '区县', township: '乡镇', village: '村', grid: '网格' };

/** Children allowed under a level; grids may nest (三级/四级网格). */
export function childLevelAllowed(parent: Level | null, child: Level): boolean {
  if (parent === null) return child === 'county';
  if (parent === 'grid') return child === 'grid';
  return LEVELS.indexOf(child) === LEVELS.indexOf(parent) + 1;
}

export { childPath, pathIds } from '../../core/scope.js';

/** National division code shape per level (GB/T 2260 + 统计用区划代码). */
export function codeFits(level: Level, code: string): boolean {
  if (level === 'county') return /^\d{6}$/.test(code);
  if (level === 'township') return /^\d{9}$/.test(code);
  if (level === 'village') return /^\d{12}$/.test(code);
  return /^[\dA-Za-z-]{1,20}$/.test(code);
}
