import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHINESE_DAYS } from '../../core/workdays.js';
import {
  acknowledgement,
  charBigrams,
  choiceSettings,
  DEFAULT_CHOICES,
  DEFAULT_LIMITS,
  effectiveChoices,
  mergeProblem,
  nextStatus,
  normalizeText,
  OTHER_CHOICE,
  reportTitle,
  resolveChoice,
  similarCases,
  similarity,
  SIMILAR_THRESHOLD,
  isTerminal,
  STATUSES,
  type ChoiceOverride,
} from './rules.js';

const ACTIVE = new Map<string, string>([
  ['facility_damage', 'incident'],
  ['env_dirty', 'incident'],
  ['safety_hazard', 'incident'],
  ['neighbour_conflict', 'incident'],
  ['svc_errand', 'service'],
  ['illegal_building', 'incident'],
  ['life_difficulty', 'incident'],
  ['flood_danger', 'incident'],
  ['other', 'incident'],
]);

describe('the villager’s choices', () => {
  it('are the defaults in order with 其他 last, each with its type', () => {
    const list = effectiveChoices(DEFAULT_CHOICES, [], ACTIVE);
    expect(list.map((c) => c.label)).toEqual([
      '路灯坏了',
      '垃圾没清',
      '道路水渠',
      '安全隐患',
      '邻里矛盾',
      '想找人代办',
      '乱搭乱建',
      '生活困难',
      '水情险情',
      '其他',
    ]);
    expect(resolveChoice(list, 'errand')).toEqual({ type: 'service', category: 'svc_errand' });
    expect(resolveChoice(list, 'other')).toEqual({ type: 'incident', category: 'other' });
    expect(resolveChoice(list, 'nonsense')).toBeNull();
  });

  it('follow the village’s own mapping, order and switches; a choice on an inactive category is not offered', () => {
    const own: ChoiceOverride[] = [
      { code: 'road', category: 'flood_danger', active: true, sortOrder: -1 },
      { code: 'garbage', category: 'env_dirty', active: false, sortOrder: 1 },
    ];
    const active = new Map(ACTIVE);
    active.delete('illegal_building');
    const list = effectiveChoices(DEFAULT_CHOICES, own, active);
    expect(list[0]).toMatchObject({ code: 'road', category: 'flood_danger' });
    expect(list.map((c) => c.code)).not.toContain('garbage');
    expect(list.map((c) => c.code)).not.toContain('building');
    expect(list.at(-1)!.code).toBe(OTHER_CHOICE);
  });

  it('always end with exactly one 其他, whatever the village turned off', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            code: fc.constantFrom(...DEFAULT_CHOICES.map((c) => c.code), OTHER_CHOICE),
            category: fc.constantFrom(...ACTIVE.keys(), 'gone'),
            active: fc.boolean(),
            sortOrder: fc.integer({ min: -5, max: 20 }),
          }),
        ),
        (own) => {
          const list = effectiveChoices(DEFAULT_CHOICES, own, ACTIVE);
          expect(list.filter((c) => c.code === OTHER_CHOICE)).toHaveLength(1);
          expect(list.at(-1)!.code).toBe(OTHER_CHOICE);
          for (const c of list) expect(ACTIVE.has(c.category)).toBe(true);
          expect(new Set(list.map((c) => c.code)).size).toBe(list.length);
        },
      ),
    );
  });

  it('keep every choice but 其他 for the cadres to edit, those turned off included, in the village’s order', () => {
    const own: ChoiceOverride[] = [
      { code: 'hazard', category: 'safety_hazard', active: true, sortOrder: 0 },
      { code: 'garbage', category: 'env_dirty', active: false, sortOrder: 1 },
    ];
    const all = choiceSettings(DEFAULT_CHOICES, own);
    expect(all.map((c) => c.code)).toEqual(['hazard', 'garbage', 'streetlight', 'road', 'neighbours', 'errand', 'building', 'hardship', 'flood']);
    expect(all[1].active).toBe(false);
    expect(effectiveChoices(DEFAULT_CHOICES, own, ACTIVE).map((c) => c.code)).toEqual([...all.filter((c) => c.active).map((c) => c.code), 'other']);
  });

  it('make a title from the words when the villager gave none', () => {
    expect(reportTitle('路灯坏了', '村口路灯不亮了。晚上很黑')).toBe('路灯坏了：村口路灯不亮了');
    expect(reportTitle('其他', '  ')).toBe('其他');
    expect(reportTitle('其他', '很长'.repeat(50))).toHaveLength(60);
  });
});

describe('the acknowledgement after sending', () => {
  it('counts the accept limit in working days on the calendar', () => {
    // Friday 27 November 2026, 10:00: two working days on is Tuesday 1 December.
    const a = acknowledgement(CHINESE_DAYS, new Date('2026-11-27T02:00:00Z'), DEFAULT_LIMITS.normal);
    expect(a).toEqual({ days: 2, by: '2026-12-01T02:00:00.000Z', words: '已收到，村里将在2个工作日内受理（12月1日前）' });
    // Before 国庆: the holiday does not count.
    expect(acknowledgement(CHINESE_DAYS, new Date('2026-09-30T02:00:00Z'), DEFAULT_LIMITS.major).words).toBe('已收到，村里将在1个工作日内受理（10月8日前）');
  });
});

describe('similar reports', () => {
  it('ignore punctuation and spaces and cut Chinese into character pairs', () => {
    expect(normalizeText('村口 路灯，不亮了！')).toBe('村口路灯不亮了');
    expect([...charBigrams('路灯坏了')]).toEqual(['路灯', '灯坏', '坏了']);
    expect([...charBigrams('灯')]).toEqual(['灯']);
    expect(charBigrams('，。！').size).toBe(0);
  });

  it('find the same matter told in other words, not a different one', () => {
    const at = '2026-11-20T02:00:00Z';
    const cases = [
      { id: 'a', title: '村口路灯坏了', description: '村口的路灯不亮，晚上很黑', reported_at: at },
      { id: 'b', title: '垃圾没清', description: '河边垃圾堆了三天没人清运', reported_at: at },
      { id: 'c', title: '邻里矛盾', description: '两家为宅基地吵架', reported_at: at },
    ];
    const found = similarCases('路灯坏了：村口路灯不亮了，晚上走路看不见', cases);
    expect(found.map((c) => c.id)).toEqual(['a']);
    expect(found[0].score).toBeGreaterThanOrEqual(SIMILAR_THRESHOLD);
    expect(similarCases('河边的垃圾好几天没人清了', cases).map((c) => c.id)).toEqual(['b']);
    expect(similarCases('我家的猪跑丢了', cases)).toEqual([]);
  });

  it('is symmetric, between 0 and 1, and 1 for the same text', () => {
    const zh = fc.string({ unit: fc.constantFrom(...'村口路灯坏了垃圾没清邻里矛盾，。 水渠'), maxLength: 30 });
    fc.assert(
      fc.property(zh, zh, (a, b) => {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarity(b, a)).toBeCloseTo(s, 12);
        if (normalizeText(a).length) expect(similarity(a, a)).toBe(1);
      }),
    );
  });

  it('offer at most three, best first', () => {
    const cases = Array.from({ length: 6 }, (_, i) => ({
      id: String(i),
      title: `路灯坏了${'灯'.repeat(i)}`,
      description: '',
      reported_at: '2026-11-20T00:00:00Z',
    }));
    const found = similarCases('路灯坏了', cases);
    expect(found).toHaveLength(3);
    expect(found[0].id).toBe('0');
    for (let i = 1; i < found.length; i++) expect(found[i - 1].score).toBeGreaterThanOrEqual(found[i].score);
  });
});

describe('merging', () => {
  const open = (id: string, level = '/t/v/') => ({ id, status: 'accepted', level_region_path: level });
  it('ends the merged case from any open state; merged is terminal', () => {
    for (const s of ['reported', 'accepted', 'dispatched', 'in_progress'] as const) expect(nextStatus(s, 'merge')).toBe('merged');
    for (const s of STATUSES.filter((x) => !['reported', 'accepted', 'dispatched', 'in_progress'].includes(x))) expect(nextStatus(s, 'merge')).toBeNull();
    expect(isTerminal('merged')).toBe(true);
  });
  it('goes into another open case of the same level only', () => {
    expect(mergeProblem(open('a'), open('b'))).toBeNull();
    expect(mergeProblem(open('a'), open('a'))?.zh).toBe('不能合并到事件本身');
    expect(mergeProblem(open('a'), { ...open('b'), status: 'resolved' })?.zh).toBe('只能合并到尚未办结的事件');
    expect(mergeProblem(open('a'), open('b', '/t/w/'))?.zh).toBe('只能合并到同一责任层级正在办理的事件');
  });
});
