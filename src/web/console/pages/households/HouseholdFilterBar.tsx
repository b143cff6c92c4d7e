import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import { useDictionaries } from '../../api/tags';
import { useI18n } from '../../i18n';
import { FilterBar } from '../../components/FilterBar';

type Values = { q?: string; tag?: string };

export function HouseholdFilterBar({ q, tag, onSearch }: { q?: string; tag?: string; onSearch: (v: Values) => void }) {
  const { t, locale } = useI18n();
  const dict = useDictionaries();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.setFieldsValue({ q, tag });
  }, [q, tag, form]);

  return (
    <FilterBar form={form} onSearch={onSearch}>
      <Form.Item label={t('households.keyword')} name="q" style={{ flex: '1 1 300px' }}>
        <Input allowClear placeholder={t('households.keyword.placeholder')} maxLength={50} />
      </Form.Item>
      <Form.Item label={t('households.tag')} name="tag" style={{ flex: '0 1 240px' }}>
        <Select
          allowClear
          placeholder={t('households.tag.placeholder')}
          options={(dict.data?.tags ?? []).map((d) => ({ value: d.code, label: locale === 'zh-CN' ? d.zh : d.en }))}
        />
      </Form.Item>
    </FilterBar>
  );
}
