// Server errors on a form: onto the fields where the server named one, otherwise as a banner.
import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { applyFieldErrors, useErrorText } from '../../api/errors';
import { useI18n } from '../../i18n';

export function useSaveError(form: FormInstance, map?: (field: string) => (string | number)[] | null) {
  const { locale } = useI18n();
  const errorText = useErrorText();
  const [banner, setBanner] = useState<string | null>(null);
  const report = useCallback((err: unknown) => {
    const landed = applyFieldErrors(form, err, locale, map);
    setBanner(landed ? null : errorText(err));
  }, [form, locale, map, errorText]);
  return { banner, report, clear: () => setBanner(null) };
}
