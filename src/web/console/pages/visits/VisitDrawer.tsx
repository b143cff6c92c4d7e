// One visit: who was visited and by whom, what was found (情况, 诉求, 跟进), its photos, and the case it became.
import { Link } from 'react-router-dom';
import { Alert, Descriptions, Drawer, Image, Skeleton, Tag } from 'antd';
import { useVisit, visitPhotoUrl } from '../../api/visits';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useVisitLabels } from '../../lib/visitLabels';

export function VisitDrawer({ id, place, onClose }: { id?: string; place: (regionId: string, name: string) => string; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const label = useVisitLabels();
  const errorText = useErrorText();
  const q = useVisit(id);
  const v = q.data;
  const missing = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403);
  const title = v ? t('visitLog.drawer.title', { name: v.headName ?? v.address }) : t('visitLog.drawer');
  const photos = v?.attachments.filter((a) => a.mime.startsWith('image/')) ?? [];
  const text = (s: string | null) => (s ? <div className="xz-prewrap">{s}</div> : <span className="xz-muted">{t('visitLog.none')}</span>);

  return (
    <Drawer open={!!id} onClose={onClose} size={600} title={title} destroyOnHidden>
      {q.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {q.error && <Alert type={missing ? 'warning' : 'error'} showIcon title={missing ? t('visitLog.notFound') : errorText(q.error)} />}
      {v && (
        <div className="xz-drawer-body">
          <Descriptions
            column={2}
            size="small"
            styles={{ label: { width: 84, color: '#666666' } }}
            items={[
              { key: 'at', label: t('visitLog.col.at'), children: f.dateTime(v.visitedAt) },
              { key: 'method', label: t('visitLog.col.method'), children: label.method(v.method) },
              {
                key: 'address',
                label: t('visits.col.address'),
                span: 2,
                children: <Link to={`/registry/households/${v.householdId}`}>{v.address || '—'}</Link>,
              },
              { key: 'head', label: t('visitLog.head'), children: v.headName ?? '—' },
              { key: 'subject', label: t('visitLog.subject'), children: v.residentName ?? t('visits.wholeHousehold') },
              { key: 'grid', label: t('visits.col.grid'), children: place(v.regionId, v.regionName) || '—' },
              { key: 'visitor', label: t('visitLog.col.visitor'), children: v.visitorName || '—' },
              ...(v.location
                ? [
                    {
                      key: 'location',
                      label: t('visitLog.location'),
                      span: 2,
                      children: t('visitLog.location.value', { lat: v.location.latitude.toFixed(5), lng: v.location.longitude.toFixed(5) }),
                    },
                  ]
                : []),
            ]}
          />
          <section className="xz-drawer-section" aria-label={t('visitLog.situation')}>
            <h3>{t('visitLog.situation')}</h3>
            {text(v.situation)}
          </section>
          <section className="xz-drawer-section" aria-label={t('visitLog.needs')}>
            <h3>{t('visitLog.needs')}</h3>
            {text(v.needs)}
          </section>
          <section className="xz-drawer-section" aria-label={t('visitLog.followUp')}>
            <h3>{t('visitLog.followUp')}</h3>
            {text(v.followUp)}
          </section>
          <section className="xz-drawer-section" aria-label={t('visitLog.outcomeSection')}>
            <h3>{t('visitLog.outcomeSection')}</h3>
            {v.caseId ? (
              <span className="xz-inline">
                <Tag color="orange">{t('visitLog.problem')}</Tag>
                <Link to={`/cases/${v.caseId}`}>{t('visitLog.viewCase')}</Link>
              </span>
            ) : v.problem ? (
              <span className="xz-inline">
                <Tag color="orange">{t('visitLog.problem')}</Tag>
                <span className="xz-muted">{t('visitLog.noCase')}</span>
              </span>
            ) : (
              <span className="xz-muted">{t('visitLog.noProblem')}</span>
            )}
          </section>
          {photos.length > 0 && (
            <section className="xz-drawer-section" aria-label={t('visitLog.photos')}>
              <h3>{t('visitLog.photos')}</h3>
              <div className="xz-files">
                <Image.PreviewGroup>
                  {photos.map((a) => (
                    <figure key={a.id} className="xz-photo">
                      <Image src={visitPhotoUrl(v.id, a.id)} alt={a.name} width={120} height={90} style={{ objectFit: 'cover', borderRadius: 6 }} />
                      <figcaption className="xz-muted" title={a.name}>
                        {f.dateTimeShort(a.createdAt)}
                      </figcaption>
                    </figure>
                  ))}
                </Image.PreviewGroup>
              </div>
            </section>
          )}
        </div>
      )}
    </Drawer>
  );
}
