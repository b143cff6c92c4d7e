// Small pieces the visit and patrol pages share: the month picker, the reasons for a visit as tags, plan status.
import dayjs from 'dayjs';
import { DatePicker, Tag, Tooltip, Typography } from 'antd';
import { useVisitRules, type PlanItem } from '../../api/visits';
import { useDictionaries } from '../../api/tags';
import { useI18n } from '../../i18n';
import { tagColor, useTagLabel } from '../../components/TagList';
import { PLAN_STATUS_COLOR, useVisitLabels } from '../../lib/visitLabels';

/** A month (YYYY-MM). Months after `max` (the server's current month) have no plan yet and cannot be chosen. */
export function MonthPicker({
  value,
  onChange,
  max,
  allowClear = false,
  placeholder,
  id,
}: {
  value?: string;
  onChange?: (month: string | undefined) => void;
  max?: string;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
}) {
  const { t, locale } = useI18n();
  const last = dayjs(`${max ?? dayjs().format('YYYY-MM')}-01`).endOf('month');
  return (
    <DatePicker
      id={id}
      picker="month"
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM') : undefined)}
      format={locale === 'zh-CN' ? 'YYYY年M月' : 'MMM YYYY'}
      allowClear={allowClear}
      maxDate={last}
      placeholder={placeholder ?? t('visits.month.placeholder')}
      aria-label={t('visits.month')}
      style={{ width: 150 }}
    />
  );
}

/**
 * Why a household is on the plan: each rule as its resident tag (独居老人, in the tag's colour), the rule's full name
 * on hover; a rule for every household shows its own name.
 */
export function ReasonTags({ reasons }: { reasons: string[] }) {
  const rules = useVisitRules();
  const dict = useDictionaries();
  const tagLabel = useTagLabel();
  if (!reasons.length) return <span className="xz-muted">—</span>;
  // The rule of that name; else (rules still loading, or a rule renamed since) the tag its name starts with (独居老人每月必访).
  const tagOf = (name: string) => {
    const rule = rules.data?.find((r) => r.name === name);
    return rule ? rule.tag : (dict.data?.tags.find((x) => name.startsWith(x.zh))?.code ?? null);
  };
  return (
    <span className="xz-reasons">
      {reasons.map((name) => {
        const tag = tagOf(name);
        return (
          <Tooltip key={name} title={name}>
            <Tag color={tag ? tagColor(tag) : 'default'} className="xz-reason-tag">
              {tag ? tagLabel(tag) : name}
            </Tag>
          </Tooltip>
        );
      })}
    </span>
  );
}

/** 待访 / 逾期 / 已访 with what the date means for each: the last day to visit, or the day it was visited. */
export function PlanStatus({ item }: { item: Pick<PlanItem, 'status' | 'periodEnd' | 'visitDate'> }) {
  const { t } = useI18n();
  const label = useVisitLabels();
  return (
    <span className="xz-plan-status">
      <Tag color={PLAN_STATUS_COLOR[item.status]} style={{ marginInlineEnd: 0 }}>
        {label.status(item.status)}
      </Tag>
      {item.status === 'due' && <span className="xz-muted">{t('visits.dueBy', { date: label.day(item.periodEnd) })}</span>}
      {item.status === 'overdue' && <Typography.Text type="danger">{t('visits.overdueSince', { date: label.day(item.periodEnd) })}</Typography.Text>}
    </span>
  );
}
