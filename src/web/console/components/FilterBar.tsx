// The filter bar above a ledger: the fields in one row, then 重置 and 查询. Blank or whitespace-only values count as "any".
import type { ReactNode } from 'react';
import { Button, Form, Space, type FormInstance } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useT } from '../i18n';

type Filters = Record<string, string | undefined>;

const cleaned = <V extends Filters>(v: V): V =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x?.trim() || undefined])) as V;

export function FilterBar<V extends Filters>({ form, onSearch, children }: { form: FormInstance<V>; onSearch: (v: V) => void; children: ReactNode }) {
  const t = useT();
  return (
    <Form form={form} layout="inline" className="xz-filter-bar" onFinish={(v) => onSearch(cleaned(v))}>
      {children}
      <Form.Item>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => { form.resetFields(); onSearch({} as V); }}>{t('common.reset')}</Button>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>{t('common.search')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
