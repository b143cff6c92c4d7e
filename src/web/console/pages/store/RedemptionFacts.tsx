// One redemption as the counter reads it out: 户主, 商品 × 数量, 积分, 兑换时间, 状态 (and who fulfilled or cancelled it).
import type { Redemption } from '../../api/store';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { RedemptionStatusTag, usePoints } from './parts';

export function RedemptionFacts({ r, showCode = false }: { r: Redemption; showCode?: boolean }) {
  const t = useT();
  const f = useFormat();
  const points = usePoints();
  return (
    <dl className="xz-counter-facts">
      <dt>{t('store.col.household')}</dt>
      <dd>
        {r.householdName || '—'}
        {r.placeName && <span className="xz-muted">（{r.placeName}）</span>}
      </dd>
      <dt>{t('store.col.item')}</dt>
      <dd className="xz-counter-item">{t('store.itemTimes', { name: r.itemName, n: f.num(r.quantity) })}</dd>
      <dt>{t('store.col.points')}</dt>
      <dd>
        {points(r.totalCost)}
        {r.quantity > 1 && <span className="xz-muted">{t('store.unitCost', { each: points(r.unitCost) })}</span>}
      </dd>
      <dt>{t('store.col.createdAt')}</dt>
      <dd>
        {f.dateTime(r.createdAt)}
        {r.requestedByName && <span className="xz-muted">{t('store.by', { name: r.requestedByName })}</span>}
      </dd>
      {showCode && (
        <>
          <dt>{t('store.col.code')}</dt>
          <dd className="xz-code">
            {r.code.slice(0, 4)} {r.code.slice(4)}
          </dd>
        </>
      )}
      <dt>{t('store.col.status')}</dt>
      <dd>
        <RedemptionStatusTag status={r.status} />
        {r.status === 'fulfilled' && (
          <span className="xz-muted" style={{ marginInlineStart: 8 }}>
            {t('store.fulfilledWhen', { at: f.dateTime(r.fulfilledAt), name: r.fulfilledByName ?? '—' })}
          </span>
        )}
        {r.status === 'cancelled' && (
          <span className="xz-muted" style={{ marginInlineStart: 8 }}>
            {t('store.cancelledWhen', { at: f.dateTime(r.cancelledAt), name: r.cancelledByName ?? '—' })}
          </span>
        )}
      </dd>
      {r.status === 'cancelled' && r.cancelReason && (
        <>
          <dt>{t('store.cancel.reason')}</dt>
          <dd>{r.cancelReason}</dd>
        </>
      )}
    </dl>
  );
}
