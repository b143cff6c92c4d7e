import argon2 from 'argon2';
import { AppError } from './errors.js';

// argon2id with OWASP's second recommended profile (19 MiB, t=2): strong, and
// fast enough for a cheap server handling a morning rush of logins.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, OPTIONS);
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** At least 8 characters with a letter and a digit. */
export function passwordProblem(plain: string): string | null {
  if (plain.length < 8) return '密码至少8位 / at least 8 characters';
  if (!/[A-Za-z]/.test(plain) || !/\d/.test(plain)) return '密码须同时包含字母和数字 / must contain a letter and a digit';
  return null;
}

/** Throws WEAK_PASSWORD with the reason when `plain` is too weak. */
export function requireStrongPassword(plain: string): void {
  const weak = passwordProblem(plain);
  if (weak) throw new AppError('WEAK_PASSWORD', weak.split(' / ')[0], weak.split(' / ')[1]);
}
