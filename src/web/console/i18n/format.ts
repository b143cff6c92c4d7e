// Chinese conventions for numbers and dates: 1,234 户, 2026年11月27日.
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useI18n, type Locale } from './index';

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const d = dayjs(value);
  if (!d.isValid()) return '—';
  return locale === 'zh-CN' ? d.format('YYYY年M月D日') : d.format('MMM D, YYYY');
}

export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const d = dayjs(value);
  if (!d.isValid()) return '—';
  return locale === 'zh-CN' ? d.format('YYYY年M月D日 HH:mm') : d.format('MMM D, YYYY HH:mm');
}

/** Compact for table cells and lists: the year only when it is not this year (11月27日 10:00, 2025年3月2日 09:15). */
export function formatDateTimeShort(value: string | Date | null | undefined, locale: Locale, withTime = true): string {
  if (!value) return '—';
  const d = dayjs(value);
  if (!d.isValid()) return '—';
  if (!d.isSame(dayjs(), 'year')) return withTime ? formatDateTime(value, locale) : formatDate(value, locale);
  const fmt = locale === 'zh-CN' ? 'M月D日' : 'MMM D';
  return d.format(withTime ? `${fmt} HH:mm` : fmt);
}

/** A share (0–1) as a percentage with at most one decimal: 95.2%. */
export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** The half of a "中文 / English" server message that matches the UI language. */
export function serverText(message: string | undefined, locale: Locale): string {
  if (!message) return '';
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return locale === 'zh-CN' ? message.slice(0, at) : message.slice(at + 3);
}

export function useFormat() {
  const { locale } = useI18n();
  const num = useCallback((n: number) => formatNumber(n, locale), [locale]);
  const percent = useCallback((share: number) => formatPercent(share, locale), [locale]);
  const date = useCallback((v: string | Date | null | undefined) => formatDate(v, locale), [locale]);
  const dateTime = useCallback((v: string | Date | null | undefined) => formatDateTime(v, locale), [locale]);
  const dateTimeShort = useCallback((v: string | Date | null | undefined) => formatDateTimeShort(v, locale), [locale]);
  const dateShort = useCallback((v: string | Date | null | undefined) => formatDateTimeShort(v, locale, false), [locale]);
  return useMemo(() => ({ num, percent, date, dateTime, dateTimeShort, dateShort }), [num, percent, date, dateTime, dateTimeShort, dateShort]);
}
