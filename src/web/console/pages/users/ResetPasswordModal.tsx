import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { resetUserPassword, type UserRow } from '../../api/users';
import { useT } from '../../i18n';
import { useSaveError } from '../households/useSaveError';
import { passwordRules } from '../account/passwordRules';

export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const { banner, report, clear } = useSaveError(form);

  const submit = async () => {
    let v: { password: string };
    try { v = await form.validateFields(); } catch { return; }
    setSaving(true);
    clear();
    try {
      await resetUserPassword(user.id, v.password);
      message.success(t('users.resetPassword.done'));
      onClose();
    } catch (err) {
      report(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('users.resetPassword.title', { name: user.name })} okText={t('common.confirm')} cancelText={t('common.cancel')}
      confirmLoading={saving} onOk={submit} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical">
        <Form.Item label={t('password.new')} name="password" extra={t('users.password.hint')} rules={passwordRules(t, t('password.new'))}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
