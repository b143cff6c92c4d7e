// The case's history as a timeline: what was done, by whom and in what role (系统 for the sweeper), when, the note, and
// the status change.
import { Link } from 'react-router-dom';
import type { ReactNode } from 'react';
import { Tag, Timeline } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { CaseDetail, HistoryEntry } from '../../api/cases';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { Stars, StatusTag } from './CaseTags';
import { useCaseLabels } from '../../lib/caseLabels';

const COLOR: Record<string, string> = {
  report: 'blue',
  accept: 'blue',
  dispatch: 'blue',
  start: 'blue',
  resolve: 'green',
  rate: 'green',
  archive: 'gray',
  verify: 'green',
  reject: 'red',
  card_red: 'red',
  card_yellow: '#d48806',
  escalate: '#d46b08',
  supervise: '#d46b08',
  return: '#d46b08',
  reopen: '#d46b08',
  request_extension: 'gray',
  approve_extension: 'green',
  deny_extension: 'red',
  copy: 'gray',
  note: 'gray',
  step: 'blue',
  mediate: 'blue',
  revisit: 'green',
  attach: 'gray',
};

export function CaseTimeline({ c }: { c: CaseDetail }) {
  const t = useT();
  const f = useFormat();
  const label = useCaseLabels();

  /** The person a step names: the server keeps the name with the step; older steps fall back to who the case knows now. */
  const nameOf = (userId: unknown, stored: unknown) => {
    if (typeof stored === 'string' && stored) return stored;
    if (typeof userId !== 'string') return null;
    if (userId === c.assigneeId && c.assigneeName) return c.assigneeName;
    return c.copies.find((x) => x.userId === userId)?.name ?? null;
  };

  const detail = (h: HistoryEntry): ReactNode[] => {
    const d = h.data ?? {};
    const out: ReactNode[] = [];
    if (h.action === 'dispatch') {
      const n = typeof d.unit === 'string' ? d.unit : nameOf(d.assigneeId, d.assigneeName);
      if (n) out.push(t('case.timeline.to', { name: n }));
    }
    if (h.action === 'copy') {
      const n = nameOf(d.userId, d.userName);
      if (n) out.push(t('case.timeline.copyTo', { name: n }));
    }
    if (h.action === 'escalate' && typeof d.toRegionName === 'string') {
      out.push(
        [
          t('case.timeline.escalateTo', { name: d.toRegionName }),
          d.skip ? `（${t('case.timeline.skip')}）` : '',
          d.automatic ? `（${t('case.timeline.auto')}）` : '',
        ].join(''),
      );
    }
    if ((h.action === 'request_extension' || h.action === 'approve_extension') && typeof d.days === 'number') out.push(t('case.timeline.days', { n: d.days }));
    if (h.action === 'step' && typeof d.step === 'string')
      out.push(
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {d.step}
        </Tag>,
      );
    if (h.action === 'mediate' && typeof d.place === 'string' && d.place) out.push(`${t('caseAction.place')}：${d.place}`);
    // 合并: each timeline leads to the other case.
    if (h.action === 'merge' && typeof d.intoId === 'string')
      out.push(
        <Link to={`/cases/${encodeURIComponent(d.intoId)}`}>{`${t('caseAction.mergeInto')} ${String(d.intoSeq ?? '')} ${String(d.intoTitle ?? '')}`}</Link>,
      );
    if (h.action === 'merge_in' && typeof d.fromId === 'string')
      out.push(<Link to={`/cases/${encodeURIComponent(d.fromId)}`}>{`${String(d.fromSeq ?? '')} ${String(d.fromTitle ?? '')}`}</Link>);
    if (h.action === 'resolve' && (d.outcome === 'agreement' || d.outcome === 'terminated')) {
      out.push(
        <Tag color={d.outcome === 'agreement' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
          {t(`case.outcome.${d.outcome}`)}
        </Tag>,
      );
    }
    return out;
  };

  const items = c.history.map((h, i) => {
    const extra = detail(h);
    const rating = h.action === 'rate' && typeof h.data?.rating === 'number' ? h.data.rating : null;
    const changed = h.from !== null && h.from !== h.to;
    return {
      key: i,
      color: COLOR[h.action] ?? 'gray',
      content: (
        <div className="xz-step">
          <div className="xz-step-head">
            <strong className="xz-step-action">{label.action(h.action)}</strong>
            <span className="xz-step-who">
              {h.by ? h.byName || t('common.none') : t('case.system')}
              {h.by && h.byRole && <span className="xz-muted">（{h.byRole}）</span>}
            </span>
            <time className="xz-muted" dateTime={h.at}>
              {f.dateTime(h.at)}
            </time>
          </div>
          {(changed || h.action === 'report' || extra.length > 0 || rating) && (
            <div className="xz-step-line">
              {h.action === 'report' && <StatusTag status={h.to} />}
              {changed && (
                <>
                  {h.from && <StatusTag status={h.from} />}
                  <ArrowRightOutlined className="xz-muted" aria-label="→" />
                  <StatusTag status={h.to} />
                </>
              )}
              {extra.map((x, k) => (
                <span key={k}>{x}</span>
              ))}
              {rating && <Stars value={rating} />}
            </div>
          )}
          {h.note && <div className="xz-step-note">{h.note}</div>}
        </div>
      ),
    };
  });
  return <Timeline items={items} />;
}
