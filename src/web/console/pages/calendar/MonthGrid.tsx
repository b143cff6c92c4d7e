// One small month of the work calendar: Monday first, each day a button that switches its kind.
import { memo } from 'react';
import { useI18n } from '../../i18n';
import { isWeekend, WEEKDAY_ZH, weekdayOf } from '../../../../shared/work-calendar';
import { kindOf, type DayKind, type Draft } from './days';

const HEAD = { 'zh-CN': ['一', '二', '三', '四', '五', '六', '日'], 'en-US': ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] };
const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

export const MonthGrid = memo(function MonthGrid({
  year,
  month,
  draft,
  saved,
  onToggle,
  readOnly,
}: {
  year: number;
  month: number;
  draft: Draft;
  saved: Draft;
  onToggle: (date: string, kind: DayKind) => void;
  readOnly: boolean;
}) {
  const { t, locale } = useI18n();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const first = weekdayOf(`${year}-${pad(month)}-01`)!;
  const lead = (first + 6) % 7; // Monday first
  const dates = Array.from({ length: days }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`);
  return (
    <section className="xz-cal-month" aria-label={t('calendar.month', { m: month })}>
      <h3 className="xz-cal-month-title">{t('calendar.month', { m: month })}</h3>
      <div className="xz-cal-grid" role="presentation">
        {HEAD[locale].map((h, i) => (
          <span key={h} className={`xz-cal-head${i >= 5 ? ' xz-cal-head-weekend' : ''}`} aria-hidden>
            {h}
          </span>
        ))}
        {lead > 0 && <span style={{ gridColumn: `span ${lead}` }} aria-hidden />}
        {dates.map((date) => {
          const kind = kindOf(draft, date);
          const changed = kind !== kindOf(saved, date);
          const weekend = isWeekend(date);
          const name = draft.names[date] ? `（${draft.names[date]}）` : '';
          const label = locale === 'zh-CN' ? `${month}月${Number(date.slice(8))}日${WEEKDAY_ZH[weekdayOf(date)!]}` : `${WEEKDAY_EN[weekdayOf(date)!]} ${date}`;
          const title =
            kind === 'holiday'
              ? t('calendar.day.holiday', { date: label, name })
              : kind === 'workday'
                ? t('calendar.day.workday', { date: label, name })
                : t(weekend ? 'calendar.day.weekend' : 'calendar.day.normal', { date: label });
          return (
            <button
              key={date}
              type="button"
              title={title}
              aria-label={title}
              disabled={readOnly}
              data-date={date}
              data-kind={kind}
              className={`xz-cal-day xz-cal-${kind}${weekend ? ' xz-cal-weekend' : ''}${changed ? ' xz-cal-changed' : ''}`}
              onClick={() => onToggle(date, kind)}
            >
              <span className="xz-cal-num">{Number(date.slice(8))}</span>
              {kind !== 'normal' && (
                <span className="xz-cal-mark" aria-hidden>
                  {kind === 'holiday' ? '休' : '班'}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </section>
  );
});
