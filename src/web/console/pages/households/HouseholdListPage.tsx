import { useEffect, useState } from 'react';
import { App, Button, Card, Space } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { exportHouseholds, useHouseholds } from '../../api/households';
import { useRegion } from '../../api/regions';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PageContainer } from '../../components/PageContainer';
import { RegionTreePanel } from '../../components/RegionTree';
import { useSession } from '../../layout/session';
import { useHouseholdFilters } from './useHouseholdFilters';
import { HouseholdFilterBar } from './HouseholdFilterBar';
import { HouseholdTable } from './HouseholdTable';
import { HouseholdCreateDrawer } from './HouseholdCreateDrawer';
import { HouseholdEditModal } from './HouseholdEditModal';
import { ImportDialog } from './ImportDialog';

export default function HouseholdListPage() {
  const t = useT();
  const f = useFormat();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { current, canHere } = useSession();
  const rootId = current?.regionId;
  const { filter, update } = useHouseholdFilters(rootId);
  const list = useHouseholds(filter, !!filter.regionId);
  const region = useRegion(filter.regionId);
  const root = useRegion(rootId);
  const showTree = !root.data || root.data.hasChildren;
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const canWrite = canHere('household.create');

  // Switching jurisdiction starts over at the new root.
  const [lastRoot, setLastRoot] = useState(rootId);
  useEffect(() => {
    if (rootId !== lastRoot) {
      setLastRoot(rootId);
      update({ regionId: undefined, q: undefined, tag: undefined });
    }
  }, [rootId, lastRoot, update]);

  const doExport = async () => {
    setExporting(true);
    try {
      await exportHouseholds({ regionId: filter.regionId, q: filter.q, tag: filter.tag }, `${region.data?.name ?? ''}户籍档案.xlsx`);
      message.success(t('households.exported'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setExporting(false);
    }
  };

  const defaultGrid =
    region.data && (region.data.level === 'grid' || (region.data.level === 'village' && !region.data.hasChildren)) ? region.data.id : undefined;
  const addButton = canWrite && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('households.add')}
    </Button>
  );

  return (
    <PageContainer
      title={t('households.title')}
      extra={
        <Space wrap>
          {addButton}
          {canWrite && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('households.import')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport}>
            {exporting ? t('households.exporting') : t('households.export')}
          </Button>
        </Space>
      }
    >
      <div className="xz-split">
        {showTree && <RegionTreePanel rootId={rootId} selectedId={filter.regionId} onChange={(regionId) => update({ regionId })} />}
        <Card className="xz-split-main" variant="borderless">
          <HouseholdFilterBar q={filter.q} tag={filter.tag} onSearch={(v) => update({ q: v.q, tag: v.tag })} />
          <div className="xz-table-toolbar">
            <div className="xz-table-toolbar-title">
              {region.data?.name ?? current?.name}
              <span className="xz-total">{t('households.total', { n: f.num(list.data?.total ?? 0) })}</span>
            </div>
          </div>
          <HouseholdTable
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={filter.page}
            pageSize={filter.pageSize}
            loading={(list.isFetching && !list.data) || list.isPlaceholderData}
            filtered={!!(filter.q || filter.tag)}
            canEdit={canWrite}
            onPage={(page, pageSize) => update({ page, pageSize })}
            onEdit={setEditing}
            emptyAction={addButton || undefined}
          />
        </Card>
      </div>
      {creating && <HouseholdCreateDrawer open defaultRegionId={defaultGrid} rootId={rootId} onClose={() => setCreating(false)} />}
      {importing && <ImportDialog open defaultRegionId={filter.regionId} onClose={() => setImporting(false)} />}
      {editing && <HouseholdEditModal householdId={editing} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
