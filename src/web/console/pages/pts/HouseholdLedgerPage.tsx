// 户积分台账: households with their balance and this year's points (a drawer with every entry, pending awards and
// 积分更正), the area's entries by date and source, and the 台账 export.
import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Segmented,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import {
  correctPoints,
  downloadLedger,
  ENTRY_SOURCES,
  useHouseholdPoints,
  useLedgerEntries,
  usePointHouseholds,
  type HouseholdRow,
  type LedgerEntry,
} from '../../api/pointsCore';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../api/errors';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { Ellipsis } from '../../components/Ellipsis';
import { listPagination } from '../../components/pagination';
import { clientKey } from '../../lib/clientKey';
import { hasAbility } from '../../lib/access';
import { useSession } from '../../layout/session';
import { AWARD_COLOR, usePointLabels } from '../../lib/pointLabels';
import { PointValue, SplitWithTree, usePageRegion } from './Points';

export default function HouseholdLedgerPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { filter, update, rootId, regionId, showTree } = usePageRegion(['tab', 'q', 'from', 'to', 'source', 'household']);
  const tab = filter.tab === 'entries' ? 'entries' : 'households';
  const monthStart = dayjs().startOf('month').format('YYYY-MM-DD');
  const from = filter.from ?? monthStart;
  const to = filter.to ?? dayjs().format('YYYY-MM-DD');
  return (
    <PageContainer
      title={t('pts.ledger.title')}
      subTitle={t('pts.ledger.sub')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          disabled={!regionId}
          onClick={() => downloadLedger(regionId!, from, to).catch((err) => message.error(errorText(err)))}
        >
          {t('pts.ledger.export')}
        </Button>
      }
    >
      <SplitWithTree rootId={rootId} selectedId={filter.regionId} showTree={showTree} onChange={(id) => update({ regionId: id })}>
        <div className="xz-table-toolbar">
          <Segmented
            value={tab}
            onChange={(v) => update({ tab: v === 'entries' ? 'entries' : undefined })}
            options={[
              { value: 'households', label: t('pts.ledger.households') },
              { value: 'entries', label: t('pts.ledger.entries') },
            ]}
          />
          {tab === 'households' ? (
            <Input.Search
              allowClear
              placeholder={t('pts.ledger.search')}
              defaultValue={filter.q}
              onSearch={(q) => update({ q })}
              style={{ width: 260 }}
              aria-label={t('pts.ledger.search')}
            />
          ) : (
            <Space wrap>
              <DatePicker.RangePicker
                value={[dayjs(from), dayjs(to)]}
                allowClear={false}
                onChange={(v) => v && update({ from: v[0]!.format('YYYY-MM-DD'), to: v[1]!.format('YYYY-MM-DD') })}
                aria-label={t('pts.ledger.range')}
              />
              <Select
                allowClear
                placeholder={t('pts.ledger.source')}
                style={{ width: 140 }}
                value={filter.source}
                onChange={(v) => update({ source: v })}
                options={ENTRY_SOURCES.map((s) => ({ value: s, label: t(`pts.source.${s}`) }))}
                aria-label={t('pts.ledger.source')}
              />
            </Space>
          )}
        </div>
        {tab === 'households' ? (
          <HouseholdTable
            regionId={regionId}
            q={filter.q}
            page={filter.page}
            pageSize={filter.pageSize}
            onPage={(page, pageSize) => update({ page, pageSize })}
            onOpen={(id) => update({ household: id, page: filter.page })}
          />
        ) : (
          <EntryTable
            regionId={regionId}
            from={from}
            to={to}
            source={filter.source}
            page={filter.page}
            pageSize={filter.pageSize}
            onPage={(page, pageSize) => update({ page, pageSize })}
          />
        )}
      </SplitWithTree>
      <HouseholdDrawer id={filter.household} onClose={() => update({ household: undefined, page: filter.page })} />
    </PageContainer>
  );
}

function HouseholdTable({
  regionId,
  q,
  page,
  pageSize,
  onPage,
  onOpen,
}: {
  regionId?: string;
  q?: string;
  page: number;
  pageSize: number;
  onPage: (p: number, s: number) => void;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const f = useFormat();
  const list = usePointHouseholds({ regionId, q, page, pageSize });
  const columns: TableColumnsType<HouseholdRow> = [
    { title: t('pts.ledger.col.household'), dataIndex: 'householdName', width: 110, render: (v: string) => v || '—' },
    {
      title: t('pts.ledger.col.place'),
      key: 'place',
      width: 170,
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => <Ellipsis text={`${r.villageName} / ${r.gridName}`} />,
    },
    { title: t('pts.ledger.col.address'), dataIndex: 'address', ellipsis: { showTitle: false }, render: (v: string) => <Ellipsis text={v} /> },
    { title: t('pts.ledger.col.balance'), dataIndex: 'balance', width: 100, align: 'right', render: (v: number) => <strong>{f.num(v)}</strong> },
    { title: t('pts.ledger.col.earned'), dataIndex: 'earnedThisYear', width: 100, align: 'right', render: (v: number) => f.num(v) },
    { title: t('pts.ledger.col.spent'), dataIndex: 'spentThisYear', width: 100, align: 'right', render: (v: number) => f.num(v) },
    {
      title: t('pts.awards.col.actions'),
      key: 'a',
      width: 72,
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => onOpen(r.householdId)} aria-label={`${t('common.view')} ${r.householdName}`}>
          {t('common.view')}
        </Button>
      ),
    },
  ];
  return (
    <Table<HouseholdRow>
      rowKey="householdId"
      columns={columns}
      dataSource={list.data?.items ?? []}
      size="middle"
      tableLayout="fixed"
      scroll={{ x: 820 }}
      loading={(list.isFetching && !list.data) || list.isPlaceholderData}
      onRow={(r) => ({ onDoubleClick: () => onOpen(r.householdId) })}
      locale={{ emptyText: list.isPending ? ' ' : <EmptyState title={t('pts.ledger.empty')} /> }}
      pagination={listPagination({
        page,
        pageSize,
        total: list.data?.total ?? 0,
        jumper: true,
        totalText: (n) => t('pts.awards.total', { n: f.num(n) }),
        onChange: onPage,
      })}
    />
  );
}

function EntryTable({
  regionId,
  from,
  to,
  source,
  page,
  pageSize,
  onPage,
}: {
  regionId?: string;
  from: string;
  to: string;
  source?: string;
  page: number;
  pageSize: number;
  onPage: (p: number, s: number) => void;
}) {
  const t = useT();
  const f = useFormat();
  const label = usePointLabels();
  const list = useLedgerEntries({ regionId, from, to, source, page, pageSize });
  const columns: TableColumnsType<LedgerEntry> = [
    { title: t('pts.ledger.col.at'), dataIndex: 'at', width: 116, render: (v: string) => f.dateTimeShort(v) },
    { title: t('pts.ledger.col.household'), dataIndex: 'householdName', width: 100 },
    { title: t('pts.ledger.col.source'), dataIndex: 'source', width: 100, render: (v: string) => label.source(v) },
    {
      title: t('pts.ledger.col.rule'),
      key: 'rule',
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => <Ellipsis text={[r.ruleName, r.note].filter(Boolean).join(' · ') || '—'} />,
    },
    { title: t('pts.ledger.col.member'), dataIndex: 'residentName', width: 80, render: (v: string | null) => v ?? '—' },
    { title: t('pts.ledger.col.delta'), dataIndex: 'delta', width: 80, align: 'right', render: (v: number) => <PointValue value={v} strong /> },
    { title: t('pts.ledger.col.by'), dataIndex: 'createdByName', width: 90, render: (v: string | null) => v ?? t('pts.system') },
  ];
  return (
    <Table<LedgerEntry>
      rowKey="id"
      columns={columns}
      dataSource={list.data?.items ?? []}
      size="middle"
      tableLayout="fixed"
      scroll={{ x: 820 }}
      loading={(list.isFetching && !list.data) || list.isPlaceholderData}
      locale={{ emptyText: list.isPending ? ' ' : <EmptyState title={t('pts.ledger.empty')} /> }}
      pagination={listPagination({
        page,
        pageSize,
        total: list.data?.total ?? 0,
        jumper: true,
        totalText: (n) => t('pts.awards.total', { n: f.num(n) }),
        onChange: onPage,
      })}
    />
  );
}

function HouseholdDrawer({ id, onClose }: { id?: string; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const label = usePointLabels();
  const { me } = useSession();
  const pts = useHouseholdPoints(id);
  const [correcting, setCorrecting] = useState(false);
  const p = pts.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={600}
      title={p ? `${p.householdName} · ${t('pts.ledger.title')}` : t('pts.ledger.title')}
      extra={hasAbility(me, 'points.manage') && p && <Button onClick={() => setCorrecting(true)}>{t('pts.ledger.correct')}</Button>}
    >
      {!p ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('pts.ledger.balance')}>
              <span className="xz-pts-big">{f.num(p.balance)}</span>&nbsp;{t('pts.unit')}
            </Descriptions.Item>
          </Descriptions>
          {p.pending.length > 0 && (
            <>
              <h3 className="xz-section-title">{t('pts.ledger.pending')}</h3>
              <List
                size="small"
                dataSource={p.pending}
                renderItem={(a) => (
                  <List.Item extra={<PointValue value={a.value} strong />}>
                    <Space>
                      <Tag color={AWARD_COLOR[a.status]}>{label.status(a.status)}</Tag>
                      {a.ruleName}
                      {a.publicUntil && <span className="xz-muted">{f.date(a.publicUntil)}</span>}
                    </Space>
                  </List.Item>
                )}
              />
            </>
          )}
          <h3 className="xz-section-title" style={{ marginTop: 16 }}>
            {t('pts.ledger.history')}
          </h3>
          <Table
            rowKey="id"
            size="small"
            dataSource={p.entries}
            pagination={p.entries.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <EmptyState title={t('pts.ledger.empty')} /> }}
            columns={[
              { title: t('pts.ledger.col.at'), dataIndex: 'at', width: 100, render: (v: string) => f.dateShort(v) },
              { title: t('pts.ledger.col.source'), dataIndex: 'source', width: 90, render: (v: string) => label.source(v) },
              {
                title: t('pts.ledger.col.rule'),
                key: 'r',
                ellipsis: { showTitle: false },
                render: (_: unknown, e) => <Ellipsis text={[e.ruleName, e.residentName, e.note].filter(Boolean).join(' · ') || '—'} />,
              },
              { title: t('pts.ledger.col.delta'), dataIndex: 'delta', width: 70, align: 'right', render: (v: number) => <PointValue value={v} strong /> },
            ]}
          />
        </>
      )}
      {correcting && id && <CorrectionModal householdId={id} onClose={() => setCorrecting(false)} />}
    </Drawer>
  );
}

function CorrectionModal({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  const [key] = useState(clientKey);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await correctPoints({ householdId, delta: v.delta, reason: v.reason.trim(), idempotencyKey: key });
      message.success(t('pts.ledger.corrected'));
      await qc.invalidateQueries({ queryKey: ['points'] });
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
      title={t('pts.ledger.correct')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="delta"
          label={t('pts.ledger.correct.delta')}
          extra={t('pts.ledger.correct.delta.help')}
          rules={[
            { required: true, message: t('pts.ledger.correct.delta') },
            { validator: (_, v) => (v === 0 ? Promise.reject(new Error(t('pts.ledger.correct.delta.help'))) : Promise.resolve()) },
          ]}
        >
          <InputNumber min={-10000} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pts.ledger.correct.reason')}
          rules={[{ required: true, whitespace: true, message: t('pts.ledger.correct.reason.required') }]}
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
