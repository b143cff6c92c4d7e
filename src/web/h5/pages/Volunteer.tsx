// 志愿服务 (道德银行): the village's activities with their time, place and points; sign a member of my household up,
// and see whether the organizer confirmed they came (and the points it earned).
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Popup, Toast } from 'antd-mobile';
import { api, type Page } from '../../shared/api-client';
import type { HouseholdDetail } from '../../console/api/households';
import type { Activity } from '../../console/api/pointsCore';
import { homeGrant, useMe } from '../data';
import { useMyVillage } from '../points';
import { BackBar, Skeletons } from '../parts';
import { errorMessage } from '../errors';

type MyActivity = Activity & { mySignups: { id: string; residentId: string; status: string; points: number | null }[] };
const when = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
const WORD: Record<string, string> = { signed: '已报名', attended: '已参加', absent: '未参加' };
const TONE: Record<string, string> = { signed: 'work', attended: 'done', absent: 'closed' };

export function VolunteerPage() {
  const me = useMe().data;
  const hh = homeGrant(me)?.householdId ?? undefined;
  const village = useMyVillage(me);
  const list = useQuery({
    queryKey: ['points', 'h5-activities', village.data?.id],
    queryFn: () => api.get<Page<MyActivity>>('/api/volunteer/activities', { regionId: village.data!.id, pageSize: 30 }),
    enabled: !!village.data,
  });
  const family = useQuery({
    queryKey: ['h5', 'family', hh],
    queryFn: () => api.get<HouseholdDetail>(`/api/households/${encodeURIComponent(hh!)}`),
    enabled: !!hh,
  });
  const [signing, setSigning] = useState<MyActivity | null>(null);
  const names = new Map((family.data?.residents ?? []).map((r) => [r.id, r.name]));
  // Coming ones first, soonest on top; the ones under way or over after them, latest first.
  const now = Date.now();
  const isAhead = (a: MyActivity) => a.status === 'open' && Date.parse(a.startsAt) > now;
  const activities = [...(list.data?.items ?? [])].sort((a, b) =>
    isAhead(a) !== isAhead(b)
      ? isAhead(a)
        ? -1
        : 1
      : isAhead(a)
        ? Date.parse(a.startsAt) - Date.parse(b.startsAt)
        : Date.parse(b.startsAt) - Date.parse(a.startsAt),
  );
  return (
    <div className="xz-page xz-page-back">
      <BackBar title="志愿服务" fallback="/h5/points" />
      <p className="xz-section-hint xz-pts-intro">参加村里的志愿服务，按服务时长得积分（道德银行）。</p>
      {list.isPending || village.isPending ? (
        <Skeletons />
      ) : list.isError ? (
        <p className="xz-card" role="alert">
          {errorMessage(list.error)}
        </p>
      ) : !activities.length ? (
        <p className="xz-card xz-muted">村里暂时没有志愿活动。村两委发布活动后会显示在这里。</p>
      ) : (
        activities.map((a) => (
          <section key={a.id} className="xz-card">
            <div className="xz-pts-row">
              <div className="xz-pts-row-main">
                <div className="xz-pts-row-title">{a.title}</div>
                <div className="xz-muted">
                  {when(a.startsAt)}
                  {a.place ? ` · ${a.place}` : ''}
                </div>
                <div className="xz-muted">
                  服务 {a.hours} 小时 × 每小时 {a.rate} 分 = <strong className="xz-pts-plus-inline">{a.points} 分</strong>
                </div>
                <div className="xz-muted">
                  已报名 {a.signedUp}
                  {a.capacity ? ` / ${a.capacity}` : ''} 人
                </div>
              </div>
              {a.status === 'closed' ? (
                <span className="xz-status xz-status-closed">已结束</span>
              ) : !isAhead(a) ? (
                <span className="xz-status xz-status-work">已开始</span>
              ) : a.capacity && a.signedUp >= a.capacity ? (
                <span className="xz-status xz-status-closed">名额已满</span>
              ) : null}
            </div>
            {a.mySignups.length > 0 && (
              <ul className="xz-plain-list" style={{ marginTop: 8 }} aria-label="我家报名">
                {a.mySignups.map((s) => (
                  <li key={s.id} className="xz-signup">
                    <span>{names.get(s.residentId) ?? '家人'}</span>
                    <span className={`xz-status xz-status-${TONE[s.status] ?? 'closed'}`}>
                      {WORD[s.status] ?? '已报名'}
                      {s.points ? ` +${s.points}分` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {isAhead(a) && (!a.capacity || a.signedUp < a.capacity) && (
              <Button color="primary" fill="outline" className="xz-pts-action" onClick={() => setSigning(a)}>
                我要报名
              </Button>
            )}
          </section>
        ))
      )}
      {signing && family.data && (
        <SignUpSheet
          activity={signing}
          residents={family.data.residents.filter((r) => !signing.mySignups.some((s) => s.residentId === r.id))}
          onClose={() => setSigning(null)}
        />
      )}
    </div>
  );
}

function SignUpSheet({
  activity,
  residents,
  onClose,
}: {
  activity: MyActivity;
  residents: { id: string; name: string; relation: string }[];
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const sign = async (residentId: string) => {
    setBusy(true);
    try {
      await api.post(`/api/volunteer/activities/${encodeURIComponent(activity.id)}/signups`, { residentId });
      await qc.invalidateQueries({ queryKey: ['points'] });
      Toast.show({ icon: 'success', content: '报名成功，请按时参加' });
      onClose();
    } catch (err) {
      await Dialog.alert({ 'aria-label': '报名没有成功', content: errorMessage(err), confirmText: '知道了' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popup visible onMaskClick={onClose} onClose={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 16 }}>
      <div role="dialog" aria-label={`报名${activity.title}`}>
        <h2 className="xz-section-in">谁去参加“{activity.title}”？</h2>
        {!residents.length ? (
          <p className="xz-muted">家里的人都已报名。</p>
        ) : (
          residents.map((r) => (
            <Button key={r.id} block size="large" style={{ marginBottom: 8 }} disabled={busy} onClick={() => sign(r.id)}>
              {r.name}（{r.relation}）
            </Button>
          ))
        )}
        <Button block fill="none" onClick={onClose}>
          取消
        </Button>
      </div>
    </Popup>
  );
}
