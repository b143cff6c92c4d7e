import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tag } from 'antd';
import { EditOutlined, PhoneOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { useHousehold, type Resident } from '../../api/households';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PageContainer } from '../../components/PageContainer';
import { HouseholdEditModal } from './HouseholdEditModal';
import { ResidentModal } from './ResidentModal';
import { ResidentTable } from './ResidentTable';

export default function HouseholdDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const h = useHousehold(id);
  const listSearch = (useLocation().state as { listSearch?: string } | null)?.listSearch ?? '';
  const listPath = `/registry/households${listSearch}`;
  const [editing, setEditing] = useState(false);
  const [resident, setResident] = useState<Resident | 'new' | null>(null);

  if (h.isPending)
    return (
      <PageContainer title={<Skeleton.Input active size="small" />}>
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </PageContainer>
    );
  if (h.error || !h.data) {
    const notFound = h.error instanceof ApiError && (h.error.status === 404 || h.error.status === 403);
    return (
      <PageContainer title={t('household.notFound')} crumbs={[{ title: t('household.notFound') }]}>
        <Card variant="borderless">
          <Result
            status={notFound ? '404' : 'warning'}
            title={notFound ? t('household.notFound') : t('common.loadFailed')}
            subTitle={notFound ? t('household.notFound.desc') : errorText(h.error)}
            extra={
              <Button type="primary" onClick={() => navigate(listPath)}>
                {t('household.backToList')}
              </Button>
            }
          />
        </Card>
      </PageContainer>
    );
  }
  const d = h.data;
  const canEdit = d.abilities.includes('household.update');
  const canReveal = d.abilities.includes('resident.revealId');

  return (
    <PageContainer
      title={d.address}
      subTitle={[d.villageName, d.gridName].filter(Boolean).join(' / ')}
      crumbs={[{ title: d.address }]}
      parentPath={listPath}
      extra={
        canEdit ? (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('household.edit')}
            </Button>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setResident('new')}>
              {t('household.addResident')}
            </Button>
          </Space>
        ) : (
          <Tag>{t('household.readonly')}</Tag>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('household.facts')} variant="borderless">
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            styles={{ label: { width: 100, color: '#666666' } }}
            items={[
              { key: 'head', label: t('household.head'), children: d.headName ?? '—' },
              { key: 'phone', label: t('household.phone'), children: d.phone ?? '—' },
              { key: 'count', label: t('household.count'), children: t('households.people', { n: f.num(d.residents.length) }) },
              { key: 'village', label: t('household.village'), children: d.villageName || '—' },
              { key: 'grid', label: t('household.grid'), children: d.gridName || '—' },
              { key: 'address', label: t('household.address'), children: d.address },
              { key: 'created', label: t('household.createdAt'), children: f.date(d.createdAt) },
              { key: 'updated', label: t('household.updatedAt'), children: f.dateTime(d.updatedAt) },
            ]}
          />
        </Card>
        <Card
          title={
            <span>
              {t('household.residents')} <span className="xz-total">{t('households.people', { n: d.residents.length })}</span>
            </span>
          }
          variant="borderless"
        >
          {canReveal && d.residents.length > 0 && <Alert type="info" showIcon title={t('household.revealNote')} style={{ marginBottom: 12 }} />}
          {d.residents.length ? (
            <ResidentTable residents={d.residents} headId={d.headResidentId} canReveal={canReveal} canEdit={canEdit} onEdit={setResident} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('household.residents.empty')} />
          )}
        </Card>
        <Card title={t('household.partyMembers')} variant="borderless">
          {d.partyMembers.length ? (
            <ul className="xz-party-list">
              {d.partyMembers.map((p) => (
                <li key={p.userId}>
                  <UserOutlined style={{ color: '#a8071a' }} aria-hidden />
                  <strong>{p.name}</strong>
                  <span className="xz-muted">
                    <PhoneOutlined aria-hidden /> {p.phone}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <span className="xz-muted">{t('household.partyMembers.empty')}</span>
          )}
        </Card>
        <Link to={listPath}>{t('household.backToList')}</Link>
      </Space>
      {editing && <HouseholdEditModal householdId={d.id} onClose={() => setEditing(false)} />}
      {resident && <ResidentModal householdId={d.id} resident={resident === 'new' ? undefined : resident} onClose={() => setResident(null)} />}
    </PageContainer>
  );
}
