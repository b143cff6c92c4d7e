// When the outbox is sent (app start, the browser's online event, every half minute while something waits, 立即同步),
// and the bar on 今日 and 我的 that shows "待同步 N 条".
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Button, Toast } from 'antd-mobile';
import { CheckCircleFill, ExclamationCircleFill, RightOutline, UploadOutline } from 'antd-mobile-icons';
import { useMe, type Me } from './data';
import { dismissSent, pendingCount, syncOutbox, useOutbox, type SyncResult } from './outbox';
import { isWorker, patrolKeys, visitKeys } from './work';

/** While something waits: a try every half minute; after a try that got no answer, sooner (5 s, 10 s, 20 s…). */
const RETRY_MS = 30_000;
const FIRST_BACKOFF_MS = 5_000;

let qcRef: QueryClient | null = null;
let userRef: string | null = null;
let wired = false;
let backoff = 0;
let retryTimer: number | undefined;

function schedule(res: SyncResult) {
  window.clearTimeout(retryTimer);
  if (res.signedOut) {
    userRef = null;
    backoff = 0;
    return;
  } // until someone signs in again
  if (!res.stopped) {
    backoff = 0;
    return;
  }
  if (!navigator.onLine) return; // the online event will start it
  backoff = Math.min(backoff ? backoff * 2 : FIRST_BACKOFF_MS, RETRY_MS);
  retryTimer = window.setTimeout(kick, backoff);
}

/** Sends my outbox now; afterwards the lists are fetched again and the worker is told what went out. */
export async function runSync(userId: string, qc: QueryClient | null, quiet = false): Promise<SyncResult> {
  if (!navigator.onLine) {
    if (!quiet) Toast.show({ content: '现在没有网络，联网后会自动上报' });
    return { sent: [], failed: 0, stopped: '没有网络' };
  }
  const res = await syncOutbox(userId);
  schedule(res);
  if (res.sent.length) {
    await Promise.all([
      qc?.invalidateQueries({ queryKey: visitKeys.all }),
      qc?.invalidateQueries({ queryKey: patrolKeys.all }),
      qc?.invalidateQueries({ queryKey: ['h5', 'cases'] }),
    ]);
    Toast.show({ icon: 'success', content: `已上报 ${res.sent.length} 条离线记录` });
  } else if (!quiet && res.stopped) {
    Toast.show({ content: `这次没有发出去：${res.stopped}。稍后会自动再试` });
  }
  return res;
}

function kick() {
  if (userRef && pendingCount(userRef) > 0 && navigator.onLine) void runSync(userRef, qcRef, true);
}

/** Wires the automatic sends once per page load, for the signed-in worker. */
export function useAutoSync(me: Me | undefined) {
  const qc = useQueryClient();
  const worker = isWorker(me);
  useEffect(() => {
    qcRef = qc;
    if (!me || !worker) return;
    const changedUser = userRef !== me.id;
    userRef = me.id;
    if (!wired) {
      wired = true;
      window.addEventListener('online', () => kick());
      window.setInterval(kick, RETRY_MS);
    }
    if (changedUser && navigator.onLine) void runSync(me.id, qc, true);
  }, [me, worker, qc]);
}

/** "待同步 N 条" with 立即同步; records the server refused; visits just sent that found a problem (→ 转为事件). */
export function OutboxBar() {
  const me = useMe().data;
  const box = useOutbox(me?.id);
  const qc = useQueryClient();
  if (!me || !box.loaded) return null;
  const problems = box.sent.filter((s) => s.problem);
  if (!box.pending.length && !box.failed.length && !problems.length) return null;
  return (
    <>
      {(box.pending.length > 0 || box.failed.length > 0) && (
        <section className={box.pending.length ? 'xz-card xz-outbox' : 'xz-card xz-outbox xz-outbox-bad'} aria-label="待同步">
          {box.pending.length > 0 && (
            <div className="xz-outbox-top">
              <UploadOutline aria-hidden className="xz-outbox-icon" />
              <div className="xz-outbox-text">
                <div className="xz-outbox-title">待同步 {box.pending.length} 条</div>
                <div className="xz-muted">已保存在手机上，联网后自动上报</div>
              </div>
              <Button
                size="small"
                color="primary"
                fill="outline"
                className="xz-outbox-btn"
                loading={box.syncing}
                loadingText="上报中"
                onClick={() => void runSync(me.id, qc)}
              >
                立即同步
              </Button>
            </div>
          )}
          {box.failed.length > 0 && (
            <p className="xz-outbox-failed">
              <ExclamationCircleFill aria-hidden /> {box.failed.length} 条没有上报成功，请查看
            </p>
          )}
          <Link to="/h5/outbox" className="xz-outbox-more">
            查看明细
            <RightOutline aria-hidden />
          </Link>
        </section>
      )}
      {problems.length > 0 && (
        <section className="xz-card xz-sent" aria-label="刚上报的记录">
          <p className="xz-sent-head">
            <CheckCircleFill aria-hidden /> 离线记录已上报，发现的问题可以转为事件
          </p>
          {problems.map((s) => (
            <Link
              key={s.key}
              to={s.kind === 'visit' ? `/h5/visits/${encodeURIComponent(s.id)}` : `/h5/patrols/${encodeURIComponent(s.id)}`}
              className="xz-sent-link"
            >
              <span className="xz-ellipsis">{s.title}</span>
              <span className="xz-go">
                去转为事件
                <RightOutline aria-hidden />
              </span>
            </Link>
          ))}
          <button type="button" className="xz-text-btn xz-sent-close" onClick={() => dismissSent(problems.map((s) => s.key))}>
            知道了
          </button>
        </section>
      )}
    </>
  );
}

/** Households with a visit waiting on this phone, and patrol slots (kind, region, period) done here but not yet sent. */
export function usePendingWork() {
  const me = useMe().data;
  const box = useOutbox(me?.id);
  const households = new Set<string>();
  const patrols = new Set<string>();
  for (const e of box.pending) {
    if (e.kind === 'visit') households.add(e.body.householdId);
    else if (e.kind === 'patrol') patrols.add(patrolSlot(e.body.kind, e.body.regionId, e.periodKey ?? ''));
  }
  return { households, patrols };
}
export const patrolSlot = (kind: string, regionId: string, periodKey: string) => `${kind}|${regionId}|${periodKey}`;
