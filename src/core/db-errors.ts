// Store errors that mean "the request conflicts with data", the same on both stores.

/** A unique index refused a row; `target` names the index or column when the store says. */
export function uniqueViolation(err: unknown): { target: string } | null {
  const e = err as { code?: string; constraint?: string; message?: string } | null;
  if (e?.code === '23505') return { target: e.constraint ?? '' };
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { target: e.message ?? '' };
  return null;
}

/**
 * A CHECK constraint refused a row (a balance or a stock below zero that a
 * service's own guard did not catch); `constraint` is its name when the store says.
 */
export function checkViolation(err: unknown): { constraint: string } | null {
  const e = err as { code?: string; constraint?: string; message?: string } | null;
  if (e?.code === '23514') return { constraint: e.constraint ?? '' };
  if (e?.code === 'SQLITE_CONSTRAINT_CHECK') return { constraint: /CHECK constraint failed: *([\w.]+)/.exec(e.message ?? '')?.[1] ?? '' };
  return null;
}

/** PostgreSQL rejected a character or encoding (NUL bytes, invalid UTF-8): bad input, not a fault. */
export function badTextInput(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === '22021' || code === '22P05';
}
