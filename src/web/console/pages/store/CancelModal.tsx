// 取消兑换: says plainly what happens (the points go back to the household, the goods back to stock, the code
// stops working) and asks why, which the household's record keeps.
import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { cancelRedemption, storeKeys, type Redemption } from '../../api/store';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useSubmit } from '../../components/useSubmit';
import { RedemptionFacts } from './RedemptionFacts';
import { usePoints } from './parts';

export function CancelModal({ r, onClose }: { r: Redemption | null; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const points = usePoints();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (r) form.resetFields();
  }, [r, form]);

  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    if (!r) return;
    await cancelRedemption(r.id, v.reason.trim());
    await qc.invalidateQueries({ queryKey: storeKeys.all });
    message.success(t('store.cancel.done', { points: points(r.totalCost), name: r.householdName || '—' }));
    onClose();
  });

  return (
    <Modal
      open={!!r}
      title={t('store.cancel.title')}
      okText={t('store.cancel.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('store.cancel.keep')}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      {alert}
      {r && (
        <>
          <div className="xz-store-cancel-facts">
            <RedemptionFacts r={r} showCode />
          </div>
          <p>{t('store.cancel.effect', { points: points(r.totalCost), name: r.householdName || '—', n: f.num(r.quantity), item: r.itemName })}</p>
        </>
      )}
      <Form form={form} layout="vertical" onValuesChange={onValuesChange}>
        <Form.Item
          name="reason"
          label={t('store.cancel.reason')}
          rules={[{ required: true, whitespace: true, message: t('store.cancel.reason.required') }, { max: 200 }]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('store.cancel.reason.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
