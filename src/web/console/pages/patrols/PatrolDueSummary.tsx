// 今日应巡查: for the region in view, how today's patrols stand — 日巡查 per grid, 月排查 per village (1st and 15th),
// 季度联查 per township — done against due, and (unfolded) the places not yet patrolled.
import { useState } from 'react';
import { Button, Skeleton, Tag } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { PATROL_KINDS, usePatrolsDue, type PatrolDue, type PatrolKind } from '../../api/patrols';
import { useT, type MessageKey } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useVisitLabels } from '../../lib/visitLabels';

export function PatrolDueSummary({
  regionId,
  regionName,
  place,
}: {
  regionId?: string;
  regionName?: string;
  place: (regionId: string, name: string) => string;
}) {
  const t = useT();
  const f = useFormat();
  const label = useVisitLabels();
  const q = usePatrolsDue(regionId);
  const [open, setOpen] = useState(false);
  const items = q.data ?? [];
  const today = items.find((i) => i.kind === 'daily')?.periodKey;
  const title = t('patrols.due.title', { region: regionName ?? '', day: today ? label.day(today) : t('patrols.due.today') });
  const byKind = PATROL_KINDS.map((kind) => ({ kind, rows: items.filter((i) => i.kind === kind) })).filter((k) => k.rows.length);
  const pending = items.filter((i) => i.status !== 'done');

  if (q.isError && !q.data) {
    return (
      <div className="xz-case-stats xz-case-stats-error" role="alert">
        <span>{t('patrols.due.error')}</span>
        <Button
          size="small"
          type="link"
          onClick={() => {
            void q.refetch();
          }}
        >
          {t('common.retry')}
        </Button>
      </div>
    );
  }
  return (
    <section className={q.isPlaceholderData ? 'xz-case-stats xz-case-stats-stale xz-due' : 'xz-case-stats xz-due'} aria-label={title} aria-busy={q.isFetching}>
      <div className="xz-due-row">
        <div className="xz-case-stats-head">
          <div className="xz-case-stats-title" title={title}>
            {title}
          </div>
          <div className="xz-case-stats-caption">{t('patrols.due.caption')}</div>
        </div>
        {!q.data ? (
          <Skeleton active title={false} paragraph={{ rows: 1, width: '100%' }} className="xz-case-stats-skel" />
        ) : !byKind.length ? (
          <div className="xz-muted xz-due-none">{t('patrols.due.none')}</div>
        ) : (
          <dl className="xz-case-stats-figures">
            {byKind.map(({ kind, rows }) => (
              <KindFigure key={kind} kind={kind} rows={rows} />
            ))}
          </dl>
        )}
        {pending.length > 0 && (
          <Button type="link" size="small" className="xz-due-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? t('patrols.due.hidePending') : t('patrols.due.showPending', { n: f.num(pending.length) })}
            {open ? <UpOutlined /> : <DownOutlined />}
          </Button>
        )}
      </div>
      {open && pending.length > 0 && (
        <div className="xz-due-pending">
          {PATROL_KINDS.flatMap((kind) =>
            (['late', 'due'] as const).map((status) => {
              const rows = pending.filter((i) => i.kind === kind && i.status === status);
              if (!rows.length) return null;
              return (
                <div key={`${kind}-${status}`} className="xz-due-kind">
                  <div className="xz-due-kind-name">
                    {label.kind(kind)}
                    <Tag color={status === 'late' ? 'red' : 'blue'} className="xz-mini-tag">
                      {label.dueStatus(status)} {f.num(rows.length)}
                    </Tag>
                  </div>
                  <ul className="xz-due-list">
                    {byVillage(rows.map((r) => place(r.regionId, r.regionName))).map(([village, names]) => (
                      <li key={village || names.join()}>
                        {village && <span className="xz-due-village">{village}：</span>}
                        <span>{names.join('、')}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            }),
          )}
        </div>
      )}
    </section>
  );
}

/** "坨求河村 / 一组网格" labels as one line per village: [坨求河村, [一组网格, 二组网格]]; plain names share one line. */
function byVillage(labels: string[]): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const l of labels) {
    const at = l.lastIndexOf(' / ');
    const village = at < 0 ? '' : l.slice(0, at);
    out.set(village, [...(out.get(village) ?? []), at < 0 ? l : l.slice(at + 3)]);
  }
  return [...out.entries()];
}

function KindFigure({ kind, rows }: { kind: PatrolKind; rows: PatrolDue[] }) {
  const t = useT();
  const f = useFormat();
  const label = useVisitLabels();
  const done = rows.filter((r) => r.status === 'done').length;
  const late = rows.filter((r) => r.status === 'late').length;
  const due = rows.length - done - late;
  const period = label.patrolPeriod(kind, rows[0].periodKey, rows[0].periodEnd);
  return (
    <div className="xz-case-stats-item" data-stat={kind}>
      <dt>
        {label.kind(kind)}
        <span className="xz-due-period">{period}</span>
      </dt>
      <dd>
        {t('patrols.due.doneOf', { done: f.num(done), total: f.num(rows.length) })}
        <span className="xz-due-unit">{t(`patrols.due.unit.${kind}` as MessageKey)}</span>
        <span className="xz-due-detail">
          {done === rows.length ? (
            <span className="xz-ok-text">{t('patrols.due.allDone')}</span>
          ) : (
            <>
              {due > 0 && <span>{t('patrols.due.dueN', { n: f.num(due) })}</span>}
              {late > 0 && <span className="xz-danger-text">{t('patrols.due.lateN', { n: f.num(late) })}</span>}
            </>
          )}
        </span>
      </dd>
    </div>
  );
}
