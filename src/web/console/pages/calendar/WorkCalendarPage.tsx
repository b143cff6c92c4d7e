// 工作日历 (administrators): a year's days off and 调休 working days as twelve small months,
// filled from the State Council's notice or day by day; saving recomputes open cases' limits.
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { SaveOutlined, SnippetsOutlined, UndoOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PageContainer } from '../../components/PageContainer';
import { useSession } from '../../layout/session';
import { useErrorText } from '../../api/errors';
import { calendarKeys, saveWorkYear, useCalendarOverview, useWorkYear, type WorkYear } from '../../api/calendar';
import { isWeekend } from '../../../../shared/work-calendar';
import type { ParsedNotice } from '../../../../shared/holiday-notice';
import { nextKind, rangesText, sameDraft, setKind, type DayKind, type Draft } from './days';
import { MonthGrid } from './MonthGrid';
import { NoticeImportModal } from './NoticeImportModal';
import './calendar.css';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const toDraft = (y: WorkYear): Draft => ({ holidays: new Set(y.holidays), workdays: new Set(y.workdays), names: y.names });

export default function WorkCalendarPage() {
  const t = useT();
  const { can } = useSession();
  const admin = can('calendar.manage');
  const [params, setParams] = useSearchParams();
  const overview = useCalendarOverview(admin);
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || overview.data?.provisional[0] || thisYear;
  if (!admin) return <Result status="403" title={t('calendar.noAccess')} />;
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, year])].sort();
  return (
    <PageContainer
      title={t('calendar.title')}
      subTitle={t('calendar.sub')}
      extra={
        <Select
          aria-label={t('calendar.year')}
          value={year}
          style={{ width: 120 }}
          onChange={(y) => setParams({ year: String(y) })}
          options={years.map((y) => ({ value: y, label: t('calendar.yearOption', { year: y }) }))}
        />
      }
    >
      <YearEditor key={year} year={year} />
    </PageContainer>
  );
}

function YearEditor({ year }: { year: number }) {
  const t = useT();
  const f = useFormat();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const q = useWorkYear(year);
  const saved = useMemo(() => (q.data ? toDraft(q.data) : null), [q.data]);
  const [edited, setEdited] = useState<Draft | null>(null);
  const [pasting, setPasting] = useState(false);
  const [saving, setSaving] = useState(false);
  const draft = edited ?? saved;
  const dirty = !!edited && !!saved && !sameDraft(edited, saved);

  const toggle = useCallback(
    (date: string, kind: DayKind) => {
      setEdited((d) => (d ?? saved) && setKind((d ?? saved)!, date, nextKind(date, kind)));
    },
    [saved],
  );

  const apply = (p: ParsedNotice) => {
    setEdited({ holidays: new Set(p.holidays), workdays: new Set(p.workdays.filter((d) => isWeekend(d) && !p.holidays.includes(d))), names: p.names });
  };

  const save = () => {
    if (!draft) return;
    modal.confirm({
      title: t('calendar.confirmSave.title', { year }),
      content: t('calendar.confirmSave.body'),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setSaving(true);
        try {
          const r = await saveWorkYear(year, { holidays: [...draft.holidays], workdays: [...draft.workdays], names: draft.names });
          qc.setQueryData(calendarKeys.year(year), r);
          await qc.invalidateQueries({ queryKey: calendarKeys.all });
          await qc.invalidateQueries({ queryKey: ['cases'] });
          setEdited(null);
          message.success(t('calendar.saved', { n: r.casesRecomputed }));
        } catch (err) {
          message.error(errorText(err));
        } finally {
          setSaving(false);
        }
      },
    });
  };

  if (q.isError)
    return (
      <Card variant="borderless">
        <Alert type="error" showIcon title={errorText(q.error)} />
      </Card>
    );
  if (q.isLoading || !draft || !saved || !q.data)
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  const y = q.data;
  const status =
    y.source === 'provisional' ? (
      <Tag className="xz-tag-provisional">{t('calendar.status.provisional')}</Tag>
    ) : y.origin === 'entered' ? (
      <Tag color="success">{t('calendar.status.entered')}</Tag>
    ) : (
      <Tag color="blue">{t('calendar.status.shipped')}</Tag>
    );
  const byName = new Map<string, string[]>();
  for (const d of [...draft.holidays].sort()) {
    const n = draft.names[d] ?? '';
    if (n) byName.set(n, [...(byName.get(n) ?? []), d]);
  }

  return (
    <Card variant="borderless">
      <div className="xz-cal-toolbar">
        <Space size={12} wrap>
          {status}
          {y.origin === 'entered' && y.updatedAt && <span className="xz-muted">{t('calendar.updatedAt', { time: f.dateTime(y.updatedAt) })}</span>}
          <Typography.Text strong={dirty} type={dirty ? 'warning' : undefined}>
            {t(dirty ? 'calendar.dirty' : 'calendar.summary', { holidays: draft.holidays.size, workdays: draft.workdays.size })}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<SnippetsOutlined />} onClick={() => setPasting(true)}>
            {t('calendar.paste')}
          </Button>
          {dirty && (
            <Button icon={<UndoOutlined />} onClick={() => setEdited(null)}>
              {t('calendar.reset')}
            </Button>
          )}
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={saving} onClick={save}>
            {t('calendar.save', { year })}
          </Button>
        </Space>
      </div>
      {byName.size > 0 ? (
        <div className="xz-cal-names">
          {[...byName].map(([n, ds]) => (
            <Tag key={n} color="red" variant="outlined">
              {n}：{rangesText(ds)}
            </Tag>
          ))}
          {draft.workdays.size > 0 && (
            <Tag color="blue" variant="outlined">
              {t('calendar.legend.workday')}：{rangesText([...draft.workdays])}
            </Tag>
          )}
        </div>
      ) : (
        draft.holidays.size === 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: '0 0 12px' }}>
            {t('calendar.noHolidays')}
          </Typography.Paragraph>
        )
      )}
      <div className="xz-cal-toolbar">
        <div className="xz-cal-legend">
          <span>
            <i className="xz-cal-swatch xz-cal-holiday" />
            {t('calendar.legend.holiday')}
          </span>
          <span>
            <i className="xz-cal-swatch xz-cal-workday" />
            {t('calendar.legend.workday')}
          </span>
          <span>
            <i className="xz-cal-swatch xz-cal-weekend" />
            {t('calendar.legend.weekend')}
          </span>
          <span>
            <i className="xz-cal-swatch xz-cal-changed" />
            {t('calendar.legend.changed')}
          </span>
        </div>
        <span className="xz-muted" style={{ fontSize: 13 }}>
          {t('calendar.clickHint')}
        </span>
      </div>
      <div className="xz-cal-months">
        {MONTHS.map((m) => (
          <MonthGrid key={m} year={year} month={m} draft={draft} saved={saved} onToggle={toggle} readOnly={saving} />
        ))}
      </div>
      <NoticeImportModal year={year} open={pasting} onClose={() => setPasting(false)} onApply={apply} />
    </Card>
  );
}
