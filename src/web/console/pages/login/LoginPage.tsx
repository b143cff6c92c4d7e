import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dropdown, Form, Input } from 'antd';
import { CheckCircleFilled, GlobalOutlined, LockOutlined, MobileOutlined } from '@ant-design/icons';
import { login, meKey, useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../api/errors';
import { useI18n, type Locale } from '../../i18n';
import './login.css';

interface Values {
  phone: string;
  password: string;
}

function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const onFinish = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const out = await login(v.phone.trim(), v.password);
      qc.setQueryData(meKey, out.user);
      navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'AUTH_FAILED') setError(errorText(err) || t('login.failed'));
      else if (err instanceof ApiError && err.status === 429) setError(errorText(err) || t('login.locked'));
      else setError(errorText(err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="xz-login">
      <section className="xz-login-brand" aria-hidden="false">
        <div className="xz-login-brand-inner">
          <div className="xz-login-logo">
            <span>治</span>
          </div>
          <h1 className="xz-login-title">{t('app.title')}</h1>
          <p className="xz-login-subtitle">{t('app.subtitle')}</p>
          <p className="xz-login-tagline">{t('login.tagline')}</p>
          <ul className="xz-login-features">
            {(['login.feature1', 'login.feature2', 'login.feature3'] as const).map((k) => (
              <li key={k}>
                <CheckCircleFilled aria-hidden /> {t(k)}
              </li>
            ))}
          </ul>
        </div>
        <svg className="xz-login-hills" viewBox="0 0 800 200" preserveAspectRatio="none" aria-hidden>
          <path d="M0 140 C120 90 220 120 330 100 C450 78 540 130 650 110 C720 98 770 104 800 112 L800 200 L0 200 Z" fill="rgba(255,255,255,0.06)" />
          <path d="M0 170 C140 130 260 160 380 145 C520 128 620 168 800 150 L800 200 L0 200 Z" fill="rgba(255,255,255,0.08)" />
        </svg>
      </section>
      <section className="xz-login-panel">
        <div className="xz-login-lang">
          <Dropdown
            menu={{
              items: [
                { key: 'zh-CN', label: '简体中文' },
                { key: 'en-US', label: 'English' },
              ],
              selectable: true,
              selectedKeys: [locale],
              onClick: ({ key }) => setLocale(key as Locale),
            }}
          >
            <Button type="text" icon={<GlobalOutlined />} aria-label={`${t('header.language')}：${locale === 'zh-CN' ? '中文' : 'EN'}`}>
              {locale === 'zh-CN' ? '中文' : 'EN'}
            </Button>
          </Dropdown>
        </div>
        <div className="xz-login-card">
          <h2>{t('login.welcome')}</h2>
          <p className="xz-login-hint">{t('login.hint')}</p>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 20 }} role="alert" />}
          <Form<Values> layout="vertical" size="large" requiredMark={false} onFinish={onFinish} onValuesChange={() => error && setError(null)}>
            <Form.Item
              label={t('login.phone')}
              name="phone"
              validateTrigger={['onChange', 'onBlur']}
              rules={[
                { required: true, message: t('login.phone.required') },
                { pattern: /^\s*1\d{10}\s*$/, message: t('login.phone.invalid'), validateTrigger: 'onBlur' },
              ]}
            >
              <Input prefix={<MobileOutlined />} inputMode="numeric" autoComplete="username" maxLength={11} placeholder={t('login.phone.placeholder')} />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.password.required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder={t('login.password.placeholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} style={{ marginTop: 8 }}>
              {t('login.submit')}
            </Button>
          </Form>
        </div>
        <footer className="xz-login-footer">{t('app.footer')}</footer>
      </section>
    </div>
  );
}
