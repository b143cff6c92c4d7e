// Status and urgency as colour and words together: 状态 tag, 黄牌 gold / 红牌 red tag, 逾期 red text with how long.
import dayjs from 'dayjs';
import { Space, Tag, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import type { CaseItem } from '../../api/cases';
import { useT } from '../../i18n';
import { OPEN_STATUSES, STATUS_COLOR, useCaseLabels } from '../../lib/caseLabels';

const DAY = 24 * 3600_000;

export function StatusTag({ status }: { status: CaseItem['status'] }) {
  const label = useCaseLabels();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label.status(status)}
    </Tag>
  );
}

export function CardTag({ card }: { card: CaseItem['card'] }) {
  const t = useT();
  if (!card) return null;
  return (
    <Tag color={card === 'red' ? 'red' : 'gold'} style={{ marginInlineEnd: 0 }}>
      {t(card === 'red' ? 'case.card.red' : 'case.card.yellow')}
    </Tag>
  );
}

export type Due = { kind: 'overdue' | 'today' | 'left'; days: number };

/** How the case stands against its time limit; null when it is closed or untimed. The server decides "overdue". */
export function dueOf(c: Pick<CaseItem, 'status' | 'dueAt' | 'overdue'>, now = Date.now()): Due | null {
  if (!OPEN_STATUSES.includes(c.status) || !c.dueAt) return null;
  const ms = Date.parse(c.dueAt) - now;
  if (c.overdue) return { kind: 'overdue', days: Math.max(1, Math.ceil(-ms / DAY)) };
  const days = Math.ceil(ms / DAY);
  if (days <= 0 || (days === 1 && dayjs(c.dueAt).isSame(dayjs(now), 'day'))) return { kind: 'today', days: 0 };
  return { kind: 'left', days };
}

export function DueText({ c, showLeft = true }: { c: Pick<CaseItem, 'status' | 'dueAt' | 'overdue'>; showLeft?: boolean }) {
  const t = useT();
  const due = dueOf(c);
  if (!due) return null;
  if (due.kind === 'overdue')
    return (
      <Typography.Text type="danger" strong style={{ whiteSpace: 'nowrap' }}>
        {t('case.overdue', { n: due.days })}
      </Typography.Text>
    );
  if (due.kind === 'today')
    return (
      <Typography.Text type="warning" strong style={{ whiteSpace: 'nowrap', color: '#ad4e00' }}>
        {t('case.dueToday')}
      </Typography.Text>
    );
  return showLeft ? (
    <span className="xz-muted" style={{ whiteSpace: 'nowrap' }}>
      {t('case.dueIn', { n: due.days })}
    </span>
  ) : null;
}

/** The 黄红牌 cell: the card (if any) and how the time limit stands. */
export function Urgency({ c }: { c: Pick<CaseItem, 'status' | 'dueAt' | 'overdue' | 'card'> }) {
  const due = dueOf(c);
  if (!c.card && !due) return <span className="xz-muted">—</span>;
  return (
    <Space size={[6, 2]} wrap>
      <CardTag card={c.card} />
      <DueText c={c} />
    </Space>
  );
}

/** A rating shown, not asked: the stars as one image named "4 星". */
export function Stars({ value, size = 14 }: { value: number; size?: number }) {
  const t = useT();
  return (
    <span role="img" aria-label={t('case.timeline.stars', { n: value })} className="xz-stars" style={{ fontSize: size }}>
      {[1, 2, 3, 4, 5].map((n) => (
        <StarFilled key={n} style={{ color: n <= value ? '#fadb14' : '#e8e8e8' }} />
      ))}
    </span>
  );
}
