import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { createUser, patchUser, putUserRoles, useRoleDefs, userKeys, type UserRow } from '../../api/users';
import { useT } from '../../i18n';
import { MOBILE } from '../../lib/idnumber';
import { useSubmit } from '../../components/useSubmit';
import { RoleListEditor, type GrantValue } from './RoleListEditor';
import { passwordRules } from '../account/passwordRules';

interface Values {
  name: string;
  phone: string;
  password?: string;
  roles: GrantValue[];
}

/** Server paths like `roles.0.regionId` onto the role list's fields. */
const roleField = (f: string) => {
  const m = /^roles\.(\d+)\.(\w+)$/.exec(f);
  return m ? ['roles', Number(m[1]), m[2]] : [f];
};

export function UserDrawer({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const roles = useRoleDefs();
  const [form] = Form.useForm<Values>();
  const editing = !!user;

  const { submit, saving, alert, onValuesChange } = useSubmit(
    form,
    async (v) => {
      const grants = v.roles.map((g) => ({ role: g.role!, regionId: g.regionId!, householdId: g.householdId || null, unit: g.unit || null }));
      if (user) {
        if (v.name.trim() !== user.name) await patchUser(user.id, { name: v.name.trim() });
        await putUserRoles(user.id, grants);
        message.success(t('users.updated'));
      } else {
        await createUser({ name: v.name.trim(), phone: v.phone.trim(), password: v.password!, roles: grants });
        message.success(t('users.created', { name: v.name.trim() }));
      }
      await qc.invalidateQueries({ queryKey: userKeys.all });
      onClose();
    },
    roleField,
  );

  const initial: Partial<Values> = user
    ? {
        name: user.name,
        phone: user.phone,
        roles: user.roles.map((r) => ({ role: r.role, regionId: r.regionId, householdId: r.householdId ?? undefined, unit: r.unit ?? undefined })),
      }
    : { roles: [{}] };

  return (
    <Drawer
      open
      title={user ? t('users.edit.title', { name: user.name }) : t('users.create.title')}
      size={620}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {alert}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange}>
        <Form.Item
          label={t('users.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('validate.required', { field: t('users.name') }) },
            { max: 30, message: t('validate.maxLen', { field: t('users.name'), n: 30 }) },
          ]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.phone')}
          name="phone"
          extra={editing ? t('users.phone.readonly') : undefined}
          validateTrigger={['onBlur']}
          rules={[
            { required: true, message: t('validate.required', { field: t('users.phone') }) },
            { pattern: MOBILE, message: t('validate.mobile') },
          ]}
        >
          <Input maxLength={11} inputMode="numeric" disabled={editing} autoComplete="off" />
        </Form.Item>
        {!editing && (
          <Form.Item label={t('users.password')} name="password" extra={t('users.password.hint')} rules={passwordRules(t, t('users.password'))}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <div style={{ margin: '4px 0 12px' }}>
          <div className="xz-section-title">
            <span style={{ color: '#ff4d4f', marginInlineEnd: 4 }} aria-hidden>
              *
            </span>
            {t('users.roles')}
          </div>
          <div className="xz-muted" style={{ fontSize: 13 }}>
            {t('users.roles.hint')}
          </div>
        </div>
        <RoleListEditor form={form} roles={roles.data ?? []} />
      </Form>
    </Drawer>
  );
}
