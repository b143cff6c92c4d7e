import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHINESE_DAYS } from '../../core/workdays.js';
import {
  ACTIONS,
  allowedActions,
  ANY,
  assignableGrant,
  cardAt,
  DEFAULT_LIMITS,
  isTerminal,
  levelAbove,
  villagerSees,
  LIMIT_LEVELS,
  limitsProblem,
  byUrgency,
  mayResolve,
  nextStatus,
  timeLeftWords,
  RESULT_MIN_CHARS,
  resultStated,
  resultPhotos,
  beforeAfterPhotos,
  MAX_RESULT_PHOTOS,
  rankAssignees,
  pickLimits,
  PRIORITIES,
  STATUSES,
  TRANSITIONS,
  WHO,
  type Action,
  type LimitRule,
  type Priority,
  type Status,
} from './rules.js';

describe('case transition table', () => {
  it('follows 上报 → 受理 → 派单 → 处置 → 办结 → 评价 → 归档', () => {
    const path: [Action, Status][] = [
      ['accept', 'accepted'],
      ['dispatch', 'dispatched'],
      ['start', 'in_progress'],
      ['resolve', 'resolved'],
      ['rate', 'rated'],
      ['archive', 'archived'],
    ];
    let s: Status = 'reported';
    for (const [a, to] of path) {
      s = nextStatus(s, a)!;
      expect(s).toBe(to);
    }
  });

  it('refuses what the state does not allow', () => {
    expect(nextStatus('reported', 'resolve')).toBeNull();
    expect(nextStatus('archived', 'rate')).toBeNull();
    expect(nextStatus('rejected', 'reopen')).toBeNull();
    expect(nextStatus('resolved', 'archive')).toBeNull();
  });

  it('回头看: a rated or archived case can be reopened', () => {
    expect(nextStatus('archived', 'reopen')).toBe('accepted');
    expect(nextStatus('rated', 'reopen')).toBe('accepted');
  });

  it('every action names who may take it', () => {
    for (const a of ACTIONS) expect(WHO[a].length).toBeGreaterThan(0);
  });

  it('property: random action sequences keep the invariants', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 60 }), (actions) => {
        let s: Status = 'reported';
        const history: { from: Status; to: Status }[] = [];
        const reached = new Set<Status>([s]);
        for (const a of actions) {
          const to = nextStatus(s, a);
          if (isTerminal(s) && to !== null) return false; // nothing leaves a terminal state
          if (to === null) {
            if (allowedActions(s).includes(a)) return false;
            continue;
          }
          if (!allowedActions(s).includes(a)) return false;
          history.push({ from: s, to });
          s = to;
          reached.add(s);
        }
        // history replays to the current state and each step was a table entry
        const replay = history.reduce<Status>((cur, h) => (h.from === cur ? h.to : ('x' as Status)), 'reported');
        return replay === s && [...reached].every((r) => STATUSES.includes(r));
      }),
      { numRuns: 500 },
    );
  });

  it('every status is reachable from 上报 through allowed actions', () => {
    const seen = new Set<Status>(['reported']);
    const queue: Status[] = ['reported'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of allowedActions(s)) {
        const to = nextStatus(s, a)!;
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...STATUSES].sort());
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...STATUSES].sort());
  });
});

describe('cards', () => {
  const c = { status: 'reported' as Status, card: null, yellowAt: '2026-11-30T02:00:00.000Z', redAt: '2026-12-03T02:00:00.000Z' };
  it('yellow after the yellow instant, red after the red one', () => {
    expect(cardAt(c, '2026-11-30T01:59:59.000Z')).toBeNull();
    expect(cardAt(c, '2026-11-30T02:00:00.000Z')).toBe('yellow');
    expect(cardAt(c, '2026-12-03T02:00:00.000Z')).toBe('red');
  });
  it('a red card stays red while open, and clears when resolved', () => {
    expect(cardAt({ ...c, card: 'red', redAt: '2099-01-01T00:00:00.000Z' }, '2026-11-27T00:00:00.000Z')).toBe('red');
    expect(cardAt({ ...c, status: 'resolved', card: 'red' }, '2027-01-01T00:00:00.000Z')).toBeNull();
  });
  it('escalation climbs one level, or two when skipping', () => {
    expect(levelAbove(['county', 'town', 'village'])).toBe('town');
    expect(levelAbove(['county', 'town', 'village'], true)).toBe('county');
    expect(levelAbove(['county'])).toBeNull();
  });
});

describe('time limits per category, level and priority', () => {
  const rule = (category: string, level: string, priority: Priority, n: number): LimitRule => ({
    category,
    level,
    priority,
    acceptYellow: n,
    acceptRed: n + 1,
    resolveYellow: n + 2,
    resolveRed: n + 3,
  });

  it('falls back to the defaults: 2/5 to accept, 5/10 to resolve', () => {
    expect(pickLimits([], 'env_dirty', 'village', 'normal')).toEqual({ acceptYellow: 2, acceptRed: 5, resolveYellow: 5, resolveRed: 10 });
    expect(pickLimits([], 'env_dirty', 'township', 'major')).toEqual(DEFAULT_LIMITS.major);
  });

  it('a township rule applies once the case sits at the township; a category rule beats it; both together beat either', () => {
    const rules = [rule(ANY, 'township', 'normal', 1), rule('flood_danger', ANY, 'normal', 10), rule('flood_danger', 'township', 'normal', 20)];
    expect(pickLimits(rules, 'env_dirty', 'village', 'normal').acceptYellow).toBe(2);
    expect(pickLimits(rules, 'env_dirty', 'township', 'normal').acceptYellow).toBe(1);
    expect(pickLimits(rules, 'flood_danger', 'village', 'normal').acceptYellow).toBe(10);
    expect(pickLimits(rules, 'flood_danger', 'township', 'normal').acceptYellow).toBe(20);
    expect(pickLimits(rules, 'flood_danger', ANY, 'normal').acceptYellow).toBe(10);
    expect(pickLimits(rules, 'flood_danger', 'township', 'major')).toEqual(DEFAULT_LIMITS.major);
  });

  it('property: the chosen rule matches and no matching rule is more specific', () => {
    const cats = ['a', 'b', ANY];
    const lvls = [...LIMIT_LEVELS, ANY];
    const arb = fc.uniqueArray(
      fc.record({
        category: fc.constantFrom(...cats),
        level: fc.constantFrom(...lvls),
        priority: fc.constantFrom(...PRIORITIES),
        n: fc.integer({ min: 1, max: 50 }),
      }),
      { selector: (r) => `${r.category}|${r.level}|${r.priority}` },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom('a', 'b'), fc.constantFrom(...LIMIT_LEVELS), fc.constantFrom(...PRIORITIES), (raw, cat, lvl, pri) => {
        const rules = raw.map((r) => rule(r.category, r.level, r.priority, r.n));
        const got = pickLimits(rules, cat, lvl, pri);
        const matching = rules.filter((r) => r.priority === pri && [cat, ANY].includes(r.category) && [lvl, ANY].includes(r.level));
        const spec = (r: LimitRule) => (r.category === ANY ? 0 : 2) + (r.level === ANY ? 0 : 1);
        const top = matching.sort((x, y) => spec(y) - spec(x))[0];
        expect(got.acceptYellow).toBe(top ? top.acceptYellow : DEFAULT_LIMITS[pri].acceptYellow);
        expect(limitsProblem(got)).toBeNull();
      }),
    );
  });

  it('refuses yellow after red and limits outside 1–90 working days', () => {
    expect(limitsProblem({ acceptYellow: 3, acceptRed: 2, resolveYellow: 5, resolveRed: 10 })).toMatch(/黄牌/);
    expect(limitsProblem({ acceptYellow: 0, acceptRed: 2, resolveYellow: 5, resolveRed: 10 })).toMatch(/1至90/);
    expect(limitsProblem({ acceptYellow: 1, acceptRed: 2, resolveYellow: 5, resolveRed: 91 })).toMatch(/1至90/);
    expect(limitsProblem(DEFAULT_LIMITS.normal)).toBeNull();
  });
});

describe('who the responsible level may dispatch to or copy', () => {
  const village = '/c/t/v/',
    township = '/c/t/';
  it("staff inside the level and the serving township's 站所, nobody else", () => {
    expect(assignableGrant({ role: 'grid_worker', path: '/c/t/v/g/' }, village, township)).toBe(true);
    expect(assignableGrant({ role: 'village_cadre', path: village }, village, township)).toBe(true);
    expect(assignableGrant({ role: 'township_staff', path: township }, village, township)).toBe(true);
    expect(assignableGrant({ role: 'villager', path: '/c/t/v/g/' }, village, township)).toBe(false);
    expect(assignableGrant({ role: 'supervisor', path: village }, village, township)).toBe(false);
    expect(assignableGrant({ role: 'village_cadre', path: '/c/t/w/' }, village, township)).toBe(false);
    expect(assignableGrant({ role: 'township_leader', path: township }, village, township)).toBe(false);
    expect(assignableGrant({ role: 'admin', path: '/c/' }, village, township)).toBe(false);
    expect(assignableGrant({ role: 'township_staff', path: '/c/u/' }, village, township)).toBe(false);
    expect(assignableGrant({ role: 'township_staff', path: township }, township, null)).toBe(true);
  });
});

describe('closing with proof (办结须写明办理结果)', () => {
  it('needs at least five characters of result, Chinese characters counting one each, spaces not counting', () => {
    expect(RESULT_MIN_CHARS).toBe(5);
    expect(resultStated(undefined)).toBe(false);
    expect(resultStated('')).toBe(false);
    expect(resultStated('已疏通好')).toBe(false); // 4
    expect(resultStated('已疏通排水')).toBe(true); // 5
    expect(resultStated('  已疏通好  ')).toBe(false); // 4 once trimmed
    expect(resultStated('ok 👍')).toBe(false); // o, k, space, 👍: 4 code points
    expect(resultStated('done.')).toBe(true);
  });

  it('whitespace around a result never changes the verdict', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[ \t\n]*$/), fc.stringMatching(/^[ \t\n]*$/), (note, before, after) => {
        expect(resultStated(before + note + after)).toBe(resultStated(note));
      }),
    );
  });

  it('any five or more characters that are not spaces are enough', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('已', '修', '好', '路', '灯', 'a', '1'), { minLength: 5, maxLength: 40 }), (chars) => resultStated(chars.join(''))),
    );
  });

  it('the handler may always resolve; the level not while the case sits dispatched to someone who has not started it', () => {
    const open: Status[] = ['accepted', 'dispatched', 'in_progress'];
    for (const s of open) expect(mayResolve(s, new Set(['handler']))).toBe(true);
    expect(mayResolve('accepted', new Set(['level']))).toBe(true); // the level handles it itself, or it was returned
    expect(mayResolve('in_progress', new Set(['level']))).toBe(true); // the handler has started
    expect(mayResolve('dispatched', new Set(['level']))).toBe(false);
    expect(mayResolve('dispatched', new Set(['level', 'handler']))).toBe(true); // dispatched to the cadre themself
    expect(mayResolve('in_progress', new Set(['reporter', 'above']))).toBe(false);
  });
});

describe('待办: the time left in words, and the most urgent first', () => {
  const due = new Date('2026-10-12T02:00:00Z'); // Monday 10:00 in Shanghai: 5 working days after Tuesday 29 September, across 国庆
  const at = (iso: string) => timeLeftWords(CHINESE_DAYS, new Date(iso), due);

  it('counts whole working days left on the work calendar, skipping 国庆 and counting the 调休 Saturday', () => {
    expect(at('2026-09-29T02:00:00Z')).toBe('剩5个工作日');
    expect(at('2026-10-09T02:00:00Z')).toBe('剩2个工作日'); // Friday: Saturday 10 October is worked, Sunday is not
    expect(at('2026-10-10T02:00:00Z')).toBe('剩1个工作日'); // the 调休 Saturday
    expect(at('2026-10-11T02:00:00Z')).toBe('不到1个工作日'); // Sunday: counting starts Monday 00:00, due 10:00
  });

  it('says 今天到期 on the last day and 已超期N天 in calendar days afterwards', () => {
    expect(at('2026-10-12T01:00:00Z')).toBe('今天到期'); // 09:00, due at 10:00
    expect(at('2026-10-12T02:00:00Z')).toBe('已超期'); // the due instant itself
    expect(at('2026-10-12T09:00:00Z')).toBe('已超期');
    expect(at('2026-10-13T02:00:00Z')).toBe('已超期1天');
    expect(at('2026-10-20T02:00:00Z')).toBe('已超期8天');
  });

  it('says 不到1个工作日 when the deadline is the next working morning', () => {
    // Friday 16 October 16:00, due Monday 19 October 09:00.
    expect(timeLeftWords(CHINESE_DAYS, new Date('2026-10-16T08:00:00Z'), new Date('2026-10-19T01:00:00Z'))).toBe('不到1个工作日');
  });

  it('never says more working days are left as time passes (property)', () => {
    const left = (w: string) => (w.startsWith('剩') ? Number.parseInt(w.slice(1), 10) : w.startsWith('已超期') ? -1 : 0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * 24 }), fc.integer({ min: 0, max: 40 * 24 }), (h1, h2) => {
        const [a, b] = [Math.min(h1, h2), Math.max(h1, h2)];
        const t0 = Date.parse('2026-09-20T00:00:00Z');
        expect(left(timeLeftWords(CHINESE_DAYS, new Date(t0 + b * 3_600_000), due))).toBeLessThanOrEqual(
          left(timeLeftWords(CHINESE_DAYS, new Date(t0 + a * 3_600_000), due)),
        );
      }),
    );
  });

  it('orders 红牌, then 黄牌, then the nearest due time (none last), then the newest report', () => {
    const c = (id: string, card: string | null, red_at: string | null, reported_at: string) => ({ id, card, red_at, reported_at });
    const list = [
      c('plain-late-due', null, '2026-10-20T00:00:00Z', '2026-10-01T00:00:00Z'),
      c('no-due', null, null, '2026-10-05T00:00:00Z'),
      c('yellow', 'yellow', '2026-10-15T00:00:00Z', '2026-10-01T00:00:00Z'),
      c('plain-soon-due', null, '2026-10-14T00:00:00Z', '2026-10-01T00:00:00Z'),
      c('red', 'red', '2026-10-10T00:00:00Z', '2026-09-01T00:00:00Z'),
      c('plain-soon-due-newer', null, '2026-10-14T00:00:00Z', '2026-10-02T00:00:00Z'),
    ];
    expect([...list].sort(byUrgency).map((x) => x.id)).toEqual(['red', 'yellow', 'plain-soon-due-newer', 'plain-soon-due', 'plain-late-due', 'no-due']);
  });
});

describe('photos of the result (办结照片) and before/after', () => {
  const img = (id: string, createdAt: string) => ({ id, mime: 'image/jpeg', createdAt });
  const files = [img('a', '2026-11-27T01:00:00Z'), { id: 'pdf', mime: 'application/pdf', createdAt: '2026-11-27T03:00:00Z' }, img('b', '2026-11-27T03:00:00Z')];

  it('a category that requires a photo refuses none, named or found; one without takes none', () => {
    expect(resultPhotos(true, [], files, '2026-11-27T02:00:00Z')).toEqual({ problem: 'RESULT_PHOTO_REQUIRED' });
    expect(resultPhotos(true, undefined, files.slice(0, 2), '2026-11-27T02:00:00Z')).toEqual({ problem: 'RESULT_PHOTO_REQUIRED' });
    expect(resultPhotos(false, undefined, [], null)).toEqual({ ids: [] });
    expect(resultPhotos(false, [], files, null)).toEqual({ ids: [] });
  });

  it('not named: the pictures attached since acceptance (from that instant on), never a PDF', () => {
    expect(resultPhotos(true, undefined, files, '2026-11-27T02:00:00Z')).toEqual({ ids: ['b'] });
    expect(resultPhotos(true, undefined, files, '2026-11-27T03:00:00Z')).toEqual({ ids: ['b'] });
    expect(resultPhotos(true, undefined, files, '2026-11-27T03:00:01Z')).toEqual({ problem: 'RESULT_PHOTO_REQUIRED' });
    expect(resultPhotos(false, undefined, files, '2026-11-27T00:00:00Z')).toEqual({ ids: ['a', 'b'] });
  });

  it('named: pictures of this case, once each, nine at most', () => {
    expect(resultPhotos(true, ['a'], files, null)).toEqual({ ids: ['a'] });
    expect(resultPhotos(true, ['pdf'], files, null)).toEqual({ problem: 'UNKNOWN_PHOTO' });
    expect(resultPhotos(true, ['a', 'a'], files, null)).toEqual({ problem: 'UNKNOWN_PHOTO' });
    expect(resultPhotos(true, ['x'], files, null)).toEqual({ problem: 'UNKNOWN_PHOTO' });
    const nine = Array.from({ length: MAX_RESULT_PHOTOS + 1 }, (_, i) => img(`p${i}`, '2026-11-27T03:00:00Z'));
    expect(
      resultPhotos(
        true,
        nine.slice(0, 9).map((f) => f.id),
        nine,
        null,
      ),
    ).toEqual({ ids: nine.slice(0, 9).map((f) => f.id) });
    expect(
      resultPhotos(
        true,
        nine.map((f) => f.id),
        nine,
        null,
      ),
    ).toEqual({ problem: 'TOO_MANY_PHOTOS' });
  });

  it('before and after: the resolve in force names the after; a return or reopen voids it', () => {
    const resolve = { action: 'resolve', at: '2026-11-27T04:00:00Z', photoIds: ['b'] };
    const later = img('c', '2026-11-27T05:00:00Z');
    expect(beforeAfterPhotos([{ action: 'report', at: '2026-11-27T00:00:00Z' }, resolve], [...files, later])).toEqual({ before: ['a'], after: ['b'] });
    expect(beforeAfterPhotos([resolve, { action: 'return', at: '2026-11-27T04:30:00Z' }], [...files, later])).toEqual({ before: ['a', 'c'], after: [] });
    expect(beforeAfterPhotos([resolve, { action: 'reopen', at: '2026-11-27T04:30:00Z' }], files)).toEqual({ before: ['a'], after: [] });
    expect(beforeAfterPhotos([{ action: 'report', at: '2026-11-27T00:00:00Z' }], files)).toEqual({ before: ['a', 'b'], after: [] });
  });

  it('property: before and after never share a photo, and every result photo named by the resolve in force is after', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }),
        fc.array(
          fc.record({
            action: fc.constantFrom('resolve', 'return', 'reopen', 'note'),
            t: fc.integer({ min: 0, max: 40 }),
            pick: fc.array(fc.nat(11), { maxLength: 4 }),
          }),
          { maxLength: 6 },
        ),
        (stamps, steps) => {
          const at = (n: number) => new Date(Date.UTC(2026, 10, 27, 0, n)).toISOString();
          const fs = stamps.map((n, i) => img(`f${i}`, at(n)));
          const history = steps
            .sort((x, y) => x.t - y.t)
            .map((st) => ({ action: st.action, at: at(st.t), photoIds: [...new Set(st.pick.filter((k) => k < fs.length).map((k) => `f${k}`))] }));
          const { before, after } = beforeAfterPhotos(history, fs);
          expect(before.filter((id) => after.includes(id))).toEqual([]);
          const last = history.findLastIndex((h) => h.action === 'resolve');
          const voided = history.findLastIndex((h) => h.action === 'return' || h.action === 'reopen') > last;
          expect(after).toEqual(last >= 0 && !voided ? history[last].photoIds : []);
        },
      ),
    );
  });
});

describe('派单 suggestions', () => {
  const p = (userId: string, role: string, regionId: string) => ({ userId, role, regionId });
  const people = [
    p('cadre', 'village_cadre', 'v'),
    p('mediator', 'mediator', 'v'),
    p('gw2', 'grid_worker', 'g2'),
    p('gw1', 'grid_worker', 'g1'),
    p('party', 'party_member', 'g1'),
  ];

  it('the case’s own grid worker first, then the usual handlers (twice or more, most first), then the rest as listed', () => {
    const ranked = rankAssignees(
      people,
      'g1',
      new Map([
        ['mediator', 2],
        ['party', 5],
        ['gw2', 1],
      ]),
    );
    expect(ranked.map((x) => [x.userId, x.suggested])).toEqual([
      ['gw1', 'grid'],
      ['party', 'usual'],
      ['mediator', 'usual'],
      ['cadre', null],
      ['gw2', null],
    ]);
  });

  it('property: a permutation of the people, every grid worker of the grid ahead of everyone else, at most three usual', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...people.map((x) => x.userId)), fc.nat(6))), fc.constantFrom('g1', 'g2', 'v'), (counts, grid) => {
        const ranked = rankAssignees(people, grid, new Map(counts));
        expect(ranked.map((x) => x.userId).sort()).toEqual(people.map((x) => x.userId).sort());
        const firstOther = ranked.findIndex((x) => x.suggested !== 'grid');
        expect(ranked.slice(firstOther === -1 ? ranked.length : firstOther).some((x) => x.suggested === 'grid')).toBe(false);
        expect(ranked.filter((x) => x.suggested === 'usual').length).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('what a villager reads on their case', () => {
  const sees = (action: string, more: { from?: string | null; byVillager?: boolean } = {}) =>
    villagerSees({ action, from: more.from ?? 'accepted', byVillager: more.byVillager ?? false });

  it('every decision and step taken for them', () => {
    for (const a of [
      'report',
      'accept',
      'reject',
      'dispatch',
      'start',
      'resolve',
      'escalate',
      'rate',
      'reopen',
      'archive',
      'step',
      'mediate',
      'revisit',
      'approve_extension',
      'merge',
      'merge_in',
      'follow',
    ])
      expect(sees(a), a).toBe(true);
  });

  it("not the office's working steps", () => {
    for (const a of ['supervise', 'copy', 'consult', 'calendar', 'request_extension', 'deny_extension', 'verify', 'card_yellow', 'card_red', 'something_new'])
      expect(sees(a), a).toBe(false);
  });

  it('files and notes only when they are their own; a return only when it sends the result back', () => {
    expect(sees('attach')).toBe(false);
    expect(sees('note')).toBe(false);
    expect(sees('attach', { byVillager: true })).toBe(true);
    expect(sees('note', { byVillager: true })).toBe(true);
    expect(sees('return', { from: 'dispatched' })).toBe(false);
    expect(sees('return', { from: 'in_progress' })).toBe(false);
    expect(sees('return', { from: 'resolved' })).toBe(true);
  });
});
