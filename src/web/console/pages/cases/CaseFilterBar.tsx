import { useEffect, useMemo } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker, Form, Input, Select } from 'antd';
import { CASE_STATUSES, CASE_TYPES, useCaseCategories, type CaseCategory } from '../../api/cases';
import { useT } from '../../i18n';
import { FilterBar } from '../../components/FilterBar';
import { useCaseLabels } from '../../lib/caseLabels';

export type CaseFilterValues = { q?: string; status?: string; type?: string; category?: string; card?: string; from?: string; to?: string };
type FormValues = Omit<CaseFilterValues, 'from' | 'to'> & { range?: [Dayjs | null, Dayjs | null] | null };

/** Category options grouped as the catalog groups them (八必报, 五必到, 社会保障…, 矛盾纠纷). */
export function categoryOptions(categories: CaseCategory[], type?: string) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const c of categories) {
    if (type && c.type !== type) continue;
    const g = c.group ?? '';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push({ value: c.code, label: c.name });
  }
  return [...groups.entries()].map(([label, options]) => ({ label: label || '—', title: label, options }));
}

export function CaseFilterBar({ values, onSearch }: { values: CaseFilterValues; onSearch: (v: CaseFilterValues) => void }) {
  const t = useT();
  const label = useCaseLabels();
  const categories = useCaseCategories();
  const [form] = Form.useForm<FormValues>();
  const type = Form.useWatch('type', form);
  const { q, status, type: typeValue, category, card, from, to } = values;
  useEffect(() => {
    form.setFieldsValue({ q, status, type: typeValue, category, card, range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null });
  }, [q, status, typeValue, category, card, from, to, form]);
  const catOptions = useMemo(() => categoryOptions(categories.data ?? [], type), [categories.data, type]);

  const more = (
    <>
      <Form.Item label={t('cases.type')} name="type">
        <Select
          allowClear
          placeholder={t('cases.type.placeholder')}
          options={CASE_TYPES.map((x) => ({ value: x, label: label.type(x) }))}
          onChange={() => form.setFieldValue('category', undefined)}
        />
      </Form.Item>
      <Form.Item label={t('cases.category')} name="category">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('cases.category.placeholder')}
          options={catOptions}
          loading={categories.isPending}
          popupMatchSelectWidth={240}
        />
      </Form.Item>
      <Form.Item label={t('cases.card')} name="card">
        <Select
          allowClear
          placeholder={t('cases.card.placeholder')}
          options={[
            { value: 'yellow', label: t('case.card.yellow') },
            { value: 'red', label: t('case.card.red') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('cases.reportedRange')} name="range">
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('cases.reportedRange.from'), t('cases.reportedRange.to')]}
          style={{ width: '100%' }}
        />
      </Form.Item>
    </>
  );
  return (
    <FilterBar<FormValues>
      form={form}
      onSearch={({ range, ...v }) => onSearch({ ...v, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      moreActive={!!(typeValue || category || card || from || to)}
      more={more}
    >
      <Form.Item label={t('cases.keyword')} name="q">
        <Input allowClear placeholder={t('cases.keyword.placeholder')} maxLength={50} />
      </Form.Item>
      <Form.Item label={t('cases.status')} name="status">
        <Select allowClear placeholder={t('cases.status.placeholder')} options={CASE_STATUSES.map((s) => ({ value: s, label: label.status(s) }))} />
      </Form.Item>
    </FilterBar>
  );
}
