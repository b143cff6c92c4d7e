import { Form, Input, Select } from 'antd';
import type { RoleDef } from '../../api/users';
import { useI18n } from '../../i18n';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { FilterBar } from '../../components/FilterBar';

export type UserFilterValues = { q?: string; role?: string; regionId?: string };

export function UserFilterBar({ roles, onSearch }: { roles: RoleDef[]; onSearch: (v: UserFilterValues) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<UserFilterValues>();
  return (
    <FilterBar form={form} onSearch={onSearch}>
      <Form.Item label={t('users.keyword')} name="q" style={{ flex: '1 1 200px' }}>
        <Input allowClear placeholder={t('users.keyword.placeholder')} maxLength={50} />
      </Form.Item>
      <Form.Item label={t('users.role')} name="role" style={{ flex: '0 1 220px' }}>
        <Select allowClear placeholder={t('users.role.placeholder')} options={roles.map((r) => ({ value: r.code, label: locale === 'zh-CN' ? r.zh : r.en }))} />
      </Form.Item>
      <Form.Item label={t('users.region')} name="regionId" style={{ flex: '0 1 260px' }}>
        <RegionTreeSelect allowClear placeholder={t('users.region.placeholder')} />
      </Form.Item>
    </FilterBar>
  );
}
