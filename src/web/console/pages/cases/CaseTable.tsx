import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Rate, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { CaseItem } from '../../api/cases';
import { useT, type MessageKey } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { Ellipsis } from '../../components/Ellipsis';
import { EmptyState } from '../../components/EmptyState';
import { StatusTag, Urgency } from './CaseTags';
import { useCaseLabels } from '../../lib/caseLabels';
import { listPagination } from '../../components/pagination';

export interface CaseTableProps {
  rows: CaseItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** The village the list is looking at, whose name need not repeat in every 地点. */
  placeWithin?: string;
  empty: { title: string; hint?: string; action?: ReactNode };
  /** Show the 群众评价 column (lists of finished work: 已办, 我上报的, 差评与回头看, 全部). */
  showRating?: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function CaseTable({ rows, total, page, pageSize, loading, placeWithin, empty, showRating, onPage }: CaseTableProps) {
  const t = useT();
  const f = useFormat();
  const label = useCaseLabels();
  const { search } = useLocation();
  const back = { listSearch: search };
  const dash = <span className="xz-muted">—</span>;
  const columns: TableColumnsType<CaseItem> = [
    {
      // The title with its 编号 underneath: the column people read first gets the room.
      title: `${t('cases.col.title')} / ${t('cases.col.seq')}`,
      dataIndex: 'title',
      ellipsis: { showTitle: false },
      render: (v: string, r) => (
        <div className="xz-case-cell">
          <Link to={`/cases/${r.id}`} state={back}>
            <Ellipsis text={v} />
          </Link>
          <span className="xz-seq-line">
            <span className="xz-seq xz-muted">{r.seq}</span>
            {r.reopened > 0 && (
              <Tooltip title={t('case.reopened', { n: r.reopened })}>
                <Tag color="purple" variant="filled" className="xz-mini-tag">
                  {t('cases.reopened')}
                </Tag>
              </Tooltip>
            )}
          </span>
        </div>
      ),
    },
    {
      title: t('cases.col.category'),
      dataIndex: 'categoryName',
      width: 118,
      ellipsis: { showTitle: false },
      render: (v: string, r) => <Ellipsis text={`${label.type(r.type)} · ${v}`}>{v}</Ellipsis>,
    },
    {
      // Inside a village the village's own name says nothing: "一组网格" rather than "孟家湾村 / 一组网格" (the tooltip keeps it).
      // Across villages the village sits above its grid, so neither is cut off.
      title: t('cases.col.place'),
      dataIndex: 'placeName',
      width: placeWithin ? 88 : 100,
      ellipsis: { showTitle: false },
      render: (v: string) => {
        if (!v) return dash;
        if (placeWithin && v.startsWith(`${placeWithin} / `)) return <Ellipsis text={v}>{v.slice(placeWithin.length + 3)}</Ellipsis>;
        const [village, ...rest] = v.split(' / ');
        return rest.length ? (
          <div className="xz-two-lines">
            <Ellipsis text={v}>{village}</Ellipsis>
            <span className="xz-muted xz-small">
              <Ellipsis text={v}>{rest.join(' / ')}</Ellipsis>
            </span>
          </div>
        ) : (
          <Ellipsis text={v} />
        );
      },
    },
    { title: t('cases.col.status'), dataIndex: 'status', width: 84, render: (v: CaseItem['status']) => <StatusTag status={v} /> },
    // With the rating column the card cell gives up some room (a card and "已逾期 12 天" then wrap onto two lines).
    { title: t('cases.col.card'), key: 'card', width: showRating ? 124 : 146, render: (_: unknown, r) => <Urgency c={r} /> },
    ...(showRating
      ? [
          {
            title: t('cases.col.rating'),
            dataIndex: 'rating',
            width: 84,
            render: (v: number | null, r: CaseItem) => (v ? <RatingStars value={v} comment={r.ratingComment} /> : dash),
          },
        ]
      : []),
    {
      title: t('cases.col.level'),
      dataIndex: 'levelRegionName',
      width: 84,
      ellipsis: { showTitle: false },
      render: (v: string, r) => (v ? <Ellipsis text={`${v}（${label.level(r.levelRegionLevel)}）`}>{v}</Ellipsis> : dash),
    },
    {
      title: t('cases.col.assignee'),
      dataIndex: 'assigneeName',
      width: 76,
      ellipsis: { showTitle: false },
      render: (v: string | null, c) => (v || c.assigneeUnit ? <Ellipsis text={v || c.assigneeUnit!} /> : dash),
    },
    {
      title: t('cases.col.reportedAt'),
      dataIndex: 'reportedAt',
      width: 100,
      render: (v: string) => (
        <Tooltip title={f.dateTime(v)}>
          <span style={{ whiteSpace: 'nowrap' }}>{f.dateShort(v)}</span>
        </Tooltip>
      ),
    },
  ];
  return (
    <Table<CaseItem>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      tableLayout="fixed"
      size="middle"
      scroll={{ x: 880 }}
      locale={{ emptyText: loading ? ' ' : <EmptyState title={empty.title} hint={empty.hint} action={empty.action} /> }}
      pagination={listPagination({ page, pageSize, total, totalText: (n) => t('cases.total', { n: f.num(n) }), onChange: onPage, hideOnSinglePage: false })}
    />
  );
}

/** The reporter's rating as small read-only stars; the words (and the comment, if any) in the tooltip and for screen readers. */
function RatingStars({ value, comment }: { value: number; comment: string | null }) {
  const t = useT();
  const words = t('cases.rating.tip', { n: value, word: t(`cases.rating.word.${value}` as MessageKey) });
  return (
    <Tooltip
      title={
        comment ? (
          <>
            {words}
            <br />“{comment}”
          </>
        ) : (
          words
        )
      }
    >
      <span className="xz-rate-cell">
        {/* antd's Rate is a radio group even when disabled: hidden from screen readers, which read the words instead. */}
        <Rate disabled size="small" value={value} aria-hidden style={value <= 2 ? { color: '#cf1322' } : undefined} />
        <span className="xz-sr-only">{words}</span>
      </span>
    </Tooltip>
  );
}
