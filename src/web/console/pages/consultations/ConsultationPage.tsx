// 周会商: the township leader opens the week's meeting, goes through the agenda the
// system generated (open red-card and escalated cases), records a decision per
// case (it lands on the case's timeline) and closes the meeting.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Result,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CheckCircleOutlined, TeamOutlined } from '@ant-design/icons';
import {
  closeConsultation,
  consultationKeys,
  decideOnCase,
  openConsultation,
  useConsultation,
  useConsultations,
  type AgendaItem,
} from '../../api/consultations';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { useSubmit } from '../../components/useSubmit';
import { useSession } from '../../layout/session';
import { CardTag, StatusTag } from '../cases/CaseTags';

function DecisionModal({ meetingId, item, onClose }: { meetingId: string; item: AgendaItem; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ decision: string }>();
  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    const next = await decideOnCase(meetingId, { caseId: item.caseId, decision: v.decision.trim() });
    qc.setQueryData(consultationKeys.one(meetingId), next);
    await qc.invalidateQueries({ queryKey: consultationKeys.list });
    message.success(t('consult.decided'));
    onClose();
  });
  return (
    <Modal
      open
      title={`${t('consult.decide')}：${item.title}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {alert}
      <Typography.Paragraph type="secondary">{t('consult.decide.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={onValuesChange}>
        <Form.Item
          name="decision"
          label={t('consult.decision')}
          rules={[{ required: true, whitespace: true, message: t('consult.decision.required') }, { max: 1000 }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('consult.decision.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OpenModal({ onOpened, onClose }: { onOpened: (id: string) => void; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ attendees?: string }>();
  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    const made = await openConsultation({ attendees: v.attendees?.trim() || undefined });
    qc.setQueryData(consultationKeys.one(made.id), made);
    await qc.invalidateQueries({ queryKey: consultationKeys.list });
    onOpened(made.id);
    onClose();
  });
  return (
    <Modal
      open
      title={t('consult.open')}
      okText={t('consult.open.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {alert}
      <Typography.Paragraph type="secondary">{t('consult.open.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onValuesChange={onValuesChange}>
        <Form.Item name="attendees" label={t('consult.attendees')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('consult.attendees.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ConsultationPage() {
  const t = useT();
  const f = useFormat();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const { can } = useSession();
  const list = useConsultations();
  const [picked, setPicked] = useState<string | undefined>();
  const selected = picked ?? list.data?.items[0]?.id;
  const meeting = useConsultation(selected);
  const [deciding, setDeciding] = useState<AgendaItem | null>(null);
  const [opening, setOpening] = useState(false);

  if (!can('consultation.hold')) return <Result status="403" title={t('consult.noAccess')} />;
  const m = meeting.data;
  const open = m?.status === 'open';

  const close = async () => {
    try {
      const next = await closeConsultation(m!.id);
      qc.setQueryData(consultationKeys.one(m!.id), next);
      await qc.invalidateQueries({ queryKey: consultationKeys.list });
      message.success(t('consult.closed'));
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const columns: TableColumnsType<AgendaItem> = [
    {
      title: t('consult.col.case'),
      key: 'case',
      render: (_: unknown, r) => (
        <div>
          <Link to={`/cases/${r.caseId}`}>{r.title}</Link>
          <div className="xz-muted" style={{ fontSize: 12 }}>
            {r.seq} · {r.categoryName} · {r.regionName}
          </div>
        </div>
      ),
    },
    { title: t('consult.col.level'), dataIndex: 'levelRegionName', width: 110 },
    {
      title: t('consult.col.why'),
      key: 'why',
      width: 150,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <CardTag card={r.card} />
          {r.escalations > 0 && <Tag color="purple">{t('consult.escalated', { n: r.escalations })}</Tag>}
        </Space>
      ),
    },
    { title: t('consult.col.status'), dataIndex: 'status', width: 96, render: (s: AgendaItem['status']) => <StatusTag status={s} /> },
    {
      title: t('consult.col.decision'),
      key: 'decision',
      width: 260,
      render: (_: unknown, r) =>
        r.decision ? (
          <div>
            <div style={{ whiteSpace: 'pre-wrap' }}>{r.decision.text}</div>
            <div className="xz-muted" style={{ fontSize: 12 }}>
              {r.decision.by} · {f.dateTimeShort(r.decision.at)}
            </div>
          </div>
        ) : open ? (
          <Button size="small" onClick={() => setDeciding(r)} aria-label={`${t('consult.decide')} ${r.title}`}>
            {t('consult.decide')}
          </Button>
        ) : (
          <span className="xz-muted">{t('consult.undecided')}</span>
        ),
    },
  ];

  const decided = m?.agenda.filter((a) => a.decision).length ?? 0;
  return (
    <PageContainer
      title={t('consult.title')}
      subTitle={t('consult.sub')}
      extra={
        <Button type="primary" icon={<TeamOutlined />} onClick={() => setOpening(true)}>
          {t('consult.open')}
        </Button>
      }
    >
      {opening && <OpenModal onOpened={setPicked} onClose={() => setOpening(false)} />}
      {deciding && m && <DecisionModal meetingId={m.id} item={deciding} onClose={() => setDeciding(null)} />}
      <div className="xz-split">
        <Card className="xz-split-side" variant="borderless" title={t('consult.history')} size="small" style={{ width: 260, flex: 'none' }}>
          <List
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.none')} /> }}
            renderItem={(x) => (
              <List.Item
                onClick={() => setPicked(x.id)}
                style={{ cursor: 'pointer', background: x.id === selected ? '#e6f0ff' : undefined, paddingInline: 8, borderRadius: 6 }}
                aria-current={x.id === selected ? 'true' : undefined}
              >
                <div style={{ width: '100%' }}>
                  <div style={{ fontWeight: 500 }}>{f.date(x.heldOn)}</div>
                  <div className="xz-muted" style={{ fontSize: 12 }}>
                    {t('consult.progress', { d: x.decided, n: x.cases })} · {x.status === 'open' ? t('consult.status.open') : t('consult.status.closed')}
                  </div>
                </div>
              </List.Item>
            )}
          />
        </Card>
        <Card className="xz-split-main" variant="borderless">
          {!m ? (
            <EmptyState
              title={t('consult.empty')}
              hint={t('consult.empty.hint')}
              action={
                <Button type="primary" onClick={() => setOpening(true)}>
                  {t('consult.open')}
                </Button>
              }
            />
          ) : (
            <>
              <Descriptions
                title={
                  <Space>
                    {m.title}
                    {open ? <Tag color="blue">{t('consult.status.open')}</Tag> : <Tag icon={<CheckCircleOutlined />}>{t('consult.status.closed')}</Tag>}
                  </Space>
                }
                extra={
                  open && (
                    <Popconfirm
                      title={t('consult.close.confirm', { n: m.agenda.length - decided })}
                      okText={t('consult.close')}
                      cancelText={t('common.cancel')}
                      onConfirm={close}
                    >
                      <Button>{t('consult.close')}</Button>
                    </Popconfirm>
                  )
                }
                size="small"
                column={3}
                items={[
                  { key: 'on', label: t('consult.heldOn'), children: f.date(m.heldOn) },
                  { key: 'by', label: t('consult.createdBy'), children: m.createdBy },
                  { key: 'progress', label: t('consult.progress.label'), children: t('consult.progress', { d: decided, n: m.agenda.length }) },
                  { key: 'who', label: t('consult.attendees'), children: m.attendees ?? '—', span: 3 },
                ]}
              />
              {open && <Alert type="info" showIcon style={{ margin: '12px 0' }} title={t('consult.agenda.hint')} />}
              <Table<AgendaItem>
                rowKey="caseId"
                columns={columns}
                dataSource={m.agenda}
                pagination={false}
                size="middle"
                tableLayout="fixed"
                scroll={{ x: 860 }}
                style={{ marginTop: open ? 0 : 12 }}
                locale={{ emptyText: <EmptyState title={t('consult.agenda.empty')} hint={t('consult.agenda.empty.hint')} /> }}
              />
            </>
          )}
        </Card>
      </div>
    </PageContainer>
  );
}
