// Saving a form: validate, run the action, and put a server refusal onto the fields it names, otherwise into a banner.
import { useCallback, useState } from 'react';
import { Alert, type FormInstance } from 'antd';
import { applyFieldErrors, useErrorText } from '../api/errors';
import { useI18n } from '../i18n';

type FieldMap = (field: string) => (string | number)[] | null;

/** Server errors on a form: onto the fields where the server named one, otherwise as a banner. */
export function useSaveError(form: FormInstance, map?: FieldMap) {
  const { locale } = useI18n();
  const errorText = useErrorText();
  const [banner, setBanner] = useState<string | null>(null);
  const report = useCallback(
    (err: unknown) => {
      const landed = applyFieldErrors(form, err, locale, map);
      setBanner(landed ? null : errorText(err));
    },
    [form, locale, map, errorText],
  );
  return { banner, report, clear: useCallback(() => setBanner(null), []) };
}

/**
 * `submit()` validates the form and runs `action` with its values (`run(values)` skips the validation, for
 * `onFinish`); `saving` is true meanwhile. The action shows its own success message and closes its dialog;
 * a failure keeps what the user typed and lands on the fields or in `alert`.
 * `onValuesChange` hides the banner once the user edits again.
 */
export function useSubmit<V>(form: FormInstance<V>, action: (values: V) => Promise<void>, map?: FieldMap) {
  const [saving, setSaving] = useState(false);
  const { banner, report, clear } = useSaveError(form, map);

  const run = async (values: V) => {
    setSaving(true);
    clear();
    try {
      await action(values);
    } catch (err) {
      report(err);
    } finally {
      setSaving(false);
    }
  };
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    await run(values);
  };

  const alert = banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} role="alert" /> : null;
  return {
    submit,
    run,
    saving,
    alert,
    onValuesChange: () => {
      if (banner) clear();
    },
  };
}
