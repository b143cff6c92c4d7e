// A year's draft on the calendar page: which days are off, which weekend days are worked, and the click cycle.
import { isWeekend } from '../../../../shared/work-calendar';

export type DayKind = 'holiday' | 'workday' | 'normal';
export interface Draft {
  holidays: Set<string>;
  workdays: Set<string>;
  names: Record<string, string>;
}

export const kindOf = (d: Draft, date: string): DayKind => (d.holidays.has(date) ? 'holiday' : d.workdays.has(date) ? 'workday' : 'normal');

/** A weekday: working ↔ off. A weekend day: rest → off → worked (调休) → rest. */
export function nextKind(date: string, kind: DayKind): DayKind {
  if (!isWeekend(date)) return kind === 'holiday' ? 'normal' : 'holiday';
  return kind === 'normal' ? 'holiday' : kind === 'holiday' ? 'workday' : 'normal';
}

export function setKind(d: Draft, date: string, kind: DayKind): Draft {
  const holidays = new Set(d.holidays);
  const workdays = new Set(d.workdays);
  holidays.delete(date);
  workdays.delete(date);
  if (kind === 'holiday') holidays.add(date);
  if (kind === 'workday') workdays.add(date);
  return { holidays, workdays, names: d.names };
}

/** 2月5日至13日、2月20日; 1月28日至2月4日 (consecutive days joined). */
export function rangesText(dates: string[]): string {
  const sorted = [...dates].sort();
  const md = (s: string) => ({ m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) });
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && Date.parse(sorted[j + 1]) - Date.parse(sorted[j]) === 86_400_000) j++;
    const a = md(sorted[i]);
    const b = md(sorted[j]);
    out.push(i === j ? `${a.m}月${a.d}日` : `${a.m}月${a.d}日至${a.m === b.m ? '' : `${b.m}月`}${b.d}日`);
    i = j + 1;
  }
  return out.join('、');
}

export const sameDraft = (a: Draft, b: Draft) =>
  a.holidays.size === b.holidays.size &&
  a.workdays.size === b.workdays.size &&
  [...a.holidays].every((x) => b.holidays.has(x)) &&
  [...a.workdays].every((x) => b.workdays.has(x));
