import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Result, Skeleton, Space, Steps, Tag, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { exportCaseFile, SERVICE_STEPS, useCase, type CaseDetail } from '../../api/cases';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PageContainer } from '../../components/PageContainer';
import { CardTag, DueText, Stars, StatusTag } from './CaseTags';
import { CaseTimeline } from './CaseTimeline';
import { CaseActions, nextServiceStep } from './CaseActions';
import { BeforeAfter, CaseFiles } from './CaseFiles';
import { OPEN_STATUSES, useCaseLabels } from '../../lib/caseLabels';

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const q = useCase(id);
  const listSearch = (useLocation().state as { listSearch?: string } | null)?.listSearch ?? '';
  const listPath = `/cases${listSearch}`;

  if (q.isPending) {
    return (
      <PageContainer title={<Skeleton.Input active size="small" />}>
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </PageContainer>
    );
  }
  if (q.error || !q.data) {
    const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403);
    return (
      <PageContainer title={t('case.notFound')} crumbs={[{ title: t('case.notFound') }]}>
        <Card variant="borderless">
          <Result
            status={notFound ? '404' : 'warning'}
            title={notFound ? t('case.notFound') : t('common.loadFailed')}
            subTitle={notFound ? t('case.notFound.desc') : errorText(q.error)}
            extra={
              <Button type="primary" onClick={() => navigate(listPath)}>
                {t('case.backToList')}
              </Button>
            }
          />
        </Card>
      </PageContainer>
    );
  }
  const c = q.data;
  return (
    <PageContainer
      title={c.title}
      subTitle={
        <Space size={8} wrap>
          <span className="xz-seq">{c.seq}</span>
          <StatusTag status={c.status} />
          <CardTag card={c.card} />
          <DueText c={c} showLeft={false} />
        </Space>
      }
      crumbs={[{ title: c.title }]}
      parentPath={listPath}
      extra={<ExportButton c={c} />}
    >
      <div className="xz-detail">
        <div className="xz-detail-main">
          <Facts c={c} />
          {c.type === 'service' && <ServiceSteps c={c} />}
          <BeforeAfter c={c} />
          <CaseFiles c={c} />
          <Card title={t('case.timeline')} variant="borderless">
            <CaseTimeline c={c} />
          </Card>
          <Link to={listPath}>{t('case.backToList')}</Link>
        </div>
        <aside className="xz-detail-side" aria-label={t('case.handle')}>
          <Card title={t('case.handle')} variant="borderless">
            <HandleIntro c={c} />
            <CaseActions c={c} />
          </Card>
        </aside>
      </div>
    </PageContainer>
  );
}

function Facts({ c }: { c: CaseDetail }) {
  const t = useT();
  const f = useFormat();
  const label = useCaseLabels();
  const open = OPEN_STATUSES.includes(c.status);
  const dueLabel = c.status === 'reported' ? t('case.due.accept') : open ? t('case.due.resolve') : t('case.due');
  const badges = [
    c.escalations > 0 && t('case.escalations', { n: c.escalations }),
    c.reopened > 0 && t('case.reopened', { n: c.reopened }),
    c.extensionDays > 0 && t('case.extension', { n: c.extensionDays }),
    c.verified && t('case.verified'),
  ].filter(Boolean) as string[];
  return (
    <Card title={t('case.facts')} variant="borderless">
      <Descriptions
        column={{ xs: 1, md: 2, xxl: 3 }}
        styles={{ label: { width: 96, color: '#666666' } }}
        items={[
          { key: 'seq', label: t('case.seq'), children: <span className="xz-seq">{c.seq}</span> },
          // The group only when it adds something: not 矛盾纠纷 · 宅基地纠纷（矛盾纠纷）.
          {
            key: 'category',
            label: t('case.category'),
            children: (
              <span>
                {label.type(c.type)} · {c.categoryName}
                {c.categoryGroup && c.categoryGroup !== c.categoryName && c.categoryGroup !== label.type(c.type) && (
                  <span className="xz-muted">（{c.categoryGroup}）</span>
                )}
              </span>
            ),
          },
          // A dispute's parties, risk and how its mediation went are what people look for first.
          ...(c.type === 'dispute' ? disputeFacts(c, t) : []),
          {
            key: 'priority',
            label: t('case.priority'),
            children: c.priority === 'normal' ? label.priority(c.priority) : <Tag color="volcano">{label.priority(c.priority)}</Tag>,
          },
          { key: 'place', label: t('case.place'), children: c.placeName || '—' },
          {
            key: 'reporter',
            label: `${t('case.reporter')}/${t('case.source')}`,
            children: (
              <span>
                {c.reporterName || '—'}
                <span className="xz-muted"> · {label.source(c.source, c.sourceName)}</span>
                <SourceLink c={c} />
              </span>
            ),
          },
          { key: 'reportedAt', label: t('case.reportedAt'), children: f.dateTime(c.reportedAt) },
          {
            key: 'level',
            label: t('case.level'),
            children: (
              <span>
                {c.levelRegionName || '—'}
                {c.levelRegionLevel && <span className="xz-muted">（{label.level(c.levelRegionLevel)}）</span>}
              </span>
            ),
          },
          {
            key: 'assignee',
            label: t('case.assignee'),
            children: c.assigneeName || c.assigneeUnit || <span className="xz-muted">{t('case.assignee.none')}</span>,
          },
          open || !c.resolvedAt
            ? {
                key: 'due',
                label: dueLabel,
                children:
                  open && c.dueAt ? (
                    <Space size={8} wrap>
                      <span>{f.dateTime(c.dueAt)}</span>
                      <DueText c={c} />
                      {c.dueProvisional && (
                        <Tooltip title={t('case.due.provisionalHint')}>
                          <Tag className="xz-tag-provisional" style={{ marginInlineEnd: 0 }}>
                            {t('case.due.provisional')}
                          </Tag>
                        </Tooltip>
                      )}
                    </Space>
                  ) : (
                    <span className="xz-muted">{t('case.due.none')}</span>
                  ),
              }
            : { key: 'due', label: t('case.resolvedAt'), children: f.dateTime(c.resolvedAt) },
          {
            key: 'card',
            label: t('case.card'),
            children:
              c.card || c.extensionPending ? (
                <Space size={6} wrap>
                  <CardTag card={c.card} />
                  {c.extensionPending && <Tag color="blue">{t('case.extensionPending')}</Tag>}
                </Space>
              ) : (
                <span className="xz-muted">{t('case.card.none')}</span>
              ),
          },
          {
            key: 'rating',
            label: t('case.rating'),
            span: 2,
            children: c.rating ? (
              <Space size={8} wrap>
                <Stars value={c.rating} size={16} />
                {c.ratingComment && <span>{c.ratingComment}</span>}
              </Space>
            ) : (
              <span className="xz-muted">{t('case.rating.none')}</span>
            ),
          },
          ...(c.copies.length ? [{ key: 'copies', label: t('case.copies'), children: c.copies.map((x) => x.name).join('、') }] : []),
          ...(badges.length
            ? [
                {
                  key: 'badges',
                  label: t('case.progress'),
                  children: (
                    <Space size={6} wrap>
                      {badges.map((b) => (
                        <Tag key={b}>{b}</Tag>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
          { key: 'description', label: t('case.description'), span: 'filled' as const, children: <div className="xz-prewrap">{c.description}</div> },
        ]}
      />
    </Card>
  );
}

/** A case found on a visit or a patrol links back to that record. */
function SourceLink({ c }: { c: CaseDetail }) {
  const t = useT();
  const visitId = typeof c.details?.visitId === 'string' ? c.details.visitId : null;
  const patrolId = typeof c.details?.patrolId === 'string' ? c.details.patrolId : null;
  // Underlined: a link inside a line of text must not rely on colour alone.
  if (visitId)
    return (
      <Link className="xz-text-link" to={`/visits/log?open=${encodeURIComponent(visitId)}`}>
        {t('case.fromVisit')}
      </Link>
    );
  if (patrolId)
    return (
      <Link className="xz-text-link" to={`/patrols?open=${encodeURIComponent(patrolId)}`}>
        {t('case.fromPatrol')}
      </Link>
    );
  return null;
}

/** One line on what the case waits for, above the buttons (or why there are none). */
function HandleIntro({ c }: { c: CaseDetail }) {
  const t = useT();
  const text =
    c.status === 'rejected'
      ? t('case.handle.rejected')
      : c.status === 'archived'
        ? t('case.handle.archived')
        : c.status === 'merged'
          ? t('case.handle.merged')
          : c.actions.length
            ? null
            : t('case.handle.none');
  return text ? <Alert type="info" showIcon title={text} style={{ marginBottom: c.actions.length ? 12 : 0 }} /> : null;
}

/** 当事人, 风险等级 and 调解情况 (sessions so far, the outcome, whether it was revisited) of a dispute. */
function disputeFacts(c: CaseDetail, t: ReturnType<typeof useT>) {
  const parties = c.details?.parties ?? [];
  const risk = c.details?.riskLevel;
  const sessions = c.history.filter((h) => h.action === 'mediate').length;
  const outcome = [...c.history].reverse().find((h) => h.action === 'resolve')?.data?.outcome;
  const revisits = c.history.filter((h) => h.action === 'revisit').length;
  return [
    {
      key: 'parties',
      label: t('case.parties'),
      span: 2,
      children: parties.length ? (
        <Space size={[12, 4]} wrap>
          {parties.map((p, i) => (
            <span key={i}>
              {p.name}
              <span className="xz-muted">
                （{t(p.side === 'respondent' ? 'case.party.respondent' : p.side === 'applicant' ? 'case.party.applicant' : 'case.party.other')}
                {p.phone ? ` · ${p.phone}` : ''}）
              </span>
            </span>
          ))}
        </Space>
      ) : (
        '—'
      ),
    },
    {
      key: 'risk',
      label: t('case.risk'),
      children: risk ? <Tag color={risk === 'high' ? 'red' : risk === 'medium' ? 'orange' : 'green'}>{t(`case.risk.${risk}`)}</Tag> : '—',
    },
    {
      key: 'mediation',
      label: t('case.mediation'),
      children: (
        <Space size={6} wrap>
          {sessions ? <span>{t('case.mediation.count', { n: sessions })}</span> : <span className="xz-muted">{t('case.mediation.none')}</span>}
          {(outcome === 'agreement' || outcome === 'terminated') && (
            <Tag color={outcome === 'agreement' ? 'green' : 'default'}>{t(`case.outcome.${outcome}`)}</Tag>
          )}
          {revisits > 0 && <Tag color="blue">{t('case.revisited')}</Tag>}
        </Space>
      ),
    },
  ];
}

/** 党员代办's six steps (受理、核实、告知、上报、代理、反馈) and how far the case has come. */
function ServiceSteps({ c }: { c: CaseDetail }) {
  const t = useT();
  const next = nextServiceStep(c);
  const current = next ? SERVICE_STEPS.indexOf(next as (typeof SERVICE_STEPS)[number]) : SERVICE_STEPS.length;
  return (
    <Card title={t('case.steps')} variant="borderless" extra={!next && <Tag color="green">{t('case.steps.done')}</Tag>}>
      <Steps size="small" current={current} items={SERVICE_STEPS.map((s) => ({ title: s }))} />
    </Card>
  );
}

/** 一案一卷: the case with its parties, every step and its files as one spreadsheet. */
function ExportButton({ c }: { c: CaseDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      await exportCaseFile(c.id, `案卷_${c.seq}.xlsx`);
      message.success(t('case.exported'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={t('case.exportFile.tip')} placement="bottomRight">
      <Button icon={<DownloadOutlined />} loading={busy} onClick={go}>
        {t('case.exportFile')}
      </Button>
    </Tooltip>
  );
}
