// Picks a household (a villager's account, a case's household) by searching head name or address within a region.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../api/client';
import { searchHouseholds, type HouseholdDetail, type HouseholdSummary } from '../api/households';
import { useT } from '../i18n';

const label = (h: { headName: string | null; address: string }) => `${h.headName ?? '—'} · ${h.address}`;

export function HouseholdPicker({
  id,
  value,
  onChange,
  regionId,
  style,
  ...rest
}: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  regionId?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<HouseholdSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const chosen = useQuery({
    queryKey: ['households', 'one', value ?? ''],
    queryFn: () => api.get<HouseholdDetail>(`/api/households/${encodeURIComponent(value!)}`),
    enabled: !!value && !options.some((o) => o.id === value),
    retry: false,
  });

  useEffect(() => {
    if (!regionId) {
      setOptions([]);
      return;
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      searchHouseholds(regionId, q)
        .then(setOptions)
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => clearTimeout(timer.current);
  }, [q, regionId]);

  const opts = useMemo(() => {
    const list = options.map((h) => ({ value: h.id, label: label(h) }));
    if (value && chosen.data && !list.some((o) => o.value === value)) list.unshift({ value, label: label(chosen.data) });
    return list;
  }, [options, value, chosen.data]);

  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      options={opts}
      loading={loading}
      disabled={!regionId}
      placeholder={t('users.roles.household.placeholder')}
      notFoundContent={loading ? t('common.loading') : undefined}
      allowClear
      style={style}
    />
  );
}
