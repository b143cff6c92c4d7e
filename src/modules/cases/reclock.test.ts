import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHINESE_DAYS } from '../../core/workdays.js';
import { clockStart, reclock, type RunningClock } from './reclock.js';

// Assumed 2027 春节 (not published when written): Fri 02-05..Sat 02-13 off, Sun 02-14 and Sat 02-20 worked.
const spring = CHINESE_DAYS.withYear(2027, {
  holidays: Array.from({ length: 9 }, (_, i) => `2027-02-${String(5 + i).padStart(2, '0')}`),
  workdays: ['2027-02-14', '2027-02-20'],
});
const at = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`).toISOString();

describe('clockStart', () => {
  it('is the report while waiting, the acceptance after, a later escalation over either', () => {
    const base = { reportedAt: at('2027-02-01 09:00'), acceptedAt: at('2027-02-02 09:00'), lastEscalationAt: null };
    expect(clockStart({ ...base, status: 'reported', acceptedAt: null })).toBe(base.reportedAt);
    expect(clockStart({ ...base, status: 'in_progress' })).toBe(base.acceptedAt);
    expect(clockStart({ ...base, status: 'in_progress', lastEscalationAt: at('2027-02-03 10:00') })).toBe(at('2027-02-03 10:00'));
    expect(clockStart({ ...base, status: 'reported', acceptedAt: null, lastEscalationAt: at('2027-01-30 10:00') })).toBe(base.reportedAt);
  });
});

describe('reclock', () => {
  it('moves a clock running into the entered Spring Festival past the holiday, keeping its working days', () => {
    const from = new Date(at('2027-02-03 10:00')); // Wednesday
    const c: RunningClock = {
      status: 'reported',
      reportedAt: from.toISOString(),
      acceptedAt: null,
      lastEscalationAt: null,
      yellowAt: CHINESE_DAYS.addWorkingDays(from, 2).toISOString(),
      redAt: CHINESE_DAYS.addWorkingDays(from, 5).toISOString(),
    };
    expect(c.yellowAt).toBe(at('2027-02-05 10:00'));
    const moved = reclock(c, CHINESE_DAYS, spring);
    expect(moved).toEqual({ yellowAt: at('2027-02-14 10:00'), redAt: at('2027-02-17 10:00') });
  });

  it('changes nothing under the same calendar, and going back restores the instants', () => {
    const instant = fc.date({ min: new Date('2026-12-01T00:00:00Z'), max: new Date('2027-03-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 }), (t, y, extra) => {
        const c: RunningClock = {
          status: 'reported',
          reportedAt: t.toISOString(),
          acceptedAt: null,
          lastEscalationAt: null,
          yellowAt: CHINESE_DAYS.addWorkingDays(t, y).toISOString(),
          redAt: CHINESE_DAYS.addWorkingDays(t, y + extra).toISOString(),
        };
        expect(reclock(c, CHINESE_DAYS, CHINESE_DAYS)).toEqual({ yellowAt: c.yellowAt, redAt: c.redAt });
        const there = reclock(c, CHINESE_DAYS, spring);
        expect(reclock({ ...c, ...there }, spring, CHINESE_DAYS)).toEqual({ yellowAt: c.yellowAt, redAt: c.redAt });
        expect(spring.addWorkingDays(t, y).toISOString()).toBe(there.yellowAt);
      }),
    );
  });

  it('leaves an instant alone that the old calendar would not have produced', () => {
    const c: RunningClock = {
      status: 'reported',
      reportedAt: at('2027-02-03 10:00'),
      acceptedAt: null,
      lastEscalationAt: null,
      yellowAt: at('2027-02-05 11:11'),
      redAt: at('2027-02-10 10:00'),
    };
    expect(reclock(c, CHINESE_DAYS, spring).yellowAt).toBe(at('2027-02-05 11:11'));
  });
});
