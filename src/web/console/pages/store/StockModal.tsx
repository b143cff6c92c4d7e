// 入库 / 盘点: add what arrived, or enter the count on the shelf and let the difference be logged.
// One idempotency key per opened dialog, so a double click or a retried save moves the stock once.
import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Segmented } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { adjustStock, storeKeys, type StoreItem } from '../../api/store';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useSubmit } from '../../components/useSubmit';
import { clientKey } from '../../lib/clientKey';

type Mode = 'restock' | 'count';
type Values = { quantity?: number; counted?: number; note?: string };

export function StockModal({ item, onClose }: { item: StoreItem | null; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>('restock');
  const [key, setKey] = useState(clientKey);
  const counted = Form.useWatch('counted', form);

  useEffect(() => {
    if (!item) return;
    setMode('restock');
    setKey(clientKey());
    form.resetFields();
  }, [item, form]);

  const stock = item?.stock ?? 0;
  const diff = typeof counted === 'number' ? counted - stock : null;

  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    if (!item) return;
    const delta = mode === 'restock' ? (v.quantity ?? 0) : (v.counted ?? stock) - stock;
    if (delta === 0) {
      message.info(t('store.stock.same'));
      onClose();
      return;
    }
    const note = v.note?.trim() || (mode === 'count' ? t('store.stock.countNote') : undefined);
    const saved = await adjustStock(item.id, { delta, note, idempotencyKey: key });
    await qc.invalidateQueries({ queryKey: storeKeys.all });
    message.success(t(delta > 0 ? 'store.stock.added' : 'store.stock.removed', { n: f.num(Math.abs(delta)), name: saved.name, stock: f.num(saved.stock) }));
    onClose();
  });

  const switchMode = (m: Mode) => {
    setMode(m);
    // A new intent: a new key, so it is not taken for a retry of the other.
    setKey(clientKey());
    form.resetFields();
  };

  return (
    <Modal
      open={!!item}
      title={t('store.stock.title', { name: item?.name ?? '' })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={480}
    >
      {alert}
      <Segmented<Mode>
        block
        value={mode}
        onChange={switchMode}
        options={[
          { value: 'restock', label: t('store.stock.mode.restock') },
          { value: 'count', label: t('store.stock.mode.count') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <p className="xz-muted" style={{ marginTop: 0 }}>
        {t('store.stock.current', { n: f.num(stock) })}
      </p>
      <Form form={form} layout="vertical" onValuesChange={onValuesChange}>
        {mode === 'restock' ? (
          <Form.Item name="quantity" label={t('store.stock.quantity')} rules={[{ required: true, message: t('store.stock.quantity.required') }]}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} suffix={t('store.unit.pieces')} autoFocus />
          </Form.Item>
        ) : (
          <Form.Item
            name="counted"
            label={t('store.stock.counted')}
            rules={[{ required: true, message: t('store.stock.counted.required') }]}
            extra={
              diff === null
                ? t('store.stock.counted.extra')
                : diff === 0
                  ? t('store.stock.diff.none')
                  : t(diff > 0 ? 'store.stock.diff.more' : 'store.stock.diff.less', { n: f.num(Math.abs(diff)) })
            }
          >
            <InputNumber min={0} max={1000000} precision={0} style={{ width: '100%' }} suffix={t('store.unit.pieces')} autoFocus />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('store.stock.note')} rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder={t(mode === 'restock' ? 'store.stock.note.restock' : 'store.stock.note.count')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
