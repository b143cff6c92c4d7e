// 层级时限: time-limit rules by category, responsible level and priority. The most
// specific rule wins (category + level > category > level > the defaults).
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { caseKeys, deleteCaseLimit, PRIORITIES, useCaseCategories, useCaseLimits, type LimitRule } from '../../api/cases';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useCaseLabels } from '../../lib/caseLabels';
import { useFormat } from '../../i18n/format';
import { LimitRuleModal } from './LimitRuleModal';
import { EmptyState } from '../../components/EmptyState';

export function LimitPair({ y, r }: { y: number; r: number }) {
  return (
    <span>
      <Tag color="gold" style={{ marginInlineEnd: 4 }}>
        {y}
      </Tag>
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {r}
      </Tag>
    </span>
  );
}

export function LimitRulesPanel() {
  const t = useT();
  const label = useCaseLabels();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const fmt = useFormat();
  const limits = useCaseLimits();
  const categories = useCaseCategories();
  const [editing, setEditing] = useState<LimitRule | 'new' | null>(null);

  const remove = async (r: LimitRule) => {
    try {
      await deleteCaseLimit(r.id);
      await Promise.all([qc.invalidateQueries({ queryKey: caseKeys.limits }), qc.invalidateQueries({ queryKey: caseKeys.categories })]);
      message.success(t('caseLimits.deleted'));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const columns: TableColumnsType<LimitRule> = [
    {
      title: t('caseLimits.col.category'),
      key: 'category',
      render: (_: unknown, r) => r.categoryName ?? <span className="xz-muted">{t('caseLimits.anyCategory')}</span>,
    },
    {
      title: t('caseLimits.col.level'),
      key: 'level',
      width: 120,
      render: (_: unknown, r) => (r.level ? t(`caseLimits.level.${r.level}`) : <span className="xz-muted">{t('caseLimits.anyLevel')}</span>),
    },
    { title: t('caseLimits.col.priority'), dataIndex: 'priority', width: 96, render: (p: string) => label.priority(p) },
    { title: t('caseCategories.col.accept'), key: 'accept', width: 150, render: (_: unknown, r) => <LimitPair y={r.acceptYellow} r={r.acceptRed} /> },
    { title: t('caseCategories.col.resolve'), key: 'resolve', width: 150, render: (_: unknown, r) => <LimitPair y={r.resolveYellow} r={r.resolveRed} /> },
    { title: t('caseLimits.col.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => fmt.dateTimeShort(v) },
    {
      title: t('caseCategories.col.actions'),
      key: 'actions',
      width: 120,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditing(r)} aria-label={`${t('common.edit')} ${r.categoryName ?? t('caseLimits.anyCategory')}`}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('caseLimits.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(r)}>
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const d = limits.data?.defaults;
  return (
    <>
      {editing && <LimitRuleModal rule={editing === 'new' ? null : editing} categories={categories.data ?? []} onClose={() => setEditing(null)} />}
      <Alert type="info" showIcon title={t('caseLimits.hint')} style={{ marginBottom: 12 }} />
      {d && (
        <Descriptions
          size="small"
          column={3}
          bordered
          title={t('caseLimits.defaults')}
          style={{ marginBottom: 16 }}
          items={PRIORITIES.map((p) => ({
            key: p,
            label: label.priority(p),
            children: t('caseLimits.defaultPair', { ay: d[p].acceptYellow, ar: d[p].acceptRed, ry: d[p].resolveYellow, rr: d[p].resolveRed }),
          }))}
        />
      )}
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <strong>{t('caseLimits.rules')}</strong>
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('caseLimits.add')}
        </Button>
      </Space>
      <Table<LimitRule>
        rowKey="id"
        columns={columns}
        dataSource={limits.data?.items ?? []}
        loading={limits.isPending}
        pagination={false}
        size="middle"
        tableLayout="fixed"
        scroll={{ x: 900 }}
        locale={{ emptyText: limits.isPending ? ' ' : <EmptyState title={t('caseLimits.empty')} /> }}
      />
    </>
  );
}
