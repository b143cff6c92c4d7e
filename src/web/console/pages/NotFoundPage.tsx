import { useNavigate } from 'react-router-dom';
import { Button, Result } from 'antd';
import { useT } from '../i18n';

export default function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.notFound.title')}
      subTitle={t('common.notFound.desc')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
      style={{ paddingTop: 80 }}
    />
  );
}
