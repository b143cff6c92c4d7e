import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Badge, Button, Card, Space, Tabs } from 'antd';
import { DownloadOutlined, FormOutlined } from '@ant-design/icons';
import { exportDisputeLedger, useCaseCount, useCases, type CaseBox, type CaseFilter } from '../../api/cases';
import { useErrorText } from '../../api/errors';
import { useRegion } from '../../api/regions';
import { useT, type MessageKey } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PageContainer } from '../../components/PageContainer';
import { RegionTreePanel } from '../../components/RegionTree';
import { useUrlFilters } from '../../components/useUrlFilters';
import { useSession } from '../../layout/session';
import { CaseFilterBar } from './CaseFilterBar';
import { CaseTable } from './CaseTable';
import { CaseStatsStrip } from './CaseStatsStrip';

/** 'attention' (差评与回头看) is the level above's watch list: low ratings and reopened cases. */
type Box = CaseBox | 'attention' | 'all';
const BOXES: Box[] = ['todo', 'done', 'overdue', 'copied', 'mine', 'attention', 'all'];
/** The URL's filter: dates as YYYY-MM-DD, the box as a word ('all' = no box). */
const KEYS = ['box', 'status', 'type', 'category', 'card', 'regionId', 'q', 'from', 'to'] as const;
type UrlFilter = { [K in (typeof KEYS)[number]]?: string } & { page: number; pageSize: number };

export default function CaseListPage() {
  const t = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const { current, can } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [exporting, setExporting] = useState(false);
  const rootId = current?.regionId;
  const { filter, update } = useUrlFilters<UrlFilter>(KEYS, { box: 'todo' });
  const boxes = BOXES.filter((b) => b !== 'attention' || can('case.supervise'));
  const box = (boxes.includes(filter.box as Box) ? filter.box : 'todo') as Box;
  // from/to go as the URL holds them, plain days: the server reads them as Shanghai days, both inclusive
  // (the browser's own time zone must not move them).
  const query: CaseFilter = {
    ...filter,
    box: box === 'all' || box === 'attention' ? undefined : box,
    attention: box === 'attention' ? 'true' : undefined,
  } as CaseFilter;
  const list = useCases(query);
  const todo = useCaseCount('todo');
  const overdue = useCaseCount('overdue');
  const root = useRegion(rootId);
  const region = useRegion(filter.regionId);
  const showTree = !root.data || root.data.hasChildren;

  // Switching jurisdiction starts over at the new root.
  const [lastRoot, setLastRoot] = useState(rootId);
  useEffect(() => {
    if (rootId !== lastRoot) {
      setLastRoot(rootId);
      update({ regionId: undefined });
    }
  }, [rootId, lastRoot, update]);

  const filtered = !!(filter.q || filter.status || filter.type || filter.category || filter.card || filter.from || filter.to || filter.regionId);
  const reportButton = (
    <Button type="primary" icon={<FormOutlined />} onClick={() => navigate('/cases/report')}>
      {t('cases.report')}
    </Button>
  );
  const empty = filtered
    ? { title: t('cases.empty.filtered'), hint: t('cases.empty.filteredHint') }
    : {
        title: t(`cases.empty.${box}` as MessageKey),
        hint: t(`cases.empty.${box}.hint` as MessageKey),
        action: box === 'mine' || box === 'all' ? reportButton : undefined,
      };
  const exportLedger = async () => {
    setExporting(true);
    try {
      await exportDisputeLedger(
        { regionId: filter.regionId, from: query.from, to: query.to },
        `${region.data?.name ?? root.data?.name ?? ''}矛盾纠纷台账.xlsx`,
      );
      message.success(t('case.exported'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setExporting(false);
    }
  };
  const count = (n: number | undefined, danger = false) =>
    n ? <Badge count={n} overflowCount={999} color={danger ? '#cf1322' : '#1659c7'} style={{ marginInlineStart: 6 }} /> : null;

  return (
    <PageContainer
      title={t('cases.title')}
      extra={
        <Space wrap>
          {reportButton}
          {can('case.manage') && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportLedger}>
              {t('cases.exportLedger')}
            </Button>
          )}
        </Space>
      }
    >
      <div className="xz-split">
        {showTree && <RegionTreePanel rootId={rootId} selectedId={filter.regionId} onChange={(regionId) => update({ regionId })} />}
        <Card className="xz-split-main" variant="borderless">
          <CaseStatsStrip regionId={filter.regionId} regionName={(filter.regionId ? region.data : root.data)?.name} />
          <Tabs
            className="xz-box-tabs"
            activeKey={box}
            onChange={(k) => update({ box: k })}
            items={boxes.map((b) => ({
              key: b,
              label: (
                <span>
                  {t(`cases.box.${b}` as MessageKey)}
                  {b === 'todo' && count(todo.data)}
                  {b === 'overdue' && count(overdue.data, true)}
                </span>
              ),
            }))}
          />
          <CaseFilterBar
            values={filter}
            onSearch={(v) => update({ q: v.q, status: v.status, type: v.type, category: v.category, card: v.card, from: v.from, to: v.to })}
          />
          <div className="xz-table-toolbar">
            <div className="xz-table-toolbar-title">
              {filter.regionId ? region.data?.name : t(`cases.box.${box}` as MessageKey)}
              <span className="xz-total">{t('cases.total', { n: f.num(list.data?.total ?? 0) })}</span>
            </div>
          </div>
          <CaseTable
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={filter.page}
            pageSize={filter.pageSize}
            loading={(list.isFetching && !list.data) || list.isPlaceholderData}
            placeWithin={(filter.regionId ? region.data : root.data)?.level === 'village' ? (filter.regionId ? region.data : root.data)?.name : undefined}
            empty={empty}
            showRating={box === 'done' || box === 'mine' || box === 'attention' || box === 'all'}
            onPage={(page, pageSize) => update({ page, pageSize })}
          />
        </Card>
      </div>
    </PageContainer>
  );
}
