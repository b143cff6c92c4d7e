// 积分公示: the village's notice board — awards on 公示 with days left, and those that took effect in the last 30 days;
// cadres record an objection raised at the village office; printable for the wall of the village committee.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Table, type TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { decideAward, useBoard, type BoardItem } from '../../api/pointsCore';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../api/errors';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { Ellipsis } from '../../components/Ellipsis';
import { useSession } from '../../layout/session';
import { hasAbility } from '../../lib/access';
import { PointValue, SplitWithTree, usePageRegion } from './Points';

export default function BoardPage() {
  const t = useT();
  const f = useFormat();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { me } = useSession();
  const { filter, update, rootId, regionId, showTree } = usePageRegion([]);
  const board = useBoard(regionId);
  const [objecting, setObjecting] = useState<BoardItem | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const canObject = hasAbility(me, 'points.manage');
  const items = board.data?.items ?? [];
  const current = items.filter((i) => i.status === 'publicized');
  const recent = items.filter((i) => i.status === 'effective');

  const common: TableColumnsType<BoardItem> = [
    {
      title: t('pts.board.col.household'),
      dataIndex: 'householdName',
      width: 110,
      ellipsis: { showTitle: false },
      render: (v: string) => <Ellipsis text={v || '—'} />,
    },
    { title: t('pts.board.col.grid'), dataIndex: 'placeName', width: 170, ellipsis: { showTitle: false }, render: (v: string) => <Ellipsis text={v} /> },
    {
      title: t('pts.board.col.rule'),
      key: 'rule',
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => <Ellipsis text={`${r.ruleName}${r.note ? `（${r.note}）` : ''}`} />,
    },
    { title: t('pts.board.col.member'), dataIndex: 'residentName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('pts.board.col.value'), dataIndex: 'value', width: 72, align: 'right', render: (v: number) => <PointValue value={v} strong /> },
  ];
  const currentColumns: TableColumnsType<BoardItem> = [
    ...common,
    {
      title: t('pts.board.col.until'),
      dataIndex: 'publicUntil',
      width: 200,
      render: (v: string | null, r) =>
        v && (
          <span>
            {f.date(v)} <span className="xz-muted">{t('pts.board.daysLeft', { n: r.daysLeft ?? 0 })}</span>
          </span>
        ),
    },
    ...(canObject
      ? [
          {
            title: t('pts.awards.col.actions'),
            key: 'actions',
            width: 96,
            className: 'xz-no-print',
            render: (_: unknown, r: BoardItem) => (
              <Button type="link" size="small" onClick={() => setObjecting(r)} aria-label={`${t('pts.awards.object')} ${r.householdName} ${r.ruleName}`}>
                {t('pts.awards.object')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const recentColumns: TableColumnsType<BoardItem> = [
    ...common,
    {
      title: t('pts.board.col.effective'),
      dataIndex: 'publicUntil',
      width: 136,
      render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{f.date(r.decidedAt)}</span>,
    },
  ];

  const object = async () => {
    const v = await form.validateFields();
    try {
      await decideAward(objecting!.id, 'object', v.text);
      message.success(t('pts.awards.objected'));
      setObjecting(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['points'] });
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <PageContainer
      title={t('pts.board.title')}
      subTitle={t('pts.board.sub')}
      extra={
        <Button icon={<PrinterOutlined />} className="xz-no-print" onClick={() => window.print()}>
          {t('pts.board.print')}
        </Button>
      }
    >
      <SplitWithTree rootId={rootId} selectedId={filter.regionId} showTree={showTree} onChange={(id) => update({ regionId: id })}>
        <div className="xz-board-sheet">
          <h2 className="xz-board-heading">{board.data ? t('pts.board.heading', { name: board.data.regionName }) : '\u00a0'}</h2>
          {board.data && <p className="xz-board-notice">{t('pts.board.notice', { n: board.data.publicDays })}</p>}
          <h3 className="xz-section-title">
            {t('pts.board.current')} <span className="xz-muted">{f.num(current.length)}</span>
          </h3>
          <Table<BoardItem>
            rowKey="id"
            size="middle"
            tableLayout="fixed"
            columns={currentColumns}
            dataSource={current}
            pagination={false}
            loading={board.isLoading}
            locale={{ emptyText: board.isLoading ? ' ' : <EmptyState title={t('pts.board.empty')} /> }}
            style={{ marginBottom: 24 }}
          />
          <h3 className="xz-section-title">
            {t('pts.board.recent')} <span className="xz-muted">{f.num(recent.length)}</span>
          </h3>
          <Table<BoardItem>
            rowKey="id"
            size="middle"
            tableLayout="fixed"
            columns={recentColumns}
            dataSource={recent}
            pagination={recent.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: board.isLoading ? ' ' : <EmptyState title={t('pts.board.emptyRecent')} /> }}
          />
        </div>
      </SplitWithTree>
      <Modal
        open={!!objecting}
        title={t('pts.awards.objectTitle')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onOk={object}
        onCancel={() => setObjecting(null)}
        destroyOnHidden
      >
        {objecting && (
          <p>
            {objecting.householdName} · {objecting.ruleName} · <PointValue value={objecting.value} />
          </p>
        )}
        <Form form={form} layout="vertical">
          <Form.Item
            name="text"
            label={t('pts.awards.objectText')}
            rules={[{ required: true, whitespace: true, message: t('pts.awards.objectText.required') }]}
          >
            <Input.TextArea rows={3} maxLength={300} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
