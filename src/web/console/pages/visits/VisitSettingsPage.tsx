// 走访巡查设置 (administrators): the visit rules that make the monthly plans, and the patrol checklist.
import { Card, Result, Tabs } from 'antd';
import { useT } from '../../i18n';
import { PageContainer } from '../../components/PageContainer';
import { useUrlFilters } from '../../components/useUrlFilters';
import { useSession } from '../../layout/session';
import { VisitRulesPanel } from './VisitRulesPanel';
import { ChecklistPanel } from './ChecklistPanel';

const KEYS = ['tab'] as const;

export default function VisitSettingsPage() {
  const t = useT();
  const { can } = useSession();
  const { filter, update } = useUrlFilters<{ tab?: string; page: number; pageSize: number }>(KEYS, { tab: 'rules' });
  const tab = filter.tab === 'checklist' ? 'checklist' : 'rules';
  if (!can('visit.settings')) return <Result status="403" title={t('visitSettings.noAccess')} />;
  return (
    <PageContainer title={t('visitSettings.title')}>
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k })}
          items={[
            { key: 'rules', label: t('visitSettings.tab.rules') },
            { key: 'checklist', label: t('visitSettings.tab.checklist') },
          ]}
        />
        {tab === 'rules' ? <VisitRulesPanel /> : <ChecklistPanel />}
      </Card>
    </PageContainer>
  );
}
