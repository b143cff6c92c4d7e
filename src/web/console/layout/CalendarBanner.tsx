// Tells administrators when this year's or next year's work calendar is missing: time limits then count Monday–Friday.
import { Link } from 'react-router-dom';
import { Alert } from 'antd';
import { useT } from '../i18n';
import { useSession } from './session';
import { useCalendarOverview } from '../api/calendar';

export function CalendarBanner() {
  const t = useT();
  const { can } = useSession();
  const admin = can('calendar.manage');
  const q = useCalendarOverview(admin);
  const years = q.data?.provisional ?? [];
  if (!admin || !years.length) return null;
  return (
    <Alert
      className="xz-cal-banner"
      type="warning"
      showIcon
      role="status"
      title={
        <span>
          {t('calendar.banner', { year: years.join('、') })}
          <Link to={`/system/calendar?year=${years[0]}`} style={{ marginLeft: 12 }}>
            {t('calendar.banner.link')}
          </Link>
        </span>
      }
    />
  );
}
