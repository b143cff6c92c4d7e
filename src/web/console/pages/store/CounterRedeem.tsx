// 柜台代兑: a villager without a phone at the counter. Pick the household, see its points, pick an item of its
// village and how many; the redemption gets a pick-up code, which can be fulfilled at once.
// One idempotency key per intended redemption, so a double click or a retry after a lost answer redeems once.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, InputNumber, Select } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { householdKeys, type HouseholdDetail } from '../../api/households';
import { MAX_QUANTITY, formatCode, fulfilCode, redeemAtCounter, storeKeys, useHouseholdBalance, useStoreItems, type Redemption } from '../../api/store';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { useSubmit } from '../../components/useSubmit';
import { clientKey } from '../../lib/clientKey';
import { usePoints } from './parts';

type Values = { householdId?: string; itemId?: string; quantity: number };

export function CounterRedeem({ regionId }: { regionId: string | undefined }) {
  const t = useT();
  const f = useFormat();
  const points = usePoints();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(clientKey);
  const [made, setMade] = useState<Redemption | null>(null);
  const [fulfilled, setFulfilled] = useState(false);
  const [fulfilError, setFulfilError] = useState<string | null>(null);
  const [fulfilling, setFulfilling] = useState(false);

  const householdId = Form.useWatch('householdId', form);
  const itemId = Form.useWatch('itemId', form);
  const quantity = Form.useWatch('quantity', form) ?? 1;
  const household = useQuery({
    queryKey: householdKeys.one(householdId ?? ''),
    queryFn: () => api.get<HouseholdDetail>(`/api/households/${encodeURIComponent(householdId!)}`),
    enabled: !!householdId,
    retry: false,
  });
  const balance = useHouseholdBalance(householdId);
  // Only what this household's village store (and the township's) offers, on sale.
  const items = useStoreItems(household.data?.regionId, false);
  const item = items.data?.find((it) => it.id === itemId);
  const total = item ? item.cost * quantity : 0;
  const left = balance.data ? balance.data.balance - total : null;
  const maxQty = Math.max(1, Math.min(MAX_QUANTITY, item?.stock ?? MAX_QUANTITY));

  // A different household or item is a different redemption: a new key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is renewed whenever what is redeemed changes
  useEffect(() => {
    setKey(clientKey());
  }, [householdId, itemId, quantity]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another household starts with no item chosen
  useEffect(() => {
    form.setFieldValue('itemId', undefined);
  }, [householdId, form]);

  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    const r = await redeemAtCounter({ householdId: v.householdId!, itemId: v.itemId!, quantity: v.quantity, idempotencyKey: key });
    setMade(r);
    setFulfilled(false);
    setFulfilError(null);
    await qc.invalidateQueries({ queryKey: storeKeys.all });
  });

  const fulfilNow = async () => {
    if (!made) return;
    setFulfilling(true);
    setFulfilError(null);
    try {
      await fulfilCode(made.code);
      setFulfilled(true);
      await qc.invalidateQueries({ queryKey: storeKeys.all });
    } catch (err) {
      setFulfilError(errorText(err));
    } finally {
      setFulfilling(false);
    }
  };

  const again = () => {
    setMade(null);
    setFulfilled(false);
    form.resetFields();
    setKey(clientKey());
  };

  if (made) {
    return (
      <Card title={t('store.counter.proxyTitle')} variant="borderless">
        <div className="xz-counter-done" aria-live="polite">
          <CheckCircleFilled className="xz-counter-done-icon" aria-hidden />
          <div className="xz-counter-done-title">{t(fulfilled ? 'store.counter.done' : 'store.proxy.made')}</div>
          <p className="xz-counter-item">{t('store.itemTimes', { name: made.itemName, n: f.num(made.quantity) })}</p>
          <p className="xz-muted">{t('store.proxy.madeFor', { name: made.householdName || '—', points: points(made.totalCost) })}</p>
          {!fulfilled && (
            <>
              <div className="xz-muted">{t('store.proxy.code')}</div>
              <div className="xz-counter-bigcode">{formatCode(made.code)}</div>
              <p className="xz-muted">{t('store.proxy.codeHint')}</p>
            </>
          )}
          {fulfilError && <Alert type="error" showIcon title={fulfilError} role="alert" style={{ marginBottom: 12, textAlign: 'start' }} />}
          <div style={{ display: 'flex', gap: 12, justifyContent: 'center' }}>
            {!fulfilled && (
              <Button type="primary" size="large" loading={fulfilling} onClick={fulfilNow}>
                {t('store.proxy.fulfilNow')}
              </Button>
            )}
            <Button size="large" onClick={again}>
              {t('store.proxy.again')}
            </Button>
          </div>
        </div>
      </Card>
    );
  }

  return (
    <Card title={t('store.counter.proxyTitle')} variant="borderless">
      <p className="xz-muted" style={{ marginTop: 0 }}>
        {t('store.proxy.intro')}
      </p>
      {alert}
      <Form form={form} layout="vertical" onValuesChange={onValuesChange} initialValues={{ quantity: 1 }} requiredMark={false}>
        <Form.Item name="householdId" label={t('store.proxy.household')} rules={[{ required: true, message: t('store.proxy.household.required') }]}>
          <HouseholdPicker regionId={regionId} style={{ width: '100%' }} />
        </Form.Item>
        {householdId && (
          <div className="xz-counter-balance">
            <span>{t('store.proxy.balance')}</span>
            {balance.isPending ? (
              <span className="xz-muted">{t('common.loading')}</span>
            ) : balance.data ? (
              <strong>{f.num(balance.data.balance)}</strong>
            ) : (
              <span className="xz-danger-text">{errorText(balance.error)}</span>
            )}
            {balance.data && <span>{t('store.unit.points')}</span>}
          </div>
        )}
        <Form.Item name="itemId" label={t('store.proxy.item')} rules={[{ required: true, message: t('store.proxy.item.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'title' }}
            disabled={!household.data}
            placeholder={t(household.data ? 'store.proxy.item.placeholder' : 'store.proxy.item.first')}
            loading={items.isFetching}
            notFoundContent={t('store.proxy.item.none')}
            options={(items.data ?? []).map((it) => ({
              value: it.id,
              title: it.name,
              disabled: it.stock === 0,
              label: (
                <span style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{it.name}</span>
                  <span className="xz-muted" style={{ flex: 'none' }}>
                    {points(it.cost)} · {it.stock === 0 ? t('store.stock.out') : t('store.proxy.stockLeft', { n: f.num(it.stock) })}
                  </span>
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="quantity" label={t('store.proxy.quantity')} rules={[{ required: true, message: t('store.proxy.quantity.required') }]}>
          <InputNumber min={1} max={maxQty} precision={0} suffix={t('store.unit.pieces')} style={{ width: 160 }} />
        </Form.Item>
        {item && (
          <div className="xz-counter-sum">
            {t('store.proxy.total')} <strong>{points(total)}</strong>
            {left !== null &&
              (left >= 0 ? (
                <span className="xz-muted">{t('store.proxy.left', { points: points(left) })}</span>
              ) : (
                <span className="xz-danger-text">{t('store.proxy.short', { points: points(-left) })}</span>
              ))}
          </div>
        )}
        <Button type="primary" size="large" block loading={saving} onClick={submit}>
          {t('store.proxy.submit')}
        </Button>
      </Form>
    </Card>
  );
}
