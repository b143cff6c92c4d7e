import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { regionKeys, useRegion, type Level, type Region } from '../../api/regions';
import { useT } from '../../i18n';
import { PageContainer } from '../../components/PageContainer';
import { LevelIcon } from '../../components/LevelIcon';
import { useRegionBranches } from '../../components/useRegionBranches';
import { useAutoExpand } from '../../components/useAutoExpand';
import { useSession } from '../../layout/session';
import { RegionFormModal, type RegionFormTarget } from './RegionFormModal';

type Row = Region & { children?: Row[] };
const LEVEL_COLOR: Record<Level, string> = { county: 'red', township: 'orange', village: 'blue', grid: 'green' };

export default function RegionsPage() {
  const t = useT();
  const qc = useQueryClient();
  const { current, canHere } = useSession();
  const rootId = current?.regionId ?? '';
  const root = useRegion(rootId || undefined);
  const { branches, load } = useRegionBranches();
  const [expanded, setExpanded] = useState<string[]>([]);
  const [target, setTarget] = useState<RegionFormTarget | null>(null);
  const manage = canHere('region.manage');

  useEffect(() => {
    if (!rootId) return;
    setExpanded([rootId]);
    void load(rootId);
  }, [rootId, load]);

  const expand = useCallback((id: string) => setExpanded((e) => (e.includes(id) ? e : [...e, id])), []);
  useAutoExpand(rootId || undefined, branches, load, expand);

  const build = (r: Region): Row => ({ ...r, children: r.hasChildren || branches[r.id]?.length ? (branches[r.id] ?? []).map(build) : undefined });
  const data = root.data ? [build(root.data)] : [];

  const onSaved = async (parentId: string | null) => {
    await qc.invalidateQueries({ queryKey: regionKeys.all });
    if (parentId) {
      await load(parentId, true);
      setExpanded((e) => [...new Set([...e, parentId])]);
    }
    if (!parentId || parentId === root.data?.parentId) await root.refetch();
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('regions.col.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <span className="xz-tree-title">
          <LevelIcon level={r.level} />
          {v}
        </span>
      ),
    },
    { title: t('regions.col.level'), dataIndex: 'level', width: 120, render: (v: Level) => <Tag color={LEVEL_COLOR[v]}>{t(`level.${v}`)}</Tag> },
    {
      title: t('regions.col.code'),
      dataIndex: 'code',
      width: 200,
      render: (v: string | null) => (v ? <span className="xz-id">{v}</span> : <span className="xz-muted">{t('regions.noCode')}</span>),
    },
  ];
  if (manage) {
    columns.push({
      title: t('regions.col.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, r) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setTarget({ kind: 'add', parent: r })}
            aria-label={`${t('regions.addChild')}：${r.name}`}
          >
            {t('regions.addChild')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setTarget({ kind: 'edit', region: r })}
            aria-label={`${t('regions.rename')}：${r.name}`}
          >
            {t('regions.rename')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <PageContainer title={t('regions.title')}>
      <Card variant="borderless">
        <Alert type="info" showIcon title={t('regions.hint')} style={{ marginBottom: 16 }} />
        <Table<Row>
          rowKey="id"
          columns={columns}
          dataSource={data}
          loading={root.isPending}
          pagination={false}
          size="middle"
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, r) => {
              setExpanded((e) => (open ? [...e, r.id] : e.filter((k) => k !== r.id)));
              if (open && !branches[r.id]) void load(r.id);
            },
          }}
        />
      </Card>
      {target && <RegionFormModal target={target} onClose={() => setTarget(null)} onSaved={onSaved} />}
    </PageContainer>
  );
}
