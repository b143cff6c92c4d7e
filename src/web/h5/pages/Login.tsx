// 村民登录: phone + password, big fields, the 长辈版 switch right here.
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Input, Switch } from 'antd-mobile';
import { api } from '../../shared/api-client';
import { useElder } from '../elder';
import { errorMessage } from '../errors';
import { meKey, type Me } from '../data';
import { homePath } from '../work';
import { clearOfflineReads } from '../offline';

export function LoginPage() {
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const { elder, setElder } = useElder();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^1\d{10}$/.test(phone.trim())) return setError('请输入11位手机号');
    if (!password) return setError('请输入密码');
    setBusy(true);
    setError('');
    try {
      await api.post('/api/auth/login', { phone: phone.trim(), password });
      await clearOfflineReads(); // nobody else's copy stays on the phone
      const me = await api.get<Me>('/api/me');
      qc.setQueryData(meKey, me);
      const next = params.get('next');
      navigate(next?.startsWith('/h5') && !next.startsWith('/h5/login') ? next : homePath(me), { replace: true });
    } catch (err) {
      setError(errorMessage(err, '手机号或密码不正确，请重新输入'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="xz-login">
      <div className="xz-login-top">
        <label className="xz-elder-quick">
          <span>长辈版</span>
          <Switch checked={elder} onChange={setElder} aria-label="长辈版大字" />
        </label>
      </div>
      <header className="xz-login-brand">
        <div className="xz-logo" aria-hidden>
          治
        </div>
        <h1>乡治 · 村民端</h1>
        <p>随手拍、查进度、给办理打分</p>
      </header>
      <form className="xz-card xz-login-form" onSubmit={submit} noValidate>
        <div className="xz-field">
          <label htmlFor="login-phone">手机号</label>
          <Input
            id="login-phone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            placeholder="请输入手机号"
            value={phone}
            onChange={setPhone}
            clearable
          />
        </div>
        <div className="xz-field">
          <label htmlFor="login-password">密码</label>
          <Input id="login-password" type="password" autoComplete="current-password" placeholder="请输入密码" value={password} onChange={setPassword} />
        </div>
        {error && (
          <p className="xz-error" role="alert">
            {error}
          </p>
        )}
        <Button type="submit" color="primary" block size="large" loading={busy} loadingText="正在登录" className="xz-main-btn">
          登录
        </Button>
        <p className="xz-hint">忘记密码请联系本村网格员或村委会重置。</p>
        <p className="xz-hint">网格员、村干部也在这里登录。</p>
      </form>
    </div>
  );
}
