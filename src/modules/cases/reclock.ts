// Moving running clocks to a new work calendar (工作日历调整). A clock is "N working
// days from its start"; the stored instants only say where N landed under the
// calendar they were counted with. So N is read back under that calendar and
// counted again under the new one: the limits a clock started with (and the
// extension days granted since) are kept, only the days they fall on move.
import type { WorkCalendar } from '../../core/workdays.js';
import type { Status } from './rules.js';

export interface RunningClock {
  status: Status;
  reportedAt: string;
  acceptedAt: string | null;
  /** When the case last arrived at a new level (escalation restarts the clock there). */
  lastEscalationAt: string | null;
  yellowAt: string;
  redAt: string;
}

/** When the running phase's clock started: the report or acceptance (reopen re-accepts), or a later escalation. */
export function clockStart(c: Pick<RunningClock, 'status' | 'reportedAt' | 'acceptedAt' | 'lastEscalationAt'>): string {
  const phase = c.status === 'reported' ? c.reportedAt : (c.acceptedAt ?? c.reportedAt);
  return c.lastEscalationAt && c.lastEscalationAt > phase ? c.lastEscalationAt : phase;
}

/** The yellow and red instants of `c` counted under `after` instead of `before` (ISO strings, unchanged when nothing moves). */
export function reclock(c: RunningClock, before: WorkCalendar, after: WorkCalendar): { yellowAt: string; redAt: string } {
  const from = new Date(clockStart(c));
  const move = (at: string) => {
    const n = before.workingDaysBetween(from, new Date(at));
    // An instant not where `before` would put it (counted by another calendar, or by hand): left alone.
    if (before.addWorkingDays(from, n).toISOString() !== at) return at;
    return after.addWorkingDays(from, n).toISOString();
  };
  return { yellowAt: move(c.yellowAt), redAt: move(c.redAt) };
}
