// The pick-up code of one redemption (big, for the counter), and 我的兑换: codes waiting, picked up, cancelled.
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog } from 'antd-mobile';
import { api, type Page } from '../../shared/api-client';
import { homeGrant, useMe } from '../data';
import { cancelRedemption, formatCode, type Redemption } from '../points';
import { BackBar, Skeletons } from '../parts';
import { errorMessage } from '../errors';
import { timeWord } from '../labels';

const WORD: Record<string, string> = { reserved: '待领取', fulfilled: '已领取', cancelled: '已取消' };
const TONE: Record<string, string> = { reserved: 'wait', fulfilled: 'done', cancelled: 'closed' };
const when = (iso: string) => timeWord(iso);

export function RedemptionCodePage() {
  const { id } = useParams();
  const r = useQuery({ queryKey: ['store', 'redemption', id], queryFn: () => api.get<Redemption>(`/api/store/redemptions/${encodeURIComponent(id!)}`) });
  return (
    <div className="xz-page xz-page-back">
      <BackBar title="兑换码" fallback="/h5/store/mine" />
      {r.isPending ? (
        <Skeletons n={1} />
      ) : r.isError ? (
        <p className="xz-card" role="alert">
          {errorMessage(r.error, '没有找到这次兑换')}
        </p>
      ) : (
        <section className="xz-card xz-code-card">
          {r.data.status === 'reserved' && <p className="xz-code-ok">兑换成功</p>}
          <div className="xz-muted">
            {r.data.itemName} × {r.data.quantity} · {r.data.totalCost.toLocaleString('zh-CN')} 积分
          </div>
          <div className="xz-code" role="img" aria-label={`兑换码 ${r.data.code.split('').join(' ')}`}>
            {formatCode(r.data.code)}
          </div>
          <span className={`xz-status xz-status-${TONE[r.data.status]}`}>{WORD[r.data.status]}</span>
          <p className="xz-code-hint">
            {r.data.status === 'reserved'
              ? '请到村委会超市柜台出示兑换码领取'
              : r.data.status === 'fulfilled'
                ? `已于${when(r.data.fulfilledAt!)}领取`
                : '已取消，积分已退回'}
          </p>
          <Link to="/h5/store/mine" className="xz-more-link">
            我的兑换
          </Link>
        </section>
      )}
    </div>
  );
}

export function MyRedemptionsPage() {
  const me = useMe().data;
  const hh = homeGrant(me)?.householdId;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['store', 'mine', hh],
    queryFn: () => api.get<Page<Redemption>>('/api/store/redemptions', { householdId: hh, pageSize: 50 }),
    enabled: !!hh,
  });
  const cancel = async (r: Redemption) => {
    const ok = await Dialog.confirm({
      'aria-label': '取消兑换',
      content: `取消兑换“${r.itemName}”？积分会退回到您家。`,
      confirmText: '取消兑换',
      cancelText: '不取消',
    });
    if (!ok) return;
    try {
      await cancelRedemption(r.id, '村民在手机上取消');
      await qc.invalidateQueries({ queryKey: ['store'] });
      await qc.invalidateQueries({ queryKey: ['points'] });
    } catch (err) {
      await Dialog.alert({ 'aria-label': '没有取消成功', content: errorMessage(err), confirmText: '知道了' });
    }
  };
  return (
    <div className="xz-page xz-page-back">
      <BackBar title="我的兑换" fallback="/h5/points" />
      {list.isPending ? (
        <Skeletons />
      ) : list.isError ? (
        <p className="xz-card" role="alert">
          {errorMessage(list.error)}
        </p>
      ) : !list.data.items.length ? (
        <div className="xz-card xz-empty">
          <p className="xz-empty-title">还没有兑换过商品</p>
          <p>家里的积分可以在村追梦超市换洗衣粉、食用油等日用品，兑换后凭兑换码到村委会领取。</p>
          <Button color="primary" size="large" className="xz-main-btn" onClick={() => navigate('/h5/store')}>
            去追梦超市看看
          </Button>
        </div>
      ) : (
        list.data.items.map((r) => (
          <section key={r.id} className="xz-card">
            <Link to={`/h5/store/r/${r.id}`} className="xz-pts-row xz-plain-link">
              <div className="xz-pts-row-main">
                <div className="xz-pts-row-title">
                  {r.itemName} × {r.quantity}
                </div>
                <div className="xz-muted">
                  {when(r.createdAt)} · {r.totalCost.toLocaleString('zh-CN')} 积分
                </div>
                {r.status === 'reserved' && <div className="xz-code-small">兑换码 {formatCode(r.code)}</div>}
              </div>
              <span className={`xz-status xz-status-${TONE[r.status]}`}>{WORD[r.status]}</span>
            </Link>
            {r.status === 'reserved' && r.abilities?.includes('redemption.cancel') && (
              <Button fill="outline" className="xz-pts-action" onClick={() => cancel(r)}>
                取消兑换
              </Button>
            )}
          </section>
        ))
      )}
    </div>
  );
}
