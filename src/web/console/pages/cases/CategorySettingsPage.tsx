// 事件类别设置 (admins): time limits in working days, 越级, 核实, 办结须附照片, 首报积分, 启用 — one row edited at a time.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Result, Space, Switch, Table, Tabs, type TableColumnsType } from 'antd';
import { caseKeys, CASE_TYPES, patchCategory, useCaseCategories, type CaseCategory, type CaseType } from '../../api/cases';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { PageContainer } from '../../components/PageContainer';
import { useSession } from '../../layout/session';
import { useCaseLabels } from '../../lib/caseLabels';
import { PlusOutlined } from '@ant-design/icons';
import { CategoryCreateModal } from './CategoryCreateModal';
import { LimitPair, LimitRulesPanel } from './LimitRulesPanel';

type Draft = Pick<
  CaseCategory,
  | 'name'
  | 'active'
  | 'acceptYellow'
  | 'acceptRed'
  | 'resolveYellow'
  | 'resolveRed'
  | 'skipLevel'
  | 'verifyRequired'
  | 'requireResultPhoto'
  | 'firstReportPoints'
>;
const FIELDS: (keyof Draft)[] = [
  'name',
  'active',
  'acceptYellow',
  'acceptRed',
  'resolveYellow',
  'resolveRed',
  'skipLevel',
  'verifyRequired',
  'requireResultPhoto',
  'firstReportPoints',
];

export default function CategorySettingsPage() {
  const t = useT();
  const label = useCaseLabels();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const { can } = useSession();
  const categories = useCaseCategories();
  const [type, setType] = useState<CaseType | 'limits'>('incident');
  const [editing, setEditing] = useState<{ code: string; draft: Draft } | null>(null);
  const [saving, setSaving] = useState(false);
  const [adding, setAdding] = useState(false);

  if (!can('case.settings')) return <Result status="403" title={t('caseCategories.noAccess')} />;

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setEditing((e) => (e ? { ...e, draft: { ...e.draft, [k]: v } } : e));
  const d = editing?.draft;
  const orderError = d && (d.acceptYellow > d.acceptRed || d.resolveYellow > d.resolveRed) ? t('caseCategories.yellowBeforeRed') : null;

  const save = async (row: CaseCategory) => {
    if (!editing || orderError || !editing.draft.name.trim()) return;
    const patch = Object.fromEntries(
      FIELDS.filter((k) => editing.draft[k] !== row[k]).map((k) => [k, k === 'name' ? editing.draft.name.trim() : editing.draft[k]]),
    );
    setSaving(true);
    try {
      if (Object.keys(patch).length) await patchCategory(row.code, patch);
      await qc.invalidateQueries({ queryKey: caseKeys.categories });
      message.success(t('caseCategories.saved', { name: editing.draft.name.trim() }));
      setEditing(null);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const isEditing = (r: CaseCategory) => editing?.code === r.code;
  const days = (r: CaseCategory, y: 'acceptYellow' | 'resolveYellow', red: 'acceptRed' | 'resolveRed', what: string) =>
    isEditing(r) ? (
      <Space size={4}>
        <InputNumber
          size="small"
          min={1}
          max={90}
          precision={0}
          value={d![y]}
          onChange={(v) => set(y, v ?? 1)}
          aria-label={`${r.name} ${what} ${t('caseCategories.yellow')}`}
          style={{ width: 60 }}
          status={orderError ? 'error' : undefined}
        />
        <span className="xz-muted">/</span>
        <InputNumber
          size="small"
          min={1}
          max={90}
          precision={0}
          value={d![red]}
          onChange={(v) => set(red, v ?? 1)}
          aria-label={`${r.name} ${what} ${t('caseCategories.red')}`}
          style={{ width: 60 }}
          status={orderError ? 'error' : undefined}
        />
      </Space>
    ) : (
      <LimitPair y={r[y]} r={r[red]} />
    );
  const flag = (r: CaseCategory, k: 'skipLevel' | 'verifyRequired' | 'requireResultPhoto' | 'active', what: string) =>
    isEditing(r) ? (
      <Switch size="small" checked={d![k]} onChange={(v) => set(k, v)} aria-label={`${r.name} ${what}`} />
    ) : r[k] ? (
      <span>{t('common.yes')}</span>
    ) : (
      <span className="xz-muted">{t('common.no')}</span>
    );

  const columns: TableColumnsType<CaseCategory> = [
    {
      title: t('caseCategories.col.name'),
      dataIndex: 'name',
      render: (v: string, r) =>
        isEditing(r) ? (
          <Input
            size="small"
            value={d!.name}
            maxLength={30}
            onChange={(e) => set('name', e.target.value)}
            status={d!.name.trim() ? undefined : 'error'}
            aria-label={t('caseCategories.col.name')}
          />
        ) : (
          <span className={r.active ? undefined : 'xz-muted'}>{v}</span>
        ),
    },
    { title: t('caseCategories.col.group'), dataIndex: 'group', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('caseCategories.col.accept'),
      key: 'accept',
      width: 160,
      render: (_: unknown, r) => days(r, 'acceptYellow', 'acceptRed', t('caseCategories.col.accept')),
    },
    {
      title: t('caseCategories.col.resolve'),
      key: 'resolve',
      width: 160,
      render: (_: unknown, r) => days(r, 'resolveYellow', 'resolveRed', t('caseCategories.col.resolve')),
    },
    { title: t('caseCategories.col.skip'), dataIndex: 'skipLevel', width: 92, render: (_: unknown, r) => flag(r, 'skipLevel', t('caseCategories.col.skip')) },
    {
      title: t('caseCategories.col.verify'),
      dataIndex: 'verifyRequired',
      width: 104,
      render: (_: unknown, r) => flag(r, 'verifyRequired', t('caseCategories.col.verify')),
    },
    {
      title: t('caseCategories.col.photo'),
      dataIndex: 'requireResultPhoto',
      width: 104,
      render: (_: unknown, r) => flag(r, 'requireResultPhoto', t('caseCategories.col.photo')),
    },
    {
      title: t('caseCategories.col.points'),
      dataIndex: 'firstReportPoints',
      width: 96,
      align: 'right',
      render: (v: number, r) =>
        isEditing(r) ? (
          <InputNumber
            size="small"
            min={0}
            max={100}
            precision={0}
            value={d!.firstReportPoints}
            onChange={(x) => set('firstReportPoints', x ?? 0)}
            aria-label={`${r.name} ${t('caseCategories.col.points')}`}
            style={{ width: 64 }}
          />
        ) : (
          v || <span className="xz-muted">—</span>
        ),
    },
    { title: t('caseCategories.col.active'), dataIndex: 'active', width: 72, render: (_: unknown, r) => flag(r, 'active', t('caseCategories.col.active')) },
    {
      title: t('caseCategories.col.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_: unknown, r) =>
        isEditing(r) ? (
          <Space size={4}>
            <Button type="link" size="small" loading={saving} disabled={!!orderError} onClick={() => save(r)}>
              {t('common.save')}
            </Button>
            <Button type="link" size="small" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </Button>
          </Space>
        ) : (
          <Button
            type="link"
            size="small"
            disabled={!!editing}
            onClick={() => setEditing({ code: r.code, draft: Object.fromEntries(FIELDS.map((k) => [k, r[k]])) as Draft })}
            aria-label={`${t('common.edit')} ${r.name}`}
          >
            {t('common.edit')}
          </Button>
        ),
    },
  ];

  const categoryPane = (
    <>
      <Alert type="info" showIcon title={t('caseCategories.hint')} style={{ marginBottom: 12 }} />
      {orderError && <Alert type="error" showIcon title={orderError} style={{ marginBottom: 12 }} role="alert" />}
      <Table<CaseCategory>
        rowKey="code"
        columns={columns}
        dataSource={(categories.data ?? []).filter((c) => c.type === type)}
        loading={categories.isPending}
        pagination={false}
        size="middle"
        tableLayout="fixed"
        scroll={{ x: 1100 }}
      />
    </>
  );

  return (
    <PageContainer
      title={t('caseCategories.title')}
      extra={
        type !== 'limits' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('caseCategories.add')}
          </Button>
        )
      }
    >
      {adding && type !== 'limits' && <CategoryCreateModal type={type} existing={categories.data ?? []} onClose={() => setAdding(false)} />}
      <Card variant="borderless">
        <Tabs
          activeKey={type}
          onChange={(k) => {
            setType(k as CaseType | 'limits');
            setEditing(null);
          }}
          items={[...CASE_TYPES.map((x) => ({ key: x, label: label.type(x) })), { key: 'limits', label: t('caseLimits.tab') }]}
        />
        {type === 'limits' ? <LimitRulesPanel /> : categoryPane}
      </Card>
    </PageContainer>
  );
}
