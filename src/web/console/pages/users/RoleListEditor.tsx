// Form.List of role grants: 角色 + 区域 (+ 所属户 for villagers).
import { Button, Card, Col, Form, Row, Select, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { RoleDef } from '../../api/users';
import type { Region } from '../../api/regions';
import { useI18n } from '../../i18n';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { TOWNSHIP_UNITS } from '../../../../shared/roles';

export interface GrantValue {
  role?: string;
  regionId?: string;
  householdId?: string | null;
  unit?: string | null;
}

export function RoleListEditor({ form, roles }: { form: FormInstance; roles: RoleDef[] }) {
  const { t, locale } = useI18n();
  const grants: GrantValue[] = Form.useWatch('roles', form) ?? [];
  const def = (code?: string) => roles.find((r) => r.code === code);

  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_, v?: GrantValue[]) => {
            if (!v?.length) throw new Error(t('users.roles.required'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => {
            const g = grants[i] ?? {};
            const d = def(g.role);
            const fits = (r: Region) => !d?.levels || d.levels.includes(r.level);
            return (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12, background: '#fafbfc' }}
                title={`${t('users.roles.role')} ${i + 1}`}
                extra={
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={`${t('users.roles.remove')} ${i + 1}`}
                  />
                }
              >
                <Row gutter={12}>
                  <Col span={10}>
                    <Form.Item
                      label={t('users.roles.role')}
                      name={[field.name, 'role']}
                      rules={[{ required: true, message: t('validate.select', { field: t('users.roles.role') }) }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Select
                        options={roles.map((r) => ({ value: r.code, label: locale === 'zh-CN' ? r.zh : r.en }))}
                        onChange={() => {
                          form.setFieldValue(['roles', field.name, 'householdId'], undefined);
                          form.setFieldValue(['roles', field.name, 'unit'], undefined);
                        }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={14}>
                    <Form.Item
                      label={t('users.roles.region')}
                      name={[field.name, 'regionId']}
                      rules={[{ required: true, message: t('validate.select', { field: t('users.roles.region') }) }]}
                      style={{ marginBottom: 8 }}
                    >
                      <RegionTreeSelect
                        selectable={fits}
                        onChange={(v) => {
                          form.setFieldValue(['roles', field.name, 'regionId'], v);
                          form.setFieldValue(['roles', field.name, 'householdId'], undefined);
                        }}
                      />
                    </Form.Item>
                  </Col>
                </Row>
                {g.role === 'township_staff' && (
                  <Form.Item label={t('users.roles.unit')} name={[field.name, 'unit']} extra={t('users.roles.unit.hint')} style={{ marginBottom: 8 }}>
                    <Select allowClear placeholder={t('users.roles.unit.placeholder')} options={TOWNSHIP_UNITS.map((u) => ({ value: u, label: u }))} />
                  </Form.Item>
                )}
                {d?.needsHousehold && (
                  <Form.Item
                    label={t('users.roles.household')}
                    name={[field.name, 'householdId']}
                    rules={[{ required: true, message: t('validate.select', { field: t('users.roles.household') }) }]}
                    style={{ marginBottom: 8 }}
                  >
                    <HouseholdPicker regionId={g.regionId} />
                  </Form.Item>
                )}
              </Card>
            );
          })}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
            {t('users.roles.add')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
