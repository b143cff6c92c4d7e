import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTIONS, allowedActions, cardAt, isTerminal, levelAbove, nextStatus, STATUSES, TRANSITIONS, WHO, type Action, type Status } from './rules.js';

describe('case transition table', () => {
  it('follows 上报 → 受理 → 派单 → 处置 → 办结 → 评价 → 归档', () => {
    const path: [Action, Status][] = [['accept', 'accepted'], ['dispatch', 'dispatched'], ['start', 'in_progress'], ['resolve', 'resolved'], ['rate', 'rated'], ['archive', 'archived']];
    let s: Status = 'reported';
    for (const [a, to] of path) { s = nextStatus(s, a)!; expect(s).toBe(to); }
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
    fc.assert(fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 60 }), (actions) => {
      let s: Status = 'reported';
      const history: { from: Status; to: Status }[] = [];
      const reached = new Set<Status>([s]);
      for (const a of actions) {
        const to = nextStatus(s, a);
        if (isTerminal(s) && to !== null) return false; // nothing leaves a terminal state
        if (to === null) { if (allowedActions(s).includes(a)) return false; continue; }
        if (!allowedActions(s).includes(a)) return false;
        history.push({ from: s, to });
        s = to;
        reached.add(s);
      }
      // history replays to the current state and each step was a table entry
      const replay = history.reduce<Status>((cur, h) => (h.from === cur ? h.to : ('x' as Status)), 'reported');
      return replay === s && [...reached].every((r) => STATUSES.includes(r));
    }), { numRuns: 500 });
  });

  it('every status is reachable from 上报 through allowed actions', () => {
    const seen = new Set<Status>(['reported']);
    const queue: Status[] = ['reported'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of allowedActions(s)) { const to = nextStatus(s, a)!; if (!seen.has(to)) { seen.add(to); queue.push(to); } }
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
