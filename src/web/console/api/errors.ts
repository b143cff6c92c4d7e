// Turns an API failure into words for the current language (Chinese part of "中文 / English").
import { useCallback } from 'react';
import type { FormInstance } from 'antd';
import { ApiError } from './client';
import { useI18n } from '../i18n';
import { serverText } from '../i18n/format';

export function useErrorText() {
  const { locale, t } = useI18n();
  return useCallback(
    (err: unknown): string => {
      if (err instanceof ApiError) {
        if (err.code === 'NETWORK') return t('common.networkError');
        const text = serverText(err.message, locale);
        if (text) return text;
        return err.status >= 500 ? t('common.serverError') : t('common.loadFailed');
      }
      return t('common.serverError');
    },
    [locale, t],
  );
}

/**
 * Puts field-level server errors onto the form (keeping what the user typed);
 * returns true when at least one landed on a field. `map` renames server paths.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  locale: 'zh-CN' | 'en-US',
  map: (field: string) => (string | number)[] | null = (f) => [f],
): boolean {
  if (!(err instanceof ApiError)) return false;
  const names = new Set(Object.keys(form.getFieldsValue(true)));
  const fields = err.fieldErrors
    .map((e) => ({ name: map(e.field), errors: [serverText(e.message, locale)] }))
    .filter((f): f is { name: (string | number)[]; errors: string[] } => !!f.name && (names.has(String(f.name[0])) || f.name.length > 1));
  if (!fields.length) return false;
  form.setFields(fields);
  return true;
}
