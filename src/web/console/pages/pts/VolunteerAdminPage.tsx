// 志愿服务 (道德银行): the village's activities; post one; a drawer with its signups where the organizer marks who came
// (hours × rate credited once), signs someone up for a villager without a phone, and closes the activity.
import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { HouseholdDetail } from '../../api/households';
import {
  closeActivity,
  confirmAttendance,
  createActivity,
  signUpResident,
  useActivities,
  useActivity,
  type Activity,
  type ActivityDetail,
} from '../../api/pointsCore';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../api/errors';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { Ellipsis } from '../../components/Ellipsis';
import { listPagination } from '../../components/pagination';
import { useSession } from '../../layout/session';
import { hasAbility } from '../../lib/access';
import { SplitWithTree, usePageRegion } from './Points';

export default function VolunteerAdminPage() {
  const t = useT();
  const f = useFormat();
  const { me } = useSession();
  const qc = useQueryClient();
  const { filter, update, rootId, regionId, region, showTree } = usePageRegion(['activity']);
  const list = useActivities({ regionId, page: filter.page, pageSize: filter.pageSize });
  const [adding, setAdding] = useState(false);
  const manage = hasAbility(me, 'volunteer.manage') && (region?.level === 'village' || region?.level === 'township');
  const columns: TableColumnsType<Activity> = [
    { title: t('pts.vol.col.time'), dataIndex: 'startsAt', width: 120, render: (v: string) => f.dateTimeShort(v) },
    {
      title: t('pts.vol.col.title'),
      key: 'title',
      ellipsis: { showTitle: false },
      render: (_: unknown, a) => (
        <div className="xz-two-lines">
          <Ellipsis text={a.title} />
          <span className="xz-muted xz-small">
            <Ellipsis text={[a.place, a.organizerName].filter(Boolean).join(' · ')} />
          </span>
        </div>
      ),
    },
    {
      title: t('pts.vol.col.points'),
      key: 'points',
      width: 180,
      render: (_: unknown, a) => t('pts.vol.pointsRule', { hours: a.hours, rate: a.rate, points: a.points }),
    },
    {
      title: t('pts.vol.col.signed'),
      key: 'signed',
      width: 110,
      render: (_: unknown, a) => `${a.signedUp}${a.capacity ? `/${a.capacity}` : ''} · ${a.attended}`,
    },
    {
      title: t('pts.items.status'),
      dataIndex: 'status',
      width: 80,
      render: (v: string) => (v === 'open' ? <Tag color="blue">{t('pts.vol.open')}</Tag> : <Tag>{t('pts.vol.closed')}</Tag>),
    },
    {
      title: t('pts.awards.col.actions'),
      key: 'a',
      width: 72,
      render: (_: unknown, a) => (
        <Button type="link" size="small" onClick={() => update({ activity: a.id, page: filter.page })}>
          {t('common.view')}
        </Button>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('pts.vol.title')}
      subTitle={t('pts.vol.sub')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('pts.vol.add')}
          </Button>
        )
      }
    >
      <SplitWithTree rootId={rootId} selectedId={filter.regionId} showTree={showTree} onChange={(id) => update({ regionId: id })}>
        <Table<Activity>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          size="middle"
          tableLayout="fixed"
          scroll={{ x: 820 }}
          loading={(list.isFetching && !list.data) || list.isPlaceholderData}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyState title={t('pts.vol.empty')} hint={manage ? t('pts.vol.empty.hint') : undefined} /> }}
          pagination={listPagination({
            page: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            jumper: false,
            totalText: (n) => t('pts.awards.total', { n: f.num(n) }),
            onChange: (page, pageSize) => update({ page, pageSize }),
          })}
        />
      </SplitWithTree>
      {adding && regionId && (
        <ActivityModal regionId={regionId} onClose={() => setAdding(false)} onSaved={() => qc.invalidateQueries({ queryKey: ['points'] })} />
      )}
      <ActivityDrawer id={filter.activity} regionId={regionId} onClose={() => update({ activity: undefined, page: filter.page })} />
    </PageContainer>
  );
}

function ActivityModal({ regionId, onClose, onSaved }: { regionId: string; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; place?: string; startsAt: Dayjs; hours: number; capacity?: number; description?: string }>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await createActivity({
        regionId,
        title: v.title,
        place: v.place,
        description: v.description,
        startsAt: v.startsAt.format('YYYY-MM-DDTHH:mm:00+08:00'),
        hours: v.hours,
        capacity: v.capacity ?? null,
      });
      message.success(t('pts.vol.saved'));
      await onSaved();
      onClose();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('pts.vol.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ hours: 2, startsAt: dayjs().add(1, 'day').hour(8).minute(0) }}>
        <Form.Item name="title" label={t('pts.vol.name')} rules={[{ required: true, whitespace: true, message: t('pts.vol.name') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="startsAt" label={t('pts.vol.startsAt')} rules={[{ required: true, message: t('pts.vol.startsAt') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="hours" label={t('pts.vol.hours')} rules={[{ required: true, message: t('pts.vol.hours') }]}>
            <InputNumber min={0.5} max={24} step={0.5} />
          </Form.Item>
          <Form.Item name="capacity" label={t('pts.vol.capacity')}>
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('pts.vol.place')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('pts.vol.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ActivityDrawer({ id, regionId, onClose }: { id?: string; regionId?: string; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const activity = useActivity(id);
  const a = activity.data;
  const [householdId, setHouseholdId] = useState<string>();
  const [residentId, setResidentId] = useState<string>();
  const household = useQuery({
    queryKey: ['households', 'one', householdId ?? ''],
    queryFn: () => api.get<HouseholdDetail>(`/api/households/${encodeURIComponent(householdId!)}`),
    enabled: !!householdId,
  });
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: ['points'] });
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const columns: TableColumnsType<ActivityDetail['signups'][number]> = [
    { title: t('pts.vol.proxy.member'), dataIndex: 'residentName', width: 90 },
    { title: t('pts.ledger.col.household'), dataIndex: 'householdName', width: 90 },
    {
      title: t('pts.items.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: string, r) =>
        s === 'attended' ? (
          <Tag color="green">
            {t('pts.vol.attended')} {t('pts.vol.credited', { n: r.points ?? 0 })}
          </Tag>
        ) : s === 'absent' ? (
          <Tag>{t('pts.vol.absent')}</Tag>
        ) : (
          <Tag color="blue">{t('pts.vol.signed')}</Tag>
        ),
    },
    {
      title: t('pts.awards.col.actions'),
      key: 'a',
      render: (_: unknown, r) =>
        a?.canManage &&
        a.status === 'open' &&
        r.status !== 'attended' && (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => run(() => confirmAttendance(a.id, { signupId: r.id, attended: true }))}>
              {t('pts.vol.markAttended')}
            </Button>
            {r.status === 'signed' && (
              <Button type="link" size="small" onClick={() => run(() => confirmAttendance(a.id, { signupId: r.id, attended: false }))}>
                {t('pts.vol.markAbsent')}
              </Button>
            )}
          </Space>
        ),
    },
  ];
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={640}
      title={a?.title ?? t('pts.vol.title')}
      extra={
        a?.canManage &&
        a.status === 'open' && (
          <Button
            onClick={() =>
              modal.confirm({
                title: t('pts.vol.close'),
                content: t('pts.vol.closeConfirm'),
                okText: t('common.confirm'),
                cancelText: t('common.cancel'),
                onOk: () => run(() => closeActivity(a.id)),
              })
            }
          >
            {t('pts.vol.close')}
          </Button>
        )
      }
    >
      {a && (
        <>
          <p>
            {f.dateTime(a.startsAt)}
            {a.place ? ` · ${a.place}` : ''} · {t('pts.vol.pointsRule', { hours: a.hours, rate: a.rate, points: a.points })}
          </p>
          {a.description && <p className="xz-muted">{a.description}</p>}
          {a.canManage && a.status === 'open' && (
            <Space wrap style={{ marginBottom: 12 }}>
              <HouseholdPicker
                regionId={regionId}
                value={householdId}
                onChange={(v) => {
                  setHouseholdId(v);
                  setResidentId(undefined);
                }}
                style={{ width: 240 }}
                aria-label={t('pts.vol.proxy.household')}
              />
              <Select
                style={{ width: 140 }}
                value={residentId}
                onChange={setResidentId}
                disabled={!household.data}
                placeholder={t('pts.vol.proxy.member')}
                aria-label={t('pts.vol.proxy.member')}
                options={(household.data?.residents ?? []).map((r) => ({ value: r.id, label: r.name }))}
              />
              <Button
                disabled={!residentId}
                onClick={() =>
                  run(async () => {
                    await signUpResident(a.id, residentId!);
                    setResidentId(undefined);
                  })
                }
              >
                {t('pts.vol.proxy')}
              </Button>
            </Space>
          )}
          <h3 className="xz-section-title">{t('pts.vol.signups')}</h3>
          <Table
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={a.signups}
            pagination={false}
            locale={{ emptyText: <EmptyState title={t('pts.vol.noSignups')} /> }}
          />
        </>
      )}
    </Drawer>
  );
}
