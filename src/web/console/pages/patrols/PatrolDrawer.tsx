// One patrol: the facts, then the checklist results by category — problem items stand out with their note and the
// case each became.
import { Link } from 'react-router-dom';
import { Alert, Descriptions, Drawer, Skeleton, Tag } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { usePatrol, type PatrolResult } from '../../api/patrols';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PATROL_KIND_COLOR, useVisitLabels } from '../../lib/visitLabels';

export function PatrolDrawer({ id, place, onClose }: { id?: string; place: (regionId: string, name: string) => string; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const label = useVisitLabels();
  const errorText = useErrorText();
  const q = usePatrol(id);
  const p = q.data;
  const missing = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403);
  const groups = new Map<string, PatrolResult[]>();
  for (const r of p?.results ?? []) groups.set(r.category, [...(groups.get(r.category) ?? []), r]);
  const title = p
    ? t('patrols.drawer.title', { kind: label.kind(p.kind), place: place(p.regionId, p.regionName), date: label.day(p.patrolDate) })
    : t('patrols.drawer');

  return (
    <Drawer open={!!id} onClose={onClose} size={640} title={title} destroyOnHidden>
      {q.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {q.error && <Alert type={missing ? 'warning' : 'error'} showIcon title={missing ? t('patrols.notFound') : errorText(q.error)} />}
      {p && (
        <div className="xz-drawer-body">
          <Descriptions
            column={2}
            size="small"
            styles={{ label: { width: 84, color: '#666666' } }}
            items={[
              {
                key: 'kind',
                label: t('patrols.col.kind'),
                children: (
                  <Tag color={PATROL_KIND_COLOR[p.kind]} style={{ marginInlineEnd: 0 }}>
                    {label.kind(p.kind)}
                  </Tag>
                ),
              },
              { key: 'place', label: t('patrols.col.place'), children: place(p.regionId, p.regionName) || '—' },
              { key: 'at', label: t('patrols.col.at'), children: f.dateTime(p.patrolledAt) },
              { key: 'period', label: t('patrols.period'), children: label.patrolPeriod(p.kind, p.periodKey, periodEndOf(p.kind, p.periodKey)) },
              { key: 'who', label: t('patrols.col.patroller'), children: p.patrollerName || '—' },
              {
                key: 'result',
                label: t('patrols.col.result'),
                children: p.problems ? (
                  <span className="xz-danger-text">{t('patrols.result.problems', { n: p.problems })}</span>
                ) : (
                  <span className="xz-ok-text">{t('patrols.result.ok', { n: p.results.length })}</span>
                ),
              },
              ...(p.note ? [{ key: 'note', label: t('patrols.note'), span: 2, children: <div className="xz-prewrap">{p.note}</div> }] : []),
              ...(p.location
                ? [
                    {
                      key: 'location',
                      label: t('visitLog.location'),
                      span: 2,
                      children: t('visitLog.location.value', { lat: p.location.latitude.toFixed(5), lng: p.location.longitude.toFixed(5) }),
                    },
                  ]
                : []),
            ]}
          />
          <h3 className="xz-checklist-title">{t('patrols.results', { n: p.results.length, c: groups.size })}</h3>
          {[...groups.entries()].map(([category, rows]) => {
            const bad = rows.filter((r) => !r.ok).length;
            return (
              <section key={category} className="xz-check-group" aria-label={category}>
                <div className="xz-check-group-head">
                  <span className="xz-check-group-name">{category}</span>
                  {bad ? (
                    <span className="xz-danger-text">{t('patrols.group.problems', { n: bad })}</span>
                  ) : (
                    <span className="xz-muted">{t('patrols.group.ok')}</span>
                  )}
                </div>
                <ul className="xz-check-list">
                  {rows.map((r) => (
                    <li key={r.code} className={r.ok ? 'xz-check-item' : 'xz-check-item xz-check-problem'}>
                      <div className="xz-check-line">
                        {r.ok ? (
                          <CheckCircleFilled className="xz-check-ok-icon" aria-hidden />
                        ) : (
                          <ExclamationCircleFilled className="xz-check-bad-icon" aria-hidden />
                        )}
                        <span className="xz-check-name">{r.name}</span>
                        {r.ok ? (
                          <span className="xz-muted xz-check-word">{t('patrols.item.ok')}</span>
                        ) : (
                          <Tag color="red" className="xz-mini-tag">
                            {t('patrols.item.problem')}
                          </Tag>
                        )}
                      </div>
                      {!r.ok && (
                        <div className="xz-check-note">
                          {r.note && <div className="xz-prewrap">{r.note}</div>}
                          {r.caseId ? (
                            <Link to={`/cases/${r.caseId}`}>{t('patrols.item.viewCase')}</Link>
                          ) : (
                            <span className="xz-muted">{t('patrols.item.noCase')}</span>
                          )}
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </Drawer>
  );
}

/** The last day of a patrol period from its key (the day itself; the 14th or the month's end; a quarter's key has none). */
function periodEndOf(kind: string, key: string): string {
  if (kind === 'daily') return key;
  if (kind !== 'fortnightly') return '';
  const [y, m, d] = key.split('-').map(Number);
  if (d < 15) return `${key.slice(0, 8)}14`;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${key.slice(0, 8)}${String(last).padStart(2, '0')}`;
}
