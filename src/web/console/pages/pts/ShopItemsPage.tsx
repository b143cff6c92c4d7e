// 超市商品: the store's items with photo, price in points, stock and merchant; list, edit, take off sale,
// restock or correct a count (logged), upload a photo, and read an item's stock moves.
import { useState } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Modal, Space, Table, Tag, Upload, type TableColumnsType } from 'antd';
import { PictureOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { adjustStock, createItem, itemPhotoUrl, updateItem, uploadItemPhoto, useStockMoves, useStoreItems, type StoreItem } from '../../api/shop';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../api/errors';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { Ellipsis } from '../../components/Ellipsis';
import { clientKey } from '../../lib/clientKey';
import { usePointLabels } from '../../lib/pointLabels';
import { PointValue, SplitWithTree, usePageRegion } from './Points';

type ItemForm = { name: string; cost: number; stock?: number; merchant?: string; description?: string };

export default function ShopItemsPage() {
  const t = useT();
  const f = useFormat();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { filter, update, rootId, regionId, region, showTree } = usePageRegion([]);
  const items = useStoreItems(regionId, true);
  const [editing, setEditing] = useState<StoreItem | 'new' | null>(null);
  const [stocking, setStocking] = useState<StoreItem | null>(null);
  const [moves, setMoves] = useState<StoreItem | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['store'] });
  const canAdd = region?.level === 'village' || region?.level === 'township';

  const toggle = async (i: StoreItem) => {
    try { await updateItem(i.id, { active: !i.active }); await refresh(); message.success(t('pts.items.saved')); } catch (err) { message.error(errorText(err)); }
  };
  const columns: TableColumnsType<StoreItem> = [
    {
      title: t('pts.items.photo'), key: 'photo', width: 72,
      render: (_: unknown, i) => { const url = itemPhotoUrl(i); return url ? <img className="xz-item-photo" src={url} alt={i.name} /> : <span className="xz-item-photo" aria-hidden><PictureOutlined /></span>; },
    },
    { title: t('pts.items.name'), key: 'name', ellipsis: { showTitle: false }, render: (_: unknown, i) => <div className="xz-two-lines"><Ellipsis text={i.name} />{i.description && <span className="xz-muted xz-small"><Ellipsis text={i.description} /></span>}</div> },
    { title: t('pts.items.merchant'), dataIndex: 'merchant', width: 130, ellipsis: { showTitle: false }, render: (v: string | null, i) => <div className="xz-two-lines"><Ellipsis text={v ?? t('pts.items.merchant.none')} />{i.regionId !== regionId && <span className="xz-muted xz-small">{t('pts.items.from', { name: i.regionName })}</span>}</div> },
    { title: t('pts.items.cost'), dataIndex: 'cost', width: 80, align: 'right', render: (v: number) => <strong>{f.num(v)}</strong> },
    {
      title: t('pts.items.stock'), dataIndex: 'stock', width: 120,
      render: (v: number) => <Space size={6}><span>{f.num(v)}</span>{v === 0 ? <Tag color="red">{t('pts.items.soldOut')}</Tag> : v <= 5 ? <Tag color="gold">{t('pts.items.low')}</Tag> : null}</Space>,
    },
    { title: t('pts.items.status'), dataIndex: 'active', width: 72, render: (v: boolean) => (v ? <Tag color="green">{t('pts.items.on')}</Tag> : <Tag>{t('pts.items.off')}</Tag>) },
    {
      title: t('pts.awards.col.actions'), key: 'actions', width: 230,
      render: (_: unknown, i) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(i)}>{t('common.edit')}</Button>
          <Button type="link" size="small" onClick={() => setStocking(i)}>{t('pts.items.restock')}</Button>
          <Button type="link" size="small" onClick={() => setMoves(i)}>{t('pts.items.moves')}</Button>
          <Button type="link" size="small" onClick={() => toggle(i)}>{i.active ? t('pts.items.takeOff') : t('pts.items.putOn')}</Button>
        </Space>
      ),
    },
  ];
  return (
    <PageContainer title={t('pts.items.title')} subTitle={t('pts.items.sub')}
      extra={<Button type="primary" icon={<PlusOutlined />} disabled={!canAdd} onClick={() => setEditing('new')}>{t('pts.items.add')}</Button>}>
      <SplitWithTree rootId={rootId} selectedId={filter.regionId} showTree={showTree} onChange={(id) => update({ regionId: id })}>
        {!canAdd && region && <p className="xz-muted">{t('pts.items.pick')}</p>}
        <Table<StoreItem> rowKey="id" columns={columns} dataSource={items.data ?? []} size="middle" tableLayout="fixed" scroll={{ x: 860 }} loading={items.isLoading} pagination={false}
          locale={{ emptyText: items.isLoading ? ' ' : <EmptyState title={t('pts.items.empty')} hint={t('pts.items.empty.hint')} /> }} />
      </SplitWithTree>
      {editing && <ItemModal item={editing === 'new' ? null : editing} regionId={regionId!} onClose={() => setEditing(null)} onSaved={refresh} />}
      {stocking && <StockModal item={stocking} onClose={() => setStocking(null)} onSaved={refresh} />}
      <MovesDrawer item={moves} onClose={() => setMoves(null)} />
    </PageContainer>
  );
}

function ItemModal({ item, regionId, onClose, onSaved }: { item: StoreItem | null; regionId: string; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemForm>();
  const [photo, setPhoto] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const body = { name: v.name, cost: v.cost, merchant: v.merchant?.trim() || null, description: v.description?.trim() || null };
      const saved = item ? await updateItem(item.id, body) : await createItem({ ...body, regionId, stock: v.stock ?? 0 });
      if (photo) await uploadItemPhoto(saved.id, photo);
      message.success(t('pts.items.saved'));
      await onSaved();
      onClose();
    } catch (err) { message.error(errorText(err)); } finally { setSaving(false); }
  };
  return (
    <Modal open title={t(item ? 'pts.items.edit' : 'pts.items.add')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={save} onCancel={onClose} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={item ? { name: item.name, cost: item.cost, merchant: item.merchant ?? undefined, description: item.description ?? undefined } : { stock: 10 }}>
        <Form.Item name="name" label={t('pts.items.name')} rules={[{ required: true, whitespace: true, message: t('pts.items.name.required') }]}><Input maxLength={40} /></Form.Item>
        <Space size={16}>
          <Form.Item name="cost" label={t('pts.items.cost')} rules={[{ required: true, message: t('pts.items.cost.required') }]}><InputNumber min={1} max={100000} precision={0} style={{ width: 140 }} /></Form.Item>
          {!item && <Form.Item name="stock" label={t('pts.items.stock.initial')}><InputNumber min={0} max={1000000} precision={0} style={{ width: 140 }} /></Form.Item>}
        </Space>
        <Form.Item name="merchant" label={t('pts.items.merchant')}><Input maxLength={40} placeholder={t('pts.items.merchant.placeholder')} /></Form.Item>
        <Form.Item name="description" label={t('pts.items.description')}><Input.TextArea rows={2} maxLength={300} /></Form.Item>
        <Form.Item label={t('pts.items.photo')}>
          <Upload accept="image/*" maxCount={1} beforeUpload={(file) => { setPhoto(file); return false; }} onRemove={() => setPhoto(null)}>
            <Button icon={<PictureOutlined />}>{t('pts.propose.photo.add')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StockModal({ item, onClose, onSaved }: { item: StoreItem; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ delta: number; note?: string }>();
  const [key] = useState(clientKey);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try { await adjustStock(item.id, { delta: v.delta, note: v.note?.trim() || undefined, idempotencyKey: key }); message.success(t('pts.items.saved')); await onSaved(); onClose(); } catch (err) { message.error(errorText(err)); } finally { setSaving(false); }
  };
  return (
    <Modal open title={`${t('pts.items.restock')} · ${item.name}`} okText={t('common.save')} cancelText={t('common.cancel')} onOk={save} onCancel={onClose} confirmLoading={saving} destroyOnHidden>
      <p className="xz-muted">{t('pts.items.stock')}：{item.stock}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="delta" label={t('pts.items.restock.delta')} extra={t('pts.items.restock.delta.help')} rules={[{ required: true, message: t('pts.items.restock.delta') }, { validator: (_, v) => (v === 0 ? Promise.reject(new Error(t('pts.items.restock.delta.help'))) : Promise.resolve()) }]}>
          <InputNumber min={-100000} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="note" label={t('pts.items.restock.note')}><Input maxLength={100} /></Form.Item>
      </Form>
    </Modal>
  );
}

function MovesDrawer({ item, onClose }: { item: StoreItem | null; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const label = usePointLabels();
  const moves = useStockMoves(item?.id);
  return (
    <Drawer open={!!item} onClose={onClose} size={520} title={item ? `${t('pts.items.moves')} · ${item.name}` : ''}>
      <Table rowKey="id" size="small" pagination={false} loading={moves.isLoading} dataSource={moves.data ?? []}
        columns={[
          { title: t('pts.ledger.col.at'), dataIndex: 'at', width: 120, render: (v: string) => f.dateTimeShort(v) },
          { title: t('pts.ledger.col.source'), dataIndex: 'reason', width: 90, render: (v: string) => label.move(v) },
          { title: t('pts.items.restock.delta'), dataIndex: 'delta', width: 70, align: 'right', render: (v: number) => <PointValue value={v} /> },
          { title: t('pts.ledger.col.by'), dataIndex: 'byName', width: 80, render: (v: string | null) => v ?? '—' },
          { title: t('pts.items.restock.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ]} />
    </Drawer>
  );
}
