// 排行与评选: households ranked by points earned in a month, quarter or year (never cadres); 评选 such as
// 十星级文明户 recorded with their points; and the village's year-end settlement.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import {
  designate,
  DESIGNATION_TITLES,
  settleYear,
  useDesignations,
  useRanking,
  useSettings,
  useSettlements,
  type Designation,
  type RankingRow,
  type Settlement,
} from '../../api/pointsCore';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { Ellipsis } from '../../components/Ellipsis';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../api/errors';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { listPagination } from '../../components/pagination';
import { useSession } from '../../layout/session';
import { hasAbility } from '../../lib/access';
import { SplitWithTree, usePageRegion } from './Points';

type Period = 'month' | 'quarter' | 'year';
const MEDAL = ['', '#d4b106', '#8c8c8c', '#ad6800'];

export default function RankPage() {
  const t = useT();
  const { me } = useSession();
  const { filter, update, rootId, regionId, region, showTree } = usePageRegion(['tab', 'period', 'date', 'year']);
  const tab = filter.tab ?? 'ranking';
  const manage = hasAbility(me, 'points.manage');
  return (
    <PageContainer title={t('pts.rank.title')} subTitle={t('pts.rank.sub')}>
      <SplitWithTree rootId={rootId} selectedId={filter.regionId} showTree={showTree} onChange={(id) => update({ regionId: id })}>
        <div className="xz-table-toolbar">
          <Segmented
            value={tab}
            onChange={(v) => update({ tab: v === 'ranking' ? undefined : String(v) })}
            options={[
              { value: 'ranking', label: t('pts.rank.ranking') },
              { value: 'designations', label: t('pts.rank.designations') },
              { value: 'settlement', label: t('pts.rank.settlement') },
            ]}
          />
          <span className="xz-muted">{region?.name}</span>
        </div>
        {tab === 'ranking' && (
          <RankingTab
            regionId={regionId}
            period={(filter.period as Period) ?? 'year'}
            date={filter.date}
            page={filter.page}
            pageSize={filter.pageSize}
            update={update}
          />
        )}
        {tab === 'designations' && (
          <DesignationTab regionId={regionId} year={Number(filter.year ?? dayjs().year())} manage={manage} onYear={(y) => update({ year: String(y) })} />
        )}
        {tab === 'settlement' && <SettlementTab regionId={regionId} isVillage={region?.level === 'village'} manage={manage} />}
      </SplitWithTree>
    </PageContainer>
  );
}

function RankingTab({
  regionId,
  period,
  date,
  page,
  pageSize,
  update,
}: {
  regionId?: string;
  period: Period;
  date?: string;
  page: number;
  pageSize: number;
  update: (p: Record<string, string | number | undefined>) => void;
}) {
  const t = useT();
  const f = useFormat();
  const ranking = useRanking({ regionId, period, date, page, pageSize });
  const columns: TableColumnsType<RankingRow> = [
    {
      title: t('pts.rank.col.rank'),
      dataIndex: 'rank',
      width: 90,
      render: (n: number) =>
        n <= 3 ? (
          <Space size={4}>
            <TrophyOutlined style={{ color: MEDAL[n] }} aria-hidden />
            <strong>{t('pts.rank.rankText', { n })}</strong>
          </Space>
        ) : (
          t('pts.rank.rankText', { n })
        ),
    },
    { title: t('pts.rank.col.household'), dataIndex: 'householdName', width: 140 },
    { title: t('pts.rank.col.grid'), dataIndex: 'placeName', ellipsis: { showTitle: false }, render: (v: string) => <Ellipsis text={v} /> },
    {
      title: t('pts.rank.col.points'),
      dataIndex: 'points',
      width: 120,
      align: 'right',
      render: (v: number) => <strong className="xz-pts-plus">{f.num(v)}</strong>,
    },
    { title: t('pts.rank.col.balance'), dataIndex: 'balance', width: 120, align: 'right', render: (v: number | null) => (v == null ? '—' : f.num(v)) },
  ];
  const picker = period === 'year' ? 'year' : period === 'quarter' ? 'quarter' : 'month';
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Period>
          value={period}
          onChange={(v) => update({ period: v, date: undefined })}
          options={[
            { value: 'month', label: t('pts.rank.month') },
            { value: 'quarter', label: t('pts.rank.quarter') },
            { value: 'year', label: t('pts.rank.year') },
          ]}
        />
        <DatePicker
          picker={picker}
          value={date ? dayjs(date) : dayjs()}
          allowClear={false}
          onChange={(d) => d && update({ date: d.format('YYYY-MM-DD') })}
          aria-label={t('pts.ledger.range')}
        />
        {ranking.data && (
          <span className="xz-muted">
            {t('pts.rank.period', { from: f.date(ranking.data.from), to: f.date(ranking.data.to) })} · {t('pts.rank.note')}
          </span>
        )}
      </Space>
      <Table<RankingRow>
        rowKey="householdId"
        columns={columns}
        dataSource={ranking.data?.items ?? []}
        size="middle"
        tableLayout="fixed"
        loading={(ranking.isFetching && !ranking.data) || ranking.isPlaceholderData}
        locale={{ emptyText: ranking.isPending ? ' ' : <EmptyState title={t('pts.rank.empty')} /> }}
        pagination={listPagination({
          page,
          pageSize,
          total: ranking.data?.total ?? 0,
          jumper: false,
          totalText: (n) => t('pts.awards.total', { n: f.num(n) }),
          onChange: (p, s) => update({ page: p, pageSize: s }),
        })}
      />
    </>
  );
}

function DesignationTab({ regionId, year, manage, onYear }: { regionId?: string; year: number; manage: boolean; onYear: (y: number) => void }) {
  const t = useT();
  const f = useFormat();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useDesignations(regionId, year);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ householdId: string; title: string; points: number; note?: string }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await designate({ ...v, year });
      message.success(t('pts.des.saved'));
      setAdding(false);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['points'] });
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const columns: TableColumnsType<Designation> = [
    { title: t('pts.des.col.title'), dataIndex: 'title', width: 140, render: (v: string) => <Tag color="red">{v}</Tag> },
    { title: t('pts.rank.col.household'), dataIndex: 'householdName', width: 120 },
    { title: t('pts.rank.col.grid'), dataIndex: 'placeName', width: 180, ellipsis: { showTitle: false }, render: (v: string) => <Ellipsis text={v} /> },
    { title: t('pts.des.points'), dataIndex: 'points', width: 90, align: 'right', render: (v: number) => <span className="xz-pts-plus">+{f.num(v)}</span> },
    { title: t('pts.des.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    { title: t('pts.ledger.col.at'), dataIndex: 'awardedAt', width: 120, render: (v: string) => f.date(v) },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <DatePicker picker="year" value={dayjs(`${year}-01-01`)} allowClear={false} onChange={(d) => d && onYear(d.year())} aria-label={t('pts.des.year')} />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('pts.des.add')}
          </Button>
        )}
      </Space>
      <Table<Designation>
        rowKey="id"
        columns={columns}
        dataSource={list.data ?? []}
        size="middle"
        pagination={false}
        loading={list.isLoading}
        locale={{ emptyText: list.isLoading ? ' ' : <EmptyState title={t('pts.des.empty')} /> }}
      />
      <Modal
        open={adding}
        title={`${t('pts.des.add')} · ${year}`}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={save}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ title: '十星级文明户', points: 20 }}
          onValuesChange={(c) => {
            if (c.title && DESIGNATION_TITLES[c.title] != null) form.setFieldsValue({ points: DESIGNATION_TITLES[c.title] });
          }}
        >
          <Form.Item name="householdId" label={t('pts.des.household')} rules={[{ required: true, message: t('pts.propose.household.required') }]}>
            <HouseholdPicker regionId={regionId} aria-label={t('pts.des.household')} />
          </Form.Item>
          <Form.Item name="title" label={t('pts.des.title')} rules={[{ required: true, message: t('pts.des.title') }]}>
            <Select options={Object.keys(DESIGNATION_TITLES).map((x) => ({ value: x, label: x }))} aria-label={t('pts.des.title')} />
          </Form.Item>
          <Form.Item name="points" label={t('pts.des.points')}>
            <InputNumber min={0} max={500} precision={0} />
          </Form.Item>
          <Form.Item name="note" label={t('pts.des.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function SettlementTab({ regionId, isVillage, manage }: { regionId?: string; isVillage: boolean; manage: boolean }) {
  const t = useT();
  const f = useFormat();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const list = useSettlements(regionId);
  const settings = useSettings(regionId);
  const year = dayjs().year() - 1;
  const mode = settings.data?.settlementMode ?? 'carry';
  const run = () =>
    modal.confirm({
      title: t('pts.settle.run', { year }),
      content: t(mode === 'reset' ? 'pts.settle.confirm.reset' : 'pts.settle.confirm.carry', { year }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await settleYear(regionId!, year);
          message.success(t('pts.settle.done', { year }));
          await qc.invalidateQueries({ queryKey: ['points'] });
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });
  const columns: TableColumnsType<Settlement> = [
    { title: t('pts.settle.col.year'), dataIndex: 'year', width: 80 },
    { title: t('pts.rank.col.grid'), dataIndex: 'regionName', width: 120 },
    { title: t('pts.settle.col.mode'), dataIndex: 'mode', width: 120, render: (v: string) => t(v === 'reset' ? 'pts.settings.reset' : 'pts.settings.carry') },
    { title: t('pts.settle.col.households'), dataIndex: 'households', width: 120, align: 'right', render: (v: number) => f.num(v) },
    { title: t('pts.settle.col.total'), dataIndex: 'total', width: 120, align: 'right', render: (v: number) => f.num(v) },
    { title: t('pts.settle.col.at'), dataIndex: 'doneAt', render: (v: string) => f.dateTime(v) },
  ];
  return (
    <Card size="small" variant="borderless">
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('pts.settle.mode', { mode: t(mode === 'reset' ? 'pts.settings.reset' : 'pts.settings.carry') })}</span>
        {isVillage ? (
          manage && (
            <Button type="primary" onClick={run}>
              {t('pts.settle.run', { year })}
            </Button>
          )
        ) : (
          <span className="xz-muted">{t('pts.settle.pickVillage')}</span>
        )}
      </Space>
      <Table<Settlement>
        rowKey="id"
        columns={columns}
        dataSource={list.data ?? []}
        size="middle"
        pagination={false}
        loading={list.isLoading}
        locale={{ emptyText: list.isLoading ? ' ' : <EmptyState title={t('pts.settle.empty')} /> }}
      />
    </Card>
  );
}
