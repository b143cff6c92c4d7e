import { App, Form, Input, Modal } from 'antd';
import { resetUserPassword, type UserRow } from '../../api/users';
import { useT } from '../../i18n';
import { useSubmit } from '../../components/useSubmit';
import { passwordRules } from '../account/passwordRules';

export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const { submit, saving, alert } = useSubmit(form, async (v) => {
    await resetUserPassword(user.id, v.password);
    message.success(t('users.resetPassword.done'));
    onClose();
  });

  return (
    <Modal
      open
      title={t('users.resetPassword.title', { name: user.name })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {alert}
      <Form form={form} layout="vertical">
        <Form.Item label={t('password.new')} name="password" extra={t('users.password.hint')} rules={passwordRules(t, t('password.new'))}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
