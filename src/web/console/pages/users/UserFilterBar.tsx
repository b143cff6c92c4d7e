import { Button, Form, Input, Select, Space } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { RoleDef } from '../../api/users';
import { useI18n } from '../../i18n';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

export interface UserFilterValues { q?: string; role?: string; regionId?: string }

export function UserFilterBar({ roles, onSearch }: { roles: RoleDef[]; onSearch: (v: UserFilterValues) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<UserFilterValues>();
  return (
    <Form form={form} layout="inline" className="xz-filter-bar" onFinish={(v) => onSearch({ q: v.q?.trim() || undefined, role: v.role || undefined, regionId: v.regionId || undefined })}>
      <Form.Item label={t('users.keyword')} name="q" style={{ flex: '1 1 200px' }}>
        <Input allowClear placeholder={t('users.keyword.placeholder')} maxLength={50} />
      </Form.Item>
      <Form.Item label={t('users.role')} name="role" style={{ flex: '0 1 220px' }}>
        <Select allowClear placeholder={t('users.role.placeholder')} options={roles.map((r) => ({ value: r.code, label: locale === 'zh-CN' ? r.zh : r.en }))} />
      </Form.Item>
      <Form.Item label={t('users.region')} name="regionId" style={{ flex: '0 1 260px' }}>
        <RegionTreeSelect allowClear placeholder={t('users.region.placeholder')} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => { form.resetFields(); onSearch({}); }}>{t('common.reset')}</Button>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>{t('common.search')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
