// Reads the State Council's yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知)
// as the office pastes it: "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、
// 周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。" → the days off and the
// 调休 working days, for the person to confirm before saving. Pure; the console uses it.
import { calendarProblem, dateRange, isoDate, isWeekend, zhDay } from './work-calendar.js';

export interface NoticeItem {
  /** The holiday as the notice names it (春节, 国庆节、中秋节); empty when the text had no numbered items. */
  name: string;
  holidays: string[];
  workdays: string[];
  /** "共N天" / "放假N天" as the notice states it, when it does. */
  declaredDays: number | null;
}

export interface ParsedNotice {
  items: NoticeItem[];
  /** Every day off of the page's year, sorted, once. */
  holidays: string[];
  /** Every 调休 working day of the page's year, sorted, once. */
  workdays: string[];
  /** What each day is for (item name). */
  names: Record<string, string>;
  /** Dates the notice names in another year (e.g. a 元旦 starting on 12月30日): not part of this year's entry. */
  outside: string[];
  /** The year the notice says it is for ("2027年元旦、春节…"), when it says so. */
  noticeYear: number | null;
  /** Things to check before saving (counts that disagree, another year's notice, impossible days). */
  warnings: string[];
}

const HEADER = /(?:^|(?<=[\s。；;]))([一二三四五六七八九十]+)、([^：:。；\n]{1,24})[：:]/g;
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;
const RANGE_GAP = /^\s*(?:至|到|~|～|-|—|–|－)\s*$/;

/** Full-width digits and punctuation to ASCII, and the remarks in brackets (农历…、周日) dropped. */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\r/g, '');
}

interface Found {
  holidays: string[];
  workdays: string[];
  declared: number | null;
}

/** The dates one clause names, ranges expanded; `ctx` carries the year and month across clauses. */
function datesIn(clause: string, ctx: { year: number; month: number | null }): string[] {
  const out: string[] = [];
  let prevEnd = -1;
  let prev: string | null = null;
  for (const m of clause.matchAll(DATE)) {
    const explicitYear = m[1] ? Number(m[1]) : null;
    const month = m[2] ? Number(m[2]) : ctx.month;
    if (month === null) {
      prevEnd = m.index! + m[0].length;
      continue;
    }
    let year = explicitYear ?? ctx.year;
    const isRangeEnd = prev !== null && prevEnd >= 0 && RANGE_GAP.test(clause.slice(prevEnd, m.index));
    // "12月30日至1月1日": the range runs into the next year.
    if (isRangeEnd && !explicitYear && prev && month < Number(prev.slice(5, 7))) year = Number(prev.slice(0, 4)) + 1;
    const date = isoDate(year, month, Number(m[3]));
    ctx.month = month;
    ctx.year = year;
    prevEnd = m.index! + m[0].length;
    if (!date) {
      prev = null;
      continue;
    }
    if (isRangeEnd && prev) {
      out.pop();
      out.push(...dateRange(prev, date));
      prev = null;
    } else {
      out.push(date);
      prev = date;
    }
  }
  return out;
}

function readItem(body: string, year: number): Found {
  const found: Found = { holidays: [], workdays: [], declared: null };
  const ctx = { year, month: null as number | null };
  for (const sentence of body.split(/[。；;\n]/)) {
    let last: 'off' | 'work' | null = null;
    for (const clause of sentence.split(/[，,]/)) {
      const days = /(?:共|放假)\s*(\d{1,2})\s*天/.exec(clause);
      const kind = /上班/.test(clause) ? 'work' : /放假|补休|休息|休假/.test(clause) ? 'off' : null;
      const dates = datesIn(clause, ctx);
      if (kind === 'work') found.workdays.push(...dates);
      else if (kind === 'off') found.holidays.push(...dates);
      // "…放假调休，共9天": the count belongs to the days off just read.
      if (days && (kind === 'off' || last === 'off')) found.declared = (found.declared ?? 0) + Number(days[1]);
      if (kind) last = kind;
    }
  }
  return found;
}

const uniqueSorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** Reads a notice for `year` (the page's year; dates without a year belong to it). */
export function parseHolidayNotice(text: string, year: number): ParsedNotice {
  const src = normalize(text);
  const headers = [...src.matchAll(HEADER)];
  const parts = headers.length
    ? headers.map((h, i) => ({ name: h[2].trim(), body: src.slice(h.index! + h[0].length, i + 1 < headers.length ? headers[i + 1].index : undefined) }))
    : [{ name: '', body: src }];
  const items: NoticeItem[] = parts
    .map((p) => {
      const f = readItem(p.body, year);
      return { name: p.name, holidays: uniqueSorted(f.holidays), workdays: uniqueSorted(f.workdays), declaredDays: f.declared };
    })
    .filter((i) => i.holidays.length || i.workdays.length);

  const inYear = (d: string) => Number(d.slice(0, 4)) === year;
  const names: Record<string, string> = {};
  for (const i of items) for (const d of [...i.holidays, ...i.workdays]) if (inYear(d) && i.name && !names[d]) names[d] = i.name;
  const holidays = uniqueSorted(items.flatMap((i) => i.holidays).filter(inYear));
  const workdays = uniqueSorted(items.flatMap((i) => i.workdays).filter(inYear));
  const outside = uniqueSorted(items.flatMap((i) => [...i.holidays, ...i.workdays]).filter((d) => !inYear(d)));

  const stated = /(\d{4})\s*年\s*(?:元旦|春节|部分节假日|节假日)/.exec(src);
  const noticeYear = stated ? Number(stated[1]) : null;
  const warnings: string[] = [];
  if (noticeYear && noticeYear !== year) warnings.push(`这份通知是${noticeYear}年的，当前录入的是${year}年`);
  for (const i of items) {
    if (i.declaredDays !== null && i.declaredDays !== i.holidays.length)
      warnings.push(`${i.name || '通知'}：写明共${i.declaredDays}天，识别出${i.holidays.length}天，请核对`);
  }
  if (outside.length) warnings.push(`${outside.map((d) => `${d.slice(0, 4)}年${zhDay(d)}`).join('、')}不属于${year}年，未计入；请在该年的日历中录入`);
  const notWeekend = workdays.filter((d) => !isWeekend(d));
  const problem = calendarProblem(year, holidays, workdays.filter(isWeekend));
  if (notWeekend.length) warnings.push(`${notWeekend.map(zhDay).join('、')}不是周末，不能作为调休上班日，请核对`);
  if (problem) warnings.push(problem.zh);
  if (!items.length) warnings.push('没有识别出放假或上班的日期，请粘贴通知中“一、元旦：……”起的正文');
  return { items, holidays, workdays, names, outside, noticeYear, warnings };
}
