import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Progress, Row, Tag } from 'antd';
import { changePassword } from '../../api/auth';
import { useT } from '../../i18n';
import { PageContainer } from '../../components/PageContainer';
import { useSubmit } from '../../components/useSubmit';
import { passwordRules } from './passwordRules';
import { useSession } from '../../layout/session';
import { roleLabel } from '../../lib/access';
import { useI18n } from '../../i18n';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

function strength(p: string): number {
  let s = 0;
  if (p.length >= 8) s++;
  if (p.length >= 12) s++;
  if (/[A-Za-z]/.test(p) && /\d/.test(p)) s++;
  if (/[^A-Za-z0-9]/.test(p) || (/[a-z]/.test(p) && /[A-Z]/.test(p))) s++;
  return s;
}

export default function PasswordPage() {
  const t = useT();
  const { locale } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    await changePassword(v.oldPassword, v.newPassword);
    message.success(t('password.done'));
    form.resetFields();
  });
  const pw: string = Form.useWatch('newPassword', form) ?? '';
  const s = strength(pw);
  const level = s <= 1 ? 'weak' : s <= 2 ? 'medium' : 'strong';

  return (
    <PageContainer title={t('password.title')}>
      <Row gutter={16} align="stretch">
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('password.title')} style={{ height: '100%' }}>
            <div style={{ maxWidth: 460 }}>
              <Alert type="info" showIcon title={t('password.hint')} style={{ marginBottom: 24 }} />
              {alert}
              <Form<Values> form={form} layout="vertical" onFinish={run} onValuesChange={onValuesChange}>
                <Form.Item
                  label={t('password.old')}
                  name="oldPassword"
                  rules={[{ required: true, message: t('validate.required', { field: t('password.old') }) }]}
                >
                  <Input.Password autoComplete="current-password" />
                </Form.Item>
                <Form.Item
                  label={t('password.new')}
                  name="newPassword"
                  dependencies={['oldPassword']}
                  validateFirst
                  rules={[
                    ...passwordRules(t, t('password.new')),
                    ({ getFieldValue }) => ({
                      validator: async (_, v?: string) => {
                        if (v && v === getFieldValue('oldPassword')) throw new Error(t('validate.password.same'));
                      },
                    }),
                  ]}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
                {pw && (
                  <div style={{ marginTop: -12, marginBottom: 16 }} aria-live="polite">
                    <span className="xz-muted" style={{ fontSize: 12 }}>
                      {t('password.strength')}：{t(`password.strength.${level}`)}
                    </span>
                    <Progress
                      percent={(s / 4) * 100}
                      showInfo={false}
                      size="small"
                      strokeColor={level === 'weak' ? '#ff4d4f' : level === 'medium' ? '#faad14' : '#52c41a'}
                    />
                  </div>
                )}
                <Form.Item
                  label={t('password.confirm')}
                  name="confirm"
                  dependencies={['newPassword']}
                  rules={[
                    { required: true, message: t('validate.required', { field: t('password.confirm') }) },
                    ({ getFieldValue }) => ({
                      validator: async (_, v?: string) => {
                        if (v && v !== getFieldValue('newPassword')) throw new Error(t('validate.password.match'));
                      },
                    }),
                  ]}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 8 }}>
                  {t('common.submit')}
                </Button>
              </Form>
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={t('account.title')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              styles={{ label: { width: 96, color: '#666666' } }}
              items={[
                { key: 'name', label: t('users.name'), children: me.name },
                { key: 'phone', label: t('users.phone'), children: me.phone },
                {
                  key: 'roles',
                  label: t('users.col.roles'),
                  children: (
                    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
                      {me.roles.map((r, i) => (
                        <Tag key={i} color="blue" style={{ marginInlineEnd: 0 }}>
                          {roleLabel(r.role, locale)} · {r.regionName}
                        </Tag>
                      ))}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
