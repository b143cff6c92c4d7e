// 上架新商品 / 编辑商品: name, points, (first) stock, merchant, description, and a photo uploaded once the item exists.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Upload } from 'antd';
import { DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { createItem, itemPhotoUrl, storeKeys, updateItem, uploadItemPhoto, type StoreItem } from '../../api/store';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useSubmit } from '../../components/useSubmit';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

type Values = { name: string; cost: number; stock?: number; merchant?: string; description?: string };

/** `item` edits it; `store` (a village or township) receives a new one. */
export function ItemFormModal({
  open,
  item,
  store,
  onClose,
}: {
  open: boolean;
  item: StoreItem | null;
  store: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [photo, setPhoto] = useState<File | null>(null);
  const preview = useMemo(() => (photo ? URL.createObjectURL(photo) : null), [photo]);
  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );

  useEffect(() => {
    if (!open) return;
    setPhoto(null);
    form.resetFields();
    if (item) form.setFieldsValue({ name: item.name, cost: item.cost, merchant: item.merchant ?? '', description: item.description ?? '' });
  }, [open, item, form]);

  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    const body = { name: v.name.trim(), cost: v.cost, merchant: v.merchant?.trim() || null, description: v.description?.trim() || null };
    const saved = item ? await updateItem(item.id, body) : await createItem({ ...body, regionId: store!.id, stock: v.stock ?? 0 });
    let photoFailed: string | null = null;
    if (photo) {
      try {
        await uploadItemPhoto(saved.id, photo);
      } catch (err) {
        photoFailed = errorText(err);
      }
    }
    await qc.invalidateQueries({ queryKey: storeKeys.all });
    // The item is saved either way; a refused photo can be tried again from 编辑.
    if (photoFailed) message.warning(t('store.item.photoFailed', { name: saved.name, reason: photoFailed }), 6);
    else message.success(t(item ? 'store.item.saved' : 'store.item.created', { name: saved.name }));
    onClose();
  });

  const pick = (file: File) => {
    if (!PHOTO_TYPES.includes(file.type)) message.error(t('store.photo.badType'));
    else if (file.size > MAX_PHOTO_BYTES) message.error(t('store.photo.tooBig'));
    else setPhoto(file);
    return Upload.LIST_IGNORE;
  };
  const current = preview ?? (item ? itemPhotoUrl(item) : null);

  return (
    <Modal
      open={open}
      title={item ? t('store.item.editTitle', { name: item.name }) : t('store.item.createTitle', { store: store?.name ?? '' })}
      okText={item ? t('common.save') : t('store.item.createOk')}
      cancelText={t('common.cancel')}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {alert}
      <Form form={form} layout="vertical" onValuesChange={onValuesChange} requiredMark>
        <Form.Item
          name="name"
          label={t('store.item.name')}
          rules={[
            { required: true, whitespace: true, message: t('store.item.name.required') },
            { max: 40, message: t('store.item.name.max') },
          ]}
        >
          <Input placeholder={t('store.item.name.placeholder')} maxLength={40} showCount />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="cost" label={t('store.item.cost')} style={{ flex: 1 }} rules={[{ required: true, message: t('store.item.cost.required') }]}>
            <InputNumber
              min={1}
              max={100000}
              precision={0}
              style={{ width: '100%' }}
              suffix={t('store.unit.points')}
              placeholder={t('store.item.cost.placeholder')}
            />
          </Form.Item>
          {!item && (
            <Form.Item
              name="stock"
              label={t('store.item.stock')}
              style={{ flex: 1 }}
              initialValue={0}
              rules={[{ required: true, message: t('store.item.stock.required') }]}
              extra={t('store.item.stock.extra')}
            >
              <InputNumber min={0} max={1000000} precision={0} style={{ width: '100%' }} suffix={t('store.unit.pieces')} />
            </Form.Item>
          )}
        </div>
        <Form.Item
          name="merchant"
          label={t('store.item.merchant')}
          extra={t('store.item.merchant.extra')}
          rules={[{ max: 40, message: t('store.item.merchant.max') }]}
        >
          <Input placeholder={t('store.merchant.collective')} maxLength={40} />
        </Form.Item>
        <Form.Item name="description" label={t('store.item.description')} rules={[{ max: 300 }]}>
          <Input.TextArea rows={2} maxLength={300} showCount placeholder={t('store.item.description.placeholder')} />
        </Form.Item>
        <Form.Item label={t('store.item.photo')} extra={t('store.item.photo.extra')}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
            {current ? (
              <img src={current} alt={t('store.item.photo')} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} />
            ) : (
              <span className="xz-store-thumb xz-store-thumb-none" style={{ width: 72, height: 72 }} aria-hidden>
                <PictureOutlined />
              </span>
            )}
            <Upload accept={PHOTO_TYPES.join(',')} showUploadList={false} beforeUpload={pick}>
              <Button>{current ? t('store.item.photo.change') : t('store.item.photo.choose')}</Button>
            </Upload>
            {photo && <Button type="text" icon={<DeleteOutlined />} onClick={() => setPhoto(null)} aria-label={t('store.item.photo.drop')} />}
          </div>
        </Form.Item>
      </Form>
    </Modal>
  );
}
