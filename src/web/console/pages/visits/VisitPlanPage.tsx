// 走访计划: the month's must-visit list (五必访 and the rules admins add), generated from residents' tags, for the
// region chosen in the tree; 待访 / 逾期 / 已访 / 全部, and 完成情况 by grid and person; the month's 走访台账 as Excel.
import { useEffect, useState } from 'react';
import { App, Badge, Button, Card, Space, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { exportVisitLedger, useVisitPlan, useVisitProgress, useVisitRules, type PlanStatus } from '../../api/visits';
import { useErrorText } from '../../api/errors';
import { useRegion } from '../../api/regions';
import { useT, type MessageKey } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PageContainer } from '../../components/PageContainer';
import { RegionTreePanel } from '../../components/RegionTree';
import { useUrlFilters } from '../../components/useUrlFilters';
import { usePlaceLabels } from '../../components/useRegionLabels';
import { useSession } from '../../layout/session';
import { useVisitLabels } from '../../lib/visitLabels';
import { MonthPicker } from './parts';
import { VisitSummary } from './VisitSummary';
import { PlanTable } from './PlanTable';
import { VisitProgressPanel } from './VisitProgressPanel';

type Tab = PlanStatus | 'all' | 'progress';
const TABS: Tab[] = ['due', 'overdue', 'done', 'all', 'progress'];
const KEYS = ['tab', 'month', 'regionId'] as const;
type UrlFilter = { [K in (typeof KEYS)[number]]?: string } & { page: number; pageSize: number };

export default function VisitPlanPage() {
  const t = useT();
  const f = useFormat();
  const label = useVisitLabels();
  const { current } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [exporting, setExporting] = useState(false);
  const rootId = current?.regionId;
  const { filter, update } = useUrlFilters<UrlFilter>(KEYS, { tab: 'due' });
  const tab = (TABS.includes(filter.tab as Tab) ? filter.tab : 'due') as Tab;
  const regionId = filter.regionId ?? rootId;
  const root = useRegion(rootId);
  const region = useRegion(filter.regionId);
  const view = filter.regionId ? region.data : root.data;
  const showTree = !root.data || root.data.hasChildren;

  useVisitRules(); // the reasons' tags: fetched alongside the plan, not after it
  // Without a month in the URL both ask for the server's current month; the progress answer says which it is.
  const progress = useVisitProgress(regionId, filter.month);
  const [serverMonth, setServerMonth] = useState<string>();
  useEffect(() => {
    if (!filter.month && progress.data && !progress.isPlaceholderData) setServerMonth(progress.data.month);
  }, [filter.month, progress.data, progress.isPlaceholderData]);
  const month = filter.month ?? progress.data?.month;
  const plan = useVisitPlan(
    { regionId, month: filter.month, status: tab === 'all' || tab === 'progress' ? undefined : tab, page: filter.page, pageSize: filter.pageSize },
    tab !== 'progress',
  );
  const place = usePlaceLabels(view, [
    ...(plan.data?.items.map((i) => i.regionId) ?? []),
    ...(tab === 'progress' ? (progress.data?.byGrid.map((g) => g.regionId) ?? []) : []),
  ]);

  // Switching jurisdiction starts over at the new root.
  const [lastRoot, setLastRoot] = useState(rootId);
  useEffect(() => {
    if (rootId !== lastRoot) {
      setLastRoot(rootId);
      update({ regionId: undefined });
    }
  }, [rootId, lastRoot, update]);

  const exportLedger = async () => {
    setExporting(true);
    try {
      await exportVisitLedger({ regionId, month }, `${view?.name ?? ''}走访台账-${month ?? ''}.xlsx`);
      message.success(t('visits.exported'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setExporting(false);
    }
  };

  const totals = progress.data?.totals;
  const count = (n: number | undefined, danger = false) =>
    n ? <Badge count={n} overflowCount={9999} color={danger ? '#cf1322' : '#1659c7'} style={{ marginInlineStart: 6 }} /> : null;
  const tabLabel = (x: Tab) => (
    <span>
      {t(`visits.tab.${x}` as MessageKey)}
      {x === 'due' && count(totals?.due)}
      {x === 'overdue' && count(totals?.overdue, true)}
    </span>
  );
  const empty = tab === 'progress' ? { title: '' } : { title: t(`visits.empty.${tab}` as MessageKey), hint: t(`visits.empty.${tab}.hint` as MessageKey) };

  return (
    <PageContainer
      title={t('visits.plan.title')}
      subTitle={t('visits.plan.sub')}
      extra={
        <Space wrap>
          <MonthPicker value={month} max={serverMonth} onChange={(m) => update({ month: m })} />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportLedger} disabled={!month}>
            {t('visits.exportLedger')}
          </Button>
        </Space>
      }
    >
      <div className="xz-split">
        {showTree && <RegionTreePanel rootId={rootId} selectedId={filter.regionId} onChange={(id) => update({ regionId: id })} />}
        <Card className="xz-split-main" variant="borderless">
          <VisitSummary q={progress} regionName={view?.name} />
          <Tabs className="xz-box-tabs" activeKey={tab} onChange={(k) => update({ tab: k })} items={TABS.map((x) => ({ key: x, label: tabLabel(x) }))} />
          {tab === 'progress' ? (
            <VisitProgressPanel q={progress} place={place} />
          ) : (
            <>
              <div className="xz-table-toolbar">
                <div className="xz-table-toolbar-title">
                  {[view?.name, month && label.month(month), t(`visits.tab.${tab}` as MessageKey)].filter(Boolean).join(' · ')}
                  <span className="xz-total">{t('visits.totalItems', { n: f.num(plan.data?.total ?? 0) })}</span>
                </div>
              </div>
              <PlanTable
                rows={plan.data?.items ?? []}
                total={plan.data?.total ?? 0}
                page={filter.page}
                pageSize={filter.pageSize}
                loading={(plan.isFetching && !plan.data) || plan.isPlaceholderData}
                place={place}
                wideGrid={view?.level === 'county' || view?.level === 'township'}
                empty={empty}
                onPage={(page, pageSize) => update({ page, pageSize })}
              />
            </>
          )}
        </Card>
      </div>
    </PageContainer>
  );
}
