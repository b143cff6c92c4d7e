// 兑换核销: the counter clerk types the villager's pick-up code, sees what it is for and hands it over (核销);
// 柜台代兑 redeems for a villager without a phone; below, what was handed over today.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Result, Row, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { fulfilCode, formatCode, lookupCode, redeemAtCounter, useRedemptions, useStoreItems, type Redemption } from '../../api/shop';
import { useHouseholdPoints } from '../../api/pointsCore';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../api/errors';
import { clientKey } from '../../lib/clientKey';
import { REDEMPTION_COLOR, usePointLabels } from '../../lib/pointLabels';
import { useSession } from '../../layout/session';

const CODE = /^[1-9]\d{7}$/;

function RedemptionFacts({ r }: { r: Redemption }) {
  const t = useT();
  const f = useFormat();
  const label = usePointLabels();
  return (
    <Descriptions column={2} size="small" bordered style={{ marginTop: 16 }}>
      <Descriptions.Item label={t('pts.counter.household')}>{r.householdName || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('pts.counter.status')}><Tag color={REDEMPTION_COLOR[r.status]}>{label.redemption(r.status)}</Tag></Descriptions.Item>
      <Descriptions.Item label={t('pts.counter.item')}>{r.itemName} {t('pts.counter.qty', { n: r.quantity })}</Descriptions.Item>
      <Descriptions.Item label={t('pts.counter.cost')}>{t('pts.points', { n: f.num(r.totalCost) })}</Descriptions.Item>
      <Descriptions.Item label={t('pts.counter.at')}>{f.dateTime(r.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('pts.counter.by')}>{r.requestedByName ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

export default function CounterDesk() {
  const t = useT();
  const f = useFormat();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { current } = useSession();
  const regionId = current?.regionId;
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Redemption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [justDone, setJustDone] = useState(false);
  const recent = useRedemptions({ regionId, status: 'fulfilled', page: 1, pageSize: 10 });

  const lookup = async () => {
    const c = code.replace(/[\s-]/g, '');
    setFound(null);
    setJustDone(false);
    if (!CODE.test(c)) { setError(t('pts.counter.code.invalid')); return; }
    setBusy(true);
    setError(null);
    try { setFound(await lookupCode(c)); } catch (err) { setError(errorText(err)); } finally { setBusy(false); }
  };
  const fulfil = async (c: string) => {
    setBusy(true);
    try {
      const r = await fulfilCode(c);
      setFound(r);
      setJustDone(true);
      message.success(t('pts.counter.fulfilled'));
      await qc.invalidateQueries({ queryKey: ['store'] });
    } catch (err) { setError(errorText(err)); } finally { setBusy(false); }
  };

  const columns: TableColumnsType<Redemption> = [
    { title: t('pts.counter.fulfilledAt'), dataIndex: 'fulfilledAt', width: 110, render: (v: string) => f.dateTimeShort(v) },
    { title: t('pts.redemptions.col.household'), dataIndex: 'householdName', width: 110 },
    { title: t('pts.redemptions.col.item'), key: 'item', render: (_: unknown, r) => `${r.itemName} ${t('pts.counter.qty', { n: r.quantity })}` },
    { title: t('pts.redemptions.col.points'), dataIndex: 'totalCost', width: 80, align: 'right', render: (v: number) => f.num(v) },
    { title: t('pts.redemptions.col.handled'), dataIndex: 'fulfilledByName', width: 90 },
  ];

  return (
    <PageContainer title={t('pts.counter.title')} subTitle={t('pts.counter.sub')}>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title={t('pts.counter.code')} style={{ marginBottom: 16 }}>
            <Input.Search className="xz-counter-input" size="large" value={code} onChange={(e) => { setCode(e.target.value); setError(null); }} onSearch={lookup}
              placeholder={t('pts.counter.code.placeholder')} enterButton={t('pts.counter.lookup')} maxLength={12} inputMode="numeric" aria-label={t('pts.counter.code')} loading={busy && !found} />
            {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} role="alert" />}
            {found && (
              <>
                {found.status === 'fulfilled' && (justDone
                  ? <Result status="success" title={t('pts.counter.fulfilled')} style={{ padding: '16px 0 0' }} />
                  : <Alert type="warning" showIcon title={t('pts.counter.alreadyFulfilled', { at: f.dateTime(found.fulfilledAt) })} style={{ marginTop: 16 }} />)}
                {found.status === 'cancelled' && <Alert type="warning" showIcon title={t('pts.counter.cancelled')} style={{ marginTop: 16 }} />}
                <RedemptionFacts r={found} />
                {found.status === 'reserved' && (
                  <Button type="primary" size="large" block style={{ marginTop: 16, height: 52, fontSize: 18 }} loading={busy} onClick={() => fulfil(found.code)}>{t('pts.counter.fulfil')}</Button>
                )}
              </>
            )}
          </Card>
          <Card variant="borderless" title={t('pts.counter.today')}>
            <Table<Redemption> rowKey="id" size="small" columns={columns} dataSource={recent.data?.items ?? []} pagination={false} loading={recent.isLoading}
              locale={{ emptyText: recent.isLoading ? ' ' : <EmptyState title={t('pts.counter.todayEmpty')} /> }} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <ProxyRedeem regionId={regionId} onFulfil={fulfil} />
        </Col>
      </Row>
    </PageContainer>
  );
}

/** 柜台代兑: a household and an item of its village, then the code — and the hand-over at once if the villager is here. */
function ProxyRedeem({ regionId, onFulfil }: { regionId?: string; onFulfil: (code: string) => Promise<void> }) {
  const t = useT();
  const f = useFormat();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ householdId: string; itemId: string; quantity: number }>();
  const householdId = Form.useWatch('householdId', form);
  const itemId = Form.useWatch('itemId', form);
  const quantity = Form.useWatch('quantity', form) ?? 1;
  const pts = useHouseholdPoints(householdId);
  const items = useStoreItems(regionId);
  const [key, setKey] = useState(clientKey);
  const [done, setDone] = useState<Redemption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const item = items.data?.find((i) => i.id === itemId);

  const submit = async (v: { householdId: string; itemId: string; quantity: number }) => {
    setSaving(true);
    setError(null);
    try {
      const r = await redeemAtCounter({ ...v, idempotencyKey: key });
      setDone(r);
      setKey(clientKey());
      await qc.invalidateQueries({ queryKey: ['store'] });
      await qc.invalidateQueries({ queryKey: ['points'] });
    } catch (err) { setError(errorText(err)); } finally { setSaving(false); }
  };

  return (
    <Card variant="borderless" title={t('pts.counter.proxy')}>
      <p className="xz-muted" style={{ marginTop: 0 }}>{t('pts.counter.proxy.sub')}</p>
      {done ? (
        <Result status="success" title={t('pts.counter.proxy.done', { code: formatCode(done.code) })} subTitle={`${done.householdName} · ${done.itemName} ${t('pts.counter.qty', { n: done.quantity })} · ${t('pts.points', { n: f.num(done.totalCost) })}`}
          extra={[
            <Button key="f" type="primary" onClick={async () => { await onFulfil(done.code); setDone(null); form.resetFields(); }}>{t('pts.counter.proxy.fulfilNow')}</Button>,
            <Button key="n" onClick={() => { setDone(null); form.resetFields(); }}>{t('common.close')}</Button>,
          ]} />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ quantity: 1 }} onValuesChange={() => setError(null)}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
          <Form.Item name="householdId" label={t('pts.counter.proxy.household')} rules={[{ required: true, message: t('pts.propose.household.required') }]}
            extra={pts.data && t('pts.counter.proxy.balance', { n: f.num(pts.data.balance) })}>
            <HouseholdPicker regionId={regionId} aria-label={t('pts.counter.proxy.household')} />
          </Form.Item>
          <Form.Item name="itemId" label={t('pts.counter.proxy.item')} rules={[{ required: true, message: t('pts.counter.proxy.item') }]}>
            <Select aria-label={t('pts.counter.proxy.item')} options={(items.data ?? []).map((i) => ({ value: i.id, disabled: i.stock === 0, label: `${i.name}（${f.num(i.cost)}${t('pts.unit')}，${t('pts.items.stock')} ${f.num(i.stock)}）` }))} />
          </Form.Item>
          <Form.Item name="quantity" label={t('pts.counter.proxy.quantity')} extra={item && t('pts.points', { n: f.num(item.cost * quantity) })}>
            <InputNumber min={1} max={20} precision={0} aria-label={t('pts.counter.proxy.quantity')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block>{t('pts.counter.proxy.submit')}</Button>
        </Form>
      )}
    </Card>
  );
}
