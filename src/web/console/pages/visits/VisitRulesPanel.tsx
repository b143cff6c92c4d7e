// 走访规则: the 五必访 (built in: monthly, can be paused) and the rules administrators add (a resident tag, or every
// household, and a frequency). A change reaches this month's open plan at once; months that have ended stay as they were.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Switch, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { patchVisitRule, useVisitRules, visitKeys, type VisitRule } from '../../api/visits';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { tagColor, useTagLabel } from '../../components/TagList';
import { EmptyState } from '../../components/EmptyState';
import { useVisitLabels } from '../../lib/visitLabels';
import { VisitRuleModal } from './VisitRuleModal';

export function VisitRulesPanel() {
  const t = useT();
  const label = useVisitLabels();
  const tagLabel = useTagLabel();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const rules = useVisitRules();
  const [editing, setEditing] = useState<VisitRule | 'new' | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);

  const toggle = async (r: VisitRule, active: boolean) => {
    setSwitching(r.id);
    try {
      await patchVisitRule(r.id, { active });
      await Promise.all([qc.invalidateQueries({ queryKey: visitKeys.rules }), qc.invalidateQueries({ queryKey: visitKeys.all })]);
      message.success(t(active ? 'visitRules.resumed' : 'visitRules.paused', { name: r.name }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSwitching(null);
    }
  };

  const columns: TableColumnsType<VisitRule> = [
    {
      title: t('visitRules.col.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Space size={6} wrap>
          <span className={r.active ? undefined : 'xz-muted'}>{v}</span>
          {r.builtin && (
            <Tag color="red" className="xz-mini-tag">
              {t('visitRules.builtin')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('visitRules.col.tag'),
      dataIndex: 'tag',
      width: 160,
      render: (v: string | null) =>
        v ? (
          <Tag color={tagColor(v)} style={{ marginInlineEnd: 0 }}>
            {tagLabel(v)}
          </Tag>
        ) : (
          <span>{t('visitRules.everyHousehold')}</span>
        ),
    },
    { title: t('visitRules.col.frequency'), dataIndex: 'frequency', width: 110, render: (v: string) => label.frequency(v) },
    {
      title: t('visitRules.col.active'),
      dataIndex: 'active',
      width: 140,
      render: (v: boolean, r) => (
        <Space size={8}>
          <Switch
            size="small"
            checked={v}
            loading={switching === r.id}
            onChange={(on) => toggle(r, on)}
            aria-label={t('visitRules.toggle', { name: r.name })}
          />
          <span className={v ? undefined : 'xz-muted'}>{v ? t('visitRules.active') : t('visitRules.pausedWord')}</span>
        </Space>
      ),
    },
    {
      title: t('caseCategories.col.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, r) => (
        <Tooltip title={r.builtin ? t('visitRules.builtin.tip') : undefined}>
          <Button type="link" size="small" onClick={() => setEditing(r)} aria-label={`${t('common.edit')} ${r.name}`}>
            {t('common.edit')}
          </Button>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      {editing && <VisitRuleModal rule={editing === 'new' ? null : editing} rules={rules.data ?? []} onClose={() => setEditing(null)} />}
      <Alert type="info" showIcon title={t('visitRules.hint')} style={{ marginBottom: 12 }} />
      <div className="xz-table-toolbar">
        <div className="xz-table-toolbar-title">{t('visitRules.title')}</div>
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('visitRules.add')}
        </Button>
      </div>
      <Table<VisitRule>
        rowKey="id"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.isPending}
        pagination={false}
        size="middle"
        tableLayout="fixed"
        scroll={{ x: 760 }}
        locale={{ emptyText: rules.isPending ? ' ' : <EmptyState title={t('visitRules.empty')} /> }}
      />
    </>
  );
}
