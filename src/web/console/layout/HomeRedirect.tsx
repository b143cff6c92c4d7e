import { Navigate } from 'react-router-dom';
import { Card, Result } from 'antd';
import { useT } from '../i18n';
import { useSession } from './session';
import { firstLeaf, visibleMenu } from './menu';

/** "/" opens the first page the user may use. */
export function HomeRedirect() {
  const t = useT();
  const { can } = useSession();
  const leaf = firstLeaf(visibleMenu(can).filter((e) => e.key !== 'system'));
  if (leaf?.path) return <Navigate to={leaf.path} replace />;
  return (
    <Card variant="borderless" style={{ marginTop: 24 }}>
      <Result status="info" title={t('noAccess.title')} subTitle={t('noAccess.desc')} />
    </Card>
  );
}
