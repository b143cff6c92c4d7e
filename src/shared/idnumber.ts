// GB 11643-1999 citizen identity number: 17 digits + check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

/** Returns null when valid, otherwise what is wrong. Accepts a lower-case x. */
export function idNumberProblem(raw: string, birthDate?: string): IdNumberProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10)),
    m = Number(id.slice(10, 12)),
    d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birth_date';
  if (birthDate && birthDate !== `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`) return 'birth_date';
  if (checkChar(id) !== id[17]) return 'check_digit';
  return null;
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** 610802********123X: first 6 and last 4 visible. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

export function birthDateFromId(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** 17th digit: odd = male, even = female. */
export function genderFromId(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

export function makeIdNumber(area6: string, birthDate: string, seq3: number, gender: 'male' | 'female'): string {
  let seq = seq3 % 1000;
  if ((seq % 2 === 1) !== (gender === 'male')) seq = (seq + 1) % 1000;
  const first17 = area6 + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + checkChar(first17);
}
