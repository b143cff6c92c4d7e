// 我的: who I am, my household's address (a worker: where I work, and my family's cases, 待同步), 长辈版, sign out.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Switch } from 'antd-mobile';
import { api } from '../../shared/api-client';
import { homeGrant, useHousehold, useMe } from '../data';
import { useElder } from '../elder';
import { PageTitle } from '../parts';
import { isWorker } from '../work';
import { clearOfflineReads } from '../offline';
import { useOutbox } from '../outbox';
import { OutboxBar } from '../sync';
import { ROLE_LABELS, type Role } from '../../../shared/roles';

const maskPhone = (p: string) => (p.length === 11 ? `${p.slice(0, 3)}****${p.slice(7)}` : p);

export function MinePage() {
  const me = useMe().data;
  const worker = isWorker(me);
  const grant = worker ? me?.roles.find((r) => r.householdId) : homeGrant(me);
  const hh = useHousehold(grant?.householdId);
  const { elder, setElder } = useElder();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const box = useOutbox(me?.id);

  const signOut = async () => {
    const waiting = box.pending.length + box.failed.length;
    if (waiting > 0) {
      const ok = await Dialog.confirm({
        content: `还有 ${waiting} 条记录没有上报。退出后它们仍保存在这部手机上，下次用这个账号登录后再上报。确定退出吗？`,
        confirmText: '退出',
        cancelText: '先不退出',
      });
      if (!ok) return;
    }
    setBusy(true);
    try {
      await api.post('/api/auth/logout');
    } catch {
      /* the cookie is gone or will expire */
    }
    await clearOfflineReads();
    qc.clear();
    navigate('/h5/login', { replace: true });
  };

  return (
    <div className="xz-page">
      <PageTitle>我的</PageTitle>
      {worker && <OutboxBar />}
      <section className="xz-card xz-me">
        <div className="xz-avatar" aria-hidden>
          {me?.name.slice(0, 1)}
        </div>
        <div className="xz-me-text">
          <div className="xz-me-name">{me?.name}</div>
          <div className="xz-muted">{me ? maskPhone(me.phone) : ''}</div>
        </div>
      </section>
      {worker && (
        <section className="xz-card" aria-labelledby="h-work">
          <h2 id="h-work" className="xz-section-in">
            我的工作
          </h2>
          <dl className="xz-dl xz-dl-wide">
            {me!.roles
              .filter((r) => r.role !== 'villager')
              .map((r) => (
                <div key={`${r.role}-${r.regionId}`}>
                  <dt>{ROLE_LABELS[r.role as Role]?.zh ?? '工作人员'}</dt>
                  <dd>{r.placeName}</dd>
                </div>
              ))}
          </dl>
        </section>
      )}
      {(!worker || grant?.householdId) && (
        <section className="xz-card" aria-labelledby="h-home">
          <h2 id="h-home" className="xz-section-in">
            我家
          </h2>
          {!grant?.householdId ? (
            <p className="xz-muted">还没有关联到户，请联系本村网格员。</p>
          ) : hh.isPending ? (
            <p className="xz-muted">正在加载…</p>
          ) : hh.isError ? (
            <p className="xz-muted">住址暂时没有加载出来</p>
          ) : (
            <dl className="xz-dl">
              <div>
                <dt>住址</dt>
                <dd>{hh.data.address}</dd>
              </div>
              <div>
                <dt>所在</dt>
                <dd>
                  {hh.data.villageName} · {hh.data.gridName}
                </dd>
              </div>
              {hh.data.headName && (
                <div>
                  <dt>户主</dt>
                  <dd>{hh.data.headName}</dd>
                </div>
              )}
            </dl>
          )}
          {worker && grant?.householdId && (
            <Link to="/h5/home" className="xz-more-link">
              我家的事
            </Link>
          )}
        </section>
      )}
      <section className="xz-card">
        <div className="xz-row">
          <div>
            <div className="xz-row-title" id="elder-l">
              长辈版
            </div>
            <div className="xz-muted">字更大、颜色更清楚</div>
          </div>
          <Switch checked={elder} onChange={setElder} aria-labelledby="elder-l" />
        </div>
      </section>
      <Button block size="large" className="xz-main-btn xz-logout" loading={busy} onClick={signOut}>
        退出登录
      </Button>
    </div>
  );
}
