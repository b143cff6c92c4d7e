// 积分审核: the award queue of a region by status, the detail drawer with evidence and timeline, approve / reject,
// batch approval, and 申报积分 for cadres and grid workers.
import { useState } from 'react';
import { App, Button, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { AWARD_STATUSES, decideAward, useAwardCounts, useAwards, type Award, type AwardStatus } from '../../api/pointsCore';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../api/errors';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { Ellipsis } from '../../components/Ellipsis';
import { listPagination } from '../../components/pagination';
import { usePointLabels } from '../../lib/pointLabels';
import { useSession } from '../../layout/session';
import { hasAbility } from '../../lib/access';
import { PointValue, SplitWithTree, usePageRegion } from './Points';
import { AwardDrawer } from './AwardDrawer';
import { ProposeModal } from './ProposeModal';

export default function AwardsPage() {
  const t = useT();
  const f = useFormat();
  const label = usePointLabels();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { me } = useSession();
  const { filter, update, rootId, regionId, region, showTree } = usePageRegion(['status', 'award']);
  const status = (filter.status as AwardStatus | undefined) ?? 'pending';
  const list = useAwards({ regionId, status, page: filter.page, pageSize: filter.pageSize });
  const counts = useAwardCounts(regionId);
  const [selected, setSelected] = useState<string[]>([]);
  const [proposing, setProposing] = useState(false);
  const canDecide = hasAbility(me, 'award.approve');
  const canPropose = hasAbility(me, 'award.propose');
  const refresh = () => qc.invalidateQueries({ queryKey: ['points'] });

  const approveMany = async () => {
    let ok = 0;
    const failed: string[] = [];
    for (const id of selected) {
      try {
        await decideAward(id, 'approve');
        ok++;
      } catch (err) {
        const a = list.data?.items.find((x) => x.id === id);
        failed.push(`${a?.householdName ?? ''} ${a?.ruleName ?? ''}：${errorText(err)}`);
      }
    }
    setSelected([]);
    await refresh();
    if (failed.length)
      modal.warning({
        title: t('pts.awards.batchResult', { ok, failed: failed.length }),
        content: (
          <ul style={{ paddingInlineStart: 18 }}>
            {failed.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        ),
      });
    else message.success(t('pts.awards.batchResult', { ok, failed: 0 }));
  };

  const columns: TableColumnsType<Award> = [
    {
      title: t('pts.awards.col.at'),
      dataIndex: 'proposedAt',
      width: 112,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{f.dateTimeShort(v)}</span>,
    },
    {
      title: t('pts.awards.col.household'),
      key: 'household',
      width: 180,
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => (
        <div className="xz-two-lines">
          <Ellipsis text={r.householdName || '—'} />
          <span className="xz-muted xz-small">
            <Ellipsis text={`${r.placeName}${r.residentName ? ` · ${r.residentName}` : ''}`} />
          </span>
        </div>
      ),
    },
    {
      title: t('pts.awards.col.rule'),
      key: 'rule',
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => (
        <div className="xz-two-lines">
          <Ellipsis text={r.ruleName} />
          <span className="xz-muted xz-small">
            <Ellipsis text={`${r.category}${r.note ? ` · ${r.note}` : ''}`} />
          </span>
        </div>
      ),
    },
    { title: t('pts.awards.col.value'), dataIndex: 'value', width: 72, align: 'right', render: (v: number) => <PointValue value={v} strong /> },
    {
      title: t('pts.awards.col.proposer'),
      key: 'proposer',
      width: 112,
      render: (_: unknown, r) => (
        <div className="xz-two-lines">
          <span>{r.proposerName}</span>
          <span className="xz-muted xz-small">{label.proposer(r.proposerRole)}</span>
        </div>
      ),
    },
    {
      title: t('pts.awards.col.evidence'),
      dataIndex: 'evidenceCount',
      width: 72,
      render: (n: number, r) =>
        n ? (
          t('pts.awards.photos', { n })
        ) : r.proposerRole === 'villager' && r.status === 'pending' ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {t('pts.awards.noPhoto')}
          </Tag>
        ) : (
          <span className="xz-muted">{t('pts.awards.noPhoto')}</span>
        ),
    },
    ...(status === 'publicized'
      ? [{ title: t('pts.awards.col.until'), dataIndex: 'publicUntil', width: 112, render: (v: string | null) => f.dateTimeShort(v) }]
      : []),
    ...(status === 'rejected'
      ? [
          {
            title: t('pts.awards.facts.reason'),
            dataIndex: 'reason',
            width: 160,
            ellipsis: { showTitle: false },
            render: (v: string | null) => <Ellipsis text={v ?? '—'} />,
          },
        ]
      : []),
    {
      title: t('pts.awards.col.actions'),
      key: 'actions',
      width: 72,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => update({ award: r.id, page: filter.page })}
          aria-label={`${t('common.view')} ${r.householdName} ${r.ruleName}`}
        >
          {t('common.view')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('pts.awards.title')}
      subTitle={t('pts.awards.sub')}
      extra={
        canPropose && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)}>
            {t('pts.awards.propose')}
          </Button>
        )
      }
    >
      <SplitWithTree rootId={rootId} selectedId={filter.regionId} showTree={showTree} onChange={(id) => update({ regionId: id })}>
        <div className="xz-table-toolbar">
          <Segmented<AwardStatus>
            value={status}
            onChange={(v) => {
              setSelected([]);
              update({ status: v === 'pending' ? undefined : v });
            }}
            options={AWARD_STATUSES.map((s) => ({ value: s, label: `${label.status(s)}${counts.data ? ` ${f.num(counts.data[s])}` : ''}` }))}
          />
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <span className="xz-muted">{region?.name}</span>
            {canDecide && status === 'pending' && (
              <Button disabled={!selected.length} onClick={approveMany}>
                {t('pts.awards.batchApprove', { n: selected.length })}
              </Button>
            )}
          </div>
        </div>
        <Table<Award>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          size="middle"
          tableLayout="fixed"
          scroll={{ x: 860 }}
          loading={(list.isFetching && !list.data) || list.isPlaceholderData}
          rowSelection={canDecide && status === 'pending' ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
          onRow={(r) => ({ onDoubleClick: () => update({ award: r.id, page: filter.page }) })}
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : status === 'pending' ? (
              <EmptyState title={t('pts.awards.empty.pending')} hint={canPropose ? t('pts.awards.empty.hint') : undefined} />
            ) : (
              <EmptyState title={t('pts.awards.empty.other')} />
            ),
          }}
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
      <AwardDrawer id={filter.award} canDecide={canDecide} onClose={() => update({ award: undefined, page: filter.page })} onChanged={refresh} />
      <ProposeModal
        open={proposing}
        regionId={regionId}
        onClose={() => setProposing(false)}
        onDone={async (a) => {
          setProposing(false);
          await refresh();
          update({ status: a.status === 'pending' ? undefined : a.status });
        }}
      />
    </PageContainer>
  );
}
