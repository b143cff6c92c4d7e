// List filters live in the URL so "back" from a detail page returns to the same list, page and tab.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

type Paged = { page: number; pageSize: number };

/**
 * Reads `keys` (strings) plus `page` and `pageSize` from the query string, falling back to `defaults`.
 * `update` writes a patch (blank values remove the key) and goes back to page 1 unless the patch sets a page.
 */
export function useUrlFilters<F extends Paged>(keys: readonly Exclude<keyof F & string, keyof Paged>[], defaults: Partial<F> = {}, pageSize = 20) {
  const [params, setParams] = useSearchParams();
  const defaultsKey = JSON.stringify(defaults);
  const keysKey = keys.join(',');
  const filter = useMemo(() => {
    const d = JSON.parse(defaultsKey) as Partial<F>;
    const out: Record<string, unknown> = {};
    for (const k of keysKey.split(',')) out[k] = params.get(k) ?? d[k as keyof F] ?? undefined;
    out.page = Number(params.get('page')) || 1;
    out.pageSize = Number(params.get('pageSize')) || pageSize;
    return out as F;
  }, [params, defaultsKey, keysKey, pageSize]);

  const update = useCallback(
    (patch: Partial<F>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { filter, update };
}
