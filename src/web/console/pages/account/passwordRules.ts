import type { Rule } from 'antd/es/form';
import type { MessageKey } from '../../i18n';

/** Client-side password rules matching the server's (≥ 8 characters, letters and digits). */
export function passwordRules(t: (k: MessageKey, v?: Record<string, string | number>) => string, field: string): Rule[] {
  return [
    { required: true, message: t('validate.required', { field }) },
    { min: 8, message: t('validate.password.len') },
    { pattern: /^(?=.*[A-Za-z])(?=.*\d)/, message: t('validate.password.mix') },
  ];
}
