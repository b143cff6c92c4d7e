// Work calendar (工作日历): a year's holidays and 调休 working days, and which years still count Monday–Friday.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface WorkYear {
  year: number;
  source: 'official' | 'provisional';
  origin: 'chinese-days' | 'entered' | null;
  holidays: string[];
  workdays: string[];
  names: Record<string, string>;
  updatedAt: string | null;
}
export interface CalendarOverview {
  years: { year: number; origin: 'chinese-days' | 'entered'; updatedAt: string }[];
  /** This year or next, when nobody has entered it. */
  provisional: number[];
}

export const calendarKeys = {
  all: ['workdays'] as const,
  overview: ['workdays', 'overview'] as const,
  year: (y: number) => ['workdays', 'year', y] as const,
};

export const useCalendarOverview = (enabled = true) =>
  useQuery({ queryKey: calendarKeys.overview, queryFn: () => api.get<CalendarOverview>('/api/workdays'), enabled, staleTime: 5 * 60_000 });

export const useWorkYear = (year: number) => useQuery({ queryKey: calendarKeys.year(year), queryFn: () => api.get<WorkYear>(`/api/workdays/${year}`) });

export const saveWorkYear = (year: number, body: { holidays: string[]; workdays: string[]; names: Record<string, string> }) =>
  api.put<WorkYear & { casesRecomputed: number }>(`/api/workdays/${year}`, body);
