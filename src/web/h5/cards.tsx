// The grid worker's list cards: a household to visit, a patrol due, an open case.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { RightOutline } from 'antd-mobile-icons';
import type { CaseItem } from '../console/api/cases';
import { dayWord } from './labels';
import { StatusTag } from './parts';
import { KIND_WORDS, planWho, shortDay, type PatrolDue, type PlanItem, type PlanStatus } from './work';

const PLAN_TAG: Record<PlanStatus, { word: string; tone: string }> = {
  overdue: { word: '已逾期', tone: 'late' },
  due: { word: '待走访', tone: 'wait' },
  done: { word: '已走访', tone: 'done' },
};
const PATROL_TAG: Record<PatrolDue['status'], { word: string; tone: string }> = {
  late: { word: '未按时', tone: 'late' },
  due: { word: '待巡查', tone: 'wait' },
  done: { word: '已完成', tone: 'done' },
};

export function Tag({ word, tone }: { word: string; tone: string }) {
  return <span className={`xz-status xz-status-${tone}`}>{word}</span>;
}

/** Where a visit for this plan item is recorded (or was). */
export function planLink(i: PlanItem) {
  if (i.visitId) return `/h5/visits/${encodeURIComponent(i.visitId)}`;
  const q = new URLSearchParams({ household: i.householdId });
  if (i.residentId) q.set('resident', i.residentId);
  return `/h5/visits/new?${q}`;
}

/** Saved on this phone, not yet sent: the card says so and opens 待同步 (no second visit by mistake). */
const PENDING_TAG = { word: '待同步', tone: 'work' };
const PENDING_FOOT = '已保存在手机上，联网后自动上报';

export function PlanCard({ item, showGrid, pending }: { item: PlanItem; showGrid?: boolean; pending?: boolean }) {
  const waiting = pending && item.status !== 'done';
  const tag = waiting ? PENDING_TAG : PLAN_TAG[item.status];
  const who = planWho(item);
  return (
    <article className={`xz-card xz-case xz-plan xz-plan-${waiting ? 'pending' : item.status}`}>
      <Link
        to={waiting ? '/h5/outbox' : planLink(item)}
        state={{ reasons: item.reasons, who, address: item.address, grid: item.regionName }}
        className="xz-case-link"
      >
        <span className="xz-case-top">
          <span className="xz-case-title">{who}</span>
          <Tag {...tag} />
        </span>
        <span className="xz-plan-addr">
          {item.address}
          {showGrid && item.placeName ? ` · ${item.placeName}` : ''}
        </span>
        <span className="xz-reasons">
          {item.reasons.map((r) => (
            <span key={r} className="xz-reason">
              {r}
            </span>
          ))}
        </span>
        <span className="xz-plan-foot">
          {waiting ? (
            <span>{PENDING_FOOT}</span>
          ) : item.status === 'done' ? (
            <span>
              {item.visitDate ? `${shortDay(item.visitDate)}已走访` : '已走访'}
              {item.visitorName ? ` · ${item.visitorName}` : ''}
            </span>
          ) : item.status === 'overdue' ? (
            <span className="xz-late-text">应于{shortDay(item.periodEnd)}前走访</span>
          ) : (
            <span>{shortDay(item.periodEnd)}前走访</span>
          )}
          <span className="xz-go">
            {item.status === 'done' || waiting ? '查看' : '去走访'}
            <RightOutline aria-hidden />
          </span>
        </span>
      </Link>
    </article>
  );
}

export function patrolLink(p: PatrolDue) {
  if (p.patrolId) return `/h5/patrols/${encodeURIComponent(p.patrolId)}`;
  return `/h5/patrols/new?${new URLSearchParams({ kind: p.kind, region: p.regionId })}`;
}

export function PatrolDueCard({ p, pending }: { p: PatrolDue; pending?: boolean }) {
  const waiting = pending && p.status !== 'done';
  const tag = waiting ? PENDING_TAG : PATROL_TAG[p.status];
  const title = `${KIND_WORDS[p.kind]} · ${p.regionName}`;
  return (
    <article className={`xz-card xz-case xz-plan xz-plan-${waiting ? 'pending' : p.status === 'late' ? 'overdue' : p.status}`}>
      <Link to={waiting ? '/h5/outbox' : patrolLink(p)} className="xz-case-link">
        <span className="xz-case-top">
          <span className="xz-case-title">{title}</span>
          <Tag {...tag} />
        </span>
        <span className="xz-plan-foot">
          {waiting ? (
            <span>{PENDING_FOOT}</span>
          ) : p.status === 'done' ? (
            <span>已记录，点开查看</span>
          ) : p.status === 'late' ? (
            <span className="xz-late-text">
              应于{shortDay(p.dueOn)}巡查，{shortDay(p.periodEnd)}前可补
            </span>
          ) : (
            <span>{p.kind === 'daily' ? '今天' : `${shortDay(p.dueOn)}起`} · 逐项检查</span>
          )}
          <span className="xz-go">
            {p.status === 'done' || waiting ? '查看' : '开始巡查'}
            <RightOutline aria-hidden />
          </span>
        </span>
      </Link>
    </article>
  );
}

/** A case as a card linking to its page: the title and status, one line of facts, and what follows (time left, a button). */
export function CaseLinkCard({
  c,
  meta,
  inside,
  after,
  className,
}: {
  c: CaseItem;
  meta: ReactNode;
  inside?: ReactNode;
  after?: ReactNode;
  className?: string;
}) {
  return (
    <article className={className ? `xz-card xz-case ${className}` : 'xz-card xz-case'}>
      <Link to={`/h5/cases/${encodeURIComponent(c.id)}`} className="xz-case-link">
        <span className="xz-case-top">
          <span className="xz-case-title">{c.title}</span>
          <StatusTag status={c.status} />
        </span>
        <span className="xz-case-meta">{meta}</span>
        {inside}
      </Link>
      {after}
    </article>
  );
}

/** "类别 · 11月27日上报": the usual line of facts. */
export const caseMeta = (first: string, day: string, verb = '上报') => (
  <>
    <span className="xz-ellipsis">{first}</span>
    <span aria-hidden>·</span>
    <span className="xz-nowrap">
      {dayWord(day)}
      {verb}
    </span>
  </>
);

export function WorkCaseCard({ c }: { c: CaseItem }) {
  return (
    <CaseLinkCard
      c={c}
      meta={
        <>
          {caseMeta(c.categoryName, c.reportedAt)}
          {c.card && <span className={`xz-card-tag xz-card-${c.card}`}>{c.card === 'red' ? '红牌' : '黄牌'}</span>}
        </>
      }
      inside={c.timeLeft && <span className={c.overdue ? 'xz-time-left xz-late-text' : 'xz-time-left'}>{c.timeLeft}</span>}
    />
  );
}
