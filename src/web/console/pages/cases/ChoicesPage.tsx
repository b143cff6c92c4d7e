// 随手拍选项 (village cadres, administrators): which of the village's categories each plain-word choice stands for,
// in what order villagers see them (长辈版 shows the first six), and which are offered. 其他 is always there.
import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result, Select, Space, Switch, Table, Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { PageContainer } from '../../components/PageContainer';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useSession } from '../../layout/session';
import { abilityRegions } from '../../lib/access';
import { useErrorText } from '../../api/errors';
import { useCaseCategories } from '../../api/cases';
import { useRegion } from '../../api/regions';
import { choicesKey, saveVillageChoices, useVillageChoices, type ChoiceSetting } from '../../api/caseChoices';

export default function ChoicesPage() {
  const t = useT();
  const { me, can } = useSession();
  const held = abilityRegions(me, 'case.choices');
  const only = useRegion(held.length === 1 ? held[0] : undefined).data;
  const [villageId, setVillageId] = useState<string | null>(null);
  // A cadre of one village edits that village; an administrator picks one.
  useEffect(() => {
    if (!villageId && only?.level === 'village') setVillageId(only.id);
  }, [only, villageId]);
  if (!can('case.choices')) return <Result status="403" title={t('choices.title')} />;
  return (
    <PageContainer
      title={t('choices.title')}
      subTitle={t('choices.sub')}
      extra={
        <RegionTreeSelect
          aria-label={t('choices.village')}
          value={villageId}
          onChange={(v) => setVillageId(v ?? null)}
          selectable={(r) => r.level === 'village'}
          placeholder={t('choices.village.placeholder')}
          style={{ width: 260 }}
        />
      }
    >
      {villageId ? <Editor key={villageId} villageId={villageId} /> : <Alert type="info" showIcon title={t('choices.empty')} />}
    </PageContainer>
  );
}

function Editor({ villageId }: { villageId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const q = useVillageChoices(villageId);
  const cats = useCaseCategories();
  const [rows, setRows] = useState<ChoiceSetting[] | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (q.data) setRows(q.data.settings);
  }, [q.data]);
  const byCode = useMemo(() => new Map((cats.data ?? []).map((c) => [c.code, c])), [cats.data]);
  const options = useMemo(
    () =>
      (cats.data ?? [])
        .filter((c) => c.active && c.code !== 'other' && c.type !== 'dispute')
        .map((c) => ({ value: c.code, label: c.group ? `${c.name}（${c.group}）` : c.name })),
    [cats.data],
  );
  const move = (i: number, by: number) =>
    setRows((r) => {
      if (!r) return r;
      const next = [...r];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const patch = (i: number, p: Partial<ChoiceSetting>) => setRows((r) => r?.map((x, j) => (j === i ? { ...x, ...p } : x)) ?? null);
  const save = async (items: ChoiceSetting[] | []) => {
    setSaving(true);
    try {
      const saved = await saveVillageChoices(
        villageId,
        items.map(({ code, category, active }) => ({ code, category, active })),
      );
      qc.setQueryData(choicesKey(villageId), saved);
      setRows(saved.settings);
      message.success(t('choices.saved'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  const list = rows ?? [];
  // The place each offered choice takes on the phone (those turned off have none).
  const place = new Map<string, number>();
  for (const r of list) if (r.active) place.set(r.code, place.size + 1);
  return (
    <Card>
      <Alert type="info" showIcon title={t('choices.elderHint')} style={{ marginBottom: 16 }} />
      <Table<ChoiceSetting & { i: number }>
        rowKey="code"
        size="middle"
        loading={q.isPending || cats.isPending}
        pagination={false}
        dataSource={list.map((r, i) => ({ ...r, i }))}
        footer={() => <span className="xz-muted">{t('choices.other')}</span>}
        columns={[
          {
            title: t('choices.col.order'),
            width: 110,
            render: (_, r) => {
              const n = place.get(r.code);
              return (
                <Space size={4}>
                  <span style={{ display: 'inline-block', width: 20 }}>{n ?? '—'}</span>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={`${t('choices.up')}：${r.label}`}
                    disabled={r.i === 0}
                    onClick={() => move(r.i, -1)}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={`${t('choices.down')}：${r.label}`}
                    disabled={r.i === list.length - 1}
                    onClick={() => move(r.i, 1)}
                  />
                </Space>
              );
            },
          },
          {
            title: t('choices.col.label'),
            render: (_, r) => (
              <Space>
                <Tag color="blue">{r.badge}</Tag>
                {r.label}
              </Space>
            ),
          },
          {
            title: t('choices.col.category'),
            width: 300,
            render: (_, r) => (
              <Select
                aria-label={`${t('choices.col.category')}：${r.label}`}
                value={r.category}
                onChange={(v) => patch(r.i, { category: v })}
                options={options}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: '100%' }}
              />
            ),
          },
          {
            title: t('choices.col.acceptDays'),
            width: 120,
            render: (_, r) => {
              const c = byCode.get(r.category);
              return c ? t('choices.acceptDays', { n: c.acceptYellow }) : '—';
            },
          },
          {
            title: t('choices.col.active'),
            width: 90,
            render: (_, r) => <Switch checked={r.active} aria-label={`${t('choices.col.active')}：${r.label}`} onChange={(v) => patch(r.i, { active: v })} />,
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!rows} onClick={() => rows && save(rows)}>
          {t('choices.save')}
        </Button>
        <Button icon={<UndoOutlined />} disabled={saving} onClick={() => save([])}>
          {t('choices.reset')}
        </Button>
      </Space>
    </Card>
  );
}
