import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { useMe } from '../api/auth';
import { ApiError } from '../api/client';
import { useErrorText } from '../api/errors';
import { useT } from '../i18n';
import { SessionProvider } from './session';

export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useT();
  const errorText = useErrorText();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) {
    return (
      <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" description={t('common.loading')}>
          <div style={{ width: 120 }} />
        </Spin>
      </div>
    );
  }
  if ((me.error instanceof ApiError && me.error.status === 401) || (!me.data && !me.error)) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.error || !me.data) {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={errorText(me.error)}
        extra={
          <Button type="primary" onClick={() => me.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <SessionProvider me={me.data}>{children}</SessionProvider>;
}
