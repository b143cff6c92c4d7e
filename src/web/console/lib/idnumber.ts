// Client-side GB 11643 checks so users see the problem while typing; shares the server's rules.
import { birthDateFromId, genderFromId, idNumberProblem, normalizeIdNumber } from '../../../shared/idnumber';
import type { MessageKey } from '../i18n';

export { birthDateFromId, genderFromId, normalizeIdNumber };

/** Problem message key for an ID number, or null when valid. `today` is YYYY-MM-DD. */
export function idNumberMessage(raw: string, today: string): MessageKey | null {
  const id = normalizeIdNumber(raw);
  const p = idNumberProblem(id);
  if (p === 'format') return 'validate.id.format';
  if (p === 'birth_date') return 'validate.id.birth';
  if (p === 'check_digit') return 'validate.id.check';
  if (birthDateFromId(id) > today) return 'validate.id.future';
  return null;
}

export { MOBILE, phoneOk } from '../../../shared/phone';
