// The filter bar above a ledger: the fields in one row, then 重置 and 查询. With `more`, the fields sit in a
// three-column grid with labels aligned, the less-used ones folded behind 展开 (open while one of them is set).
// Blank or whitespace-only text counts as "any"; other values (a date range) pass through as they are.
import { useState, type ReactNode } from 'react';
import { Button, Form, Space, type FormInstance } from 'antd';
import { DownOutlined, ReloadOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { useT } from '../i18n';

type Filters = Record<string, unknown>;

const cleaned = <V extends Filters>(v: V): V =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x.trim() || undefined : (x ?? undefined)])) as V;

export function FilterBar<V extends Filters>({
  form,
  onSearch,
  children,
  more,
  moreActive = false,
}: {
  form: FormInstance<V>;
  onSearch: (v: V) => void;
  children: ReactNode;
  /** Further fields, shown after 展开. */
  more?: ReactNode;
  /** One of the further fields has a value: start unfolded. */
  moreActive?: boolean;
}) {
  const t = useT();
  const [expanded, setExpanded] = useState(moreActive);
  const buttons = (
    <Space>
      <Button
        icon={<ReloadOutlined />}
        onClick={() => {
          form.resetFields();
          onSearch({} as V);
        }}
      >
        {t('common.reset')}
      </Button>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
        {t('common.search')}
      </Button>
      {more && (
        <Button type="link" style={{ paddingInline: 4 }} aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('common.collapse') : t('common.expand')}
          {expanded ? <UpOutlined /> : <DownOutlined />}
        </Button>
      )}
    </Space>
  );
  if (!more) {
    return (
      <Form form={form} layout="inline" className="xz-filter-bar" onFinish={(v) => onSearch(cleaned(v))}>
        {children}
        <Form.Item>{buttons}</Form.Item>
      </Form>
    );
  }
  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '76px' }}
      wrapperCol={{ flex: 1 }}
      className="xz-filter-bar xz-filter-grid"
      onFinish={(v) => onSearch(cleaned(v))}
    >
      {children}
      {/* Folded fields stay mounted (hidden) so their values survive folding. */}
      <div className="xz-filter-more" style={{ display: expanded ? 'contents' : 'none' }}>
        {more}
      </div>
      <div className="xz-filter-actions">{buttons}</div>
    </Form>
  );
}
