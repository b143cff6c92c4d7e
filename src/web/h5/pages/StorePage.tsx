// 追梦超市: the village store's items with their points and stock; tap one, choose how many, confirm — the
// points are taken and the stock kept for me at once, and the pick-up code shows big for the counter.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Popup } from 'antd-mobile';
import { GiftOutline } from 'antd-mobile-icons';
import { api, ApiError } from '../../shared/api-client';
import { homeGrant, useMe } from '../data';
import { itemPhotoUrl, useHouseholdPoints, useMyVillage, useStoreItems, type Redemption, type StoreItem } from '../points';
import { BackBar, NumberStepper, Skeletons } from '../parts';
import { errorMessage, newKey } from '../errors';

export function StorePage() {
  const me = useMe().data;
  const hh = homeGrant(me)?.householdId ?? undefined;
  const village = useMyVillage(me);
  const items = useStoreItems(village.data?.id, false);
  const pts = useHouseholdPoints(hh);
  const [open, setOpen] = useState<StoreItem | null>(null);
  const balance = pts.data?.balance ?? 0;
  return (
    <div className="xz-page xz-page-back">
      <BackBar title="追梦超市" fallback="/h5/points" />
      <div className="xz-card xz-pts-strip">
        <span>我家积分</span>
        <strong>{balance.toLocaleString('zh-CN')} 分</strong>
      </div>
      {items.isPending || village.isPending ? (
        <Skeletons />
      ) : items.isError ? (
        <p className="xz-card" role="alert">
          {errorMessage(items.error, '商品没有加载出来')}
        </p>
      ) : !items.data.length ? (
        <p className="xz-card xz-muted">村超市还没有上架商品。</p>
      ) : (
        <ul className="xz-shop" aria-label="商品">
          {[...items.data]
            .sort((a, b) => Number(a.stock === 0) - Number(b.stock === 0))
            .map((i) => {
              const url = itemPhotoUrl(i);
              return (
                <li key={i.id}>
                  <button
                    type="button"
                    className="xz-shop-item"
                    onClick={() => setOpen(i)}
                    disabled={i.stock === 0}
                    aria-label={`${i.name}，${i.cost}积分，${i.stock ? `还剩${i.stock}件` : '已兑完'}`}
                  >
                    <span className="xz-shop-photo">{url ? <img src={url} alt="" loading="lazy" /> : <GiftOutline aria-hidden />}</span>
                    <span className="xz-shop-name">{i.name}</span>
                    <span className="xz-shop-cost">{i.cost.toLocaleString('zh-CN')} 积分</span>
                    {i.stock ? (
                      <span className="xz-muted">还剩 {i.stock.toLocaleString('zh-CN')} 件</span>
                    ) : (
                      <span className="xz-status xz-status-closed xz-shop-out">已兑完</span>
                    )}
                  </button>
                </li>
              );
            })}
        </ul>
      )}
      {open && hh && <RedeemSheet item={open} householdId={hh} balance={balance} onClose={() => setOpen(null)} />}
    </div>
  );
}

function RedeemSheet({ item, householdId, balance, onClose }: { item: StoreItem; householdId: string; balance: number; onClose: () => void }) {
  const [qty, setQty] = useState(1);
  // One key per opening of the sheet: a double tap or a resend is one redemption.
  const [key] = useState(() => newKey('redeem'));
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const cost = item.cost * qty;
  const after = balance - cost;
  const confirm = async () => {
    setBusy(true);
    try {
      const r = await api.post<Redemption>('/api/store/redemptions', { householdId, itemId: item.id, quantity: qty, idempotencyKey: key });
      await qc.invalidateQueries({ queryKey: ['points'] });
      await qc.invalidateQueries({ queryKey: ['store'] });
      navigate(`/h5/store/r/${r.id}`, { replace: false });
    } catch (err) {
      await Dialog.alert({ 'aria-label': '兑换没有成功', content: errorMessage(err, '兑换没有成功，请稍后再试'), confirmText: '知道了' });
      // Stock or balance moved under us: show the fresh numbers rather than the sheet's old ones.
      if (err instanceof ApiError && (err.code === 'OUT_OF_STOCK' || err.code === 'INSUFFICIENT_POINTS')) {
        void qc.invalidateQueries({ queryKey: ['store'] });
        void qc.invalidateQueries({ queryKey: ['points'] });
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popup visible onMaskClick={onClose} onClose={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 16 }}>
      <div role="dialog" aria-label={`兑换${item.name}`}>
        <h2 className="xz-section-in">{item.name}</h2>
        {item.description && <p className="xz-muted">{item.description}</p>}
        <div className="xz-row" style={{ margin: '12px 0' }}>
          <span id="qty-label">兑换数量</span>
          <NumberStepper
            value={qty}
            max={Math.max(1, Math.min(item.stock, 20, Math.floor(balance / item.cost)))}
            unit="件"
            labelledBy="qty-label"
            onChange={setQty}
          />
        </div>
        <dl className="xz-dl">
          <div>
            <dt>需要</dt>
            <dd>
              <strong>{cost.toLocaleString('zh-CN')}</strong> 积分
            </dd>
          </div>
          <div>
            <dt>兑换后</dt>
            <dd>
              {after >= 0 ? (
                `还剩 ${after.toLocaleString('zh-CN')} 积分`
              ) : (
                <span className="xz-pts-minus">积分不够，还差 {(-after).toLocaleString('zh-CN')} 分</span>
              )}
            </dd>
          </div>
        </dl>
        <Button block color="primary" size="large" style={{ marginTop: 16 }} loading={busy} loadingText="正在兑换" disabled={after < 0} onClick={confirm}>
          确认兑换
        </Button>
        <Button block fill="none" style={{ marginTop: 8 }} onClick={onClose}>
          再看看
        </Button>
      </div>
    </Popup>
  );
}
