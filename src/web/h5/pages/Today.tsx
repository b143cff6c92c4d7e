// 今日 (grid worker): today's patrols, this month's visits (overdue first, with why each is due), my open cases.
import { Link } from 'react-router-dom';
import { Button } from 'antd-mobile';
import { RightOutline, SearchOutline } from 'antd-mobile-icons';
import { useMe } from '../data';
import { errorMessage } from '../errors';
import { PageTitle, Skeletons } from '../parts';
import { PatrolDueCard, PlanCard, Tag, WorkCaseCard } from '../cards';
import { OutboxBar, patrolSlot, usePendingWork } from '../sync';
import { dayWithWeekday, KIND_WORDS, useChecklist, usePatrolsDue, usePlan, useTodoCases, type PatrolDue, type PatrolKind } from '../work';

/** How many of each list 今日 shows before "全部". */
const SHOW = 4;

export function TodayPage() {
  const me = useMe().data;
  const patrols = usePatrolsDue();
  const overdue = usePlan('overdue', SHOW);
  const due = usePlan('due', SHOW);
  const done = usePlan('done', 1);
  const todo = useTodoCases(3);
  // Not shown here: kept fresh (and so on the phone) for the 巡查 form when there is no network.
  useChecklist();
  const pendingWork = usePendingWork();
  const patrolPending = (p: PatrolDue) => pendingWork.patrols.has(patrolSlot(p.kind, p.regionId, p.periodKey));

  const places = [...new Set(me?.roles.filter((r) => r.role === 'grid_worker' || r.role === 'village_cadre').map((r) => r.placeName))];
  // The server's calendar day (its clock decides what is due), from today's patrols.
  const today = patrols.data?.find((p) => p.kind === 'daily')?.dueOn;

  const planReady = overdue.data && due.data && done.data;
  const planFailed = overdue.error ?? due.error ?? done.error;
  const open = planReady ? [...overdue.data.items, ...due.data.items].slice(0, SHOW) : [];
  const openTotal = planReady ? overdue.data.total + due.data.total : 0;
  const total = planReady ? openTotal + done.data.total : 0;
  const doneTotal = planReady ? done.data.total : 0;
  // My own patrols (my grid's 日巡查, my village's 月排查) one by one; those of the grids below me as one line each.
  const mine = new Set(me?.roles.filter((r) => r.role === 'grid_worker' || r.role === 'village_cadre').map((r) => r.regionId));
  const ownPatrols = patrols.data?.filter((p) => mine.has(p.regionId)) ?? [];
  const below = summarize(patrols.data?.filter((p) => !mine.has(p.regionId)) ?? []);
  const patrolsLeft = ownPatrols.filter((p) => p.status !== 'done' && !patrolPending(p)).length;

  return (
    <div className="xz-page">
      <PageTitle sub={[places.join('、'), today ? dayWithWeekday(today) : ''].filter(Boolean).join(' · ')}>{me ? `${me.name}，您好` : '今日'}</PageTitle>
      <OutboxBar />

      <section aria-labelledby="h-patrol">
        <SectionHead id="h-patrol" title="今日巡查" count={patrolsLeft} />
        {patrols.isPending ? (
          <Skeletons n={1} />
        ) : patrols.isError ? (
          <Failed error={patrols.error} retry={() => patrols.refetch()} />
        ) : patrols.data.length === 0 ? (
          <p className="xz-card xz-quiet">今天没有要巡查的区域。</p>
        ) : (
          <>
            {ownPatrols.map((p) => (
              <PatrolDueCard key={`${p.kind}-${p.regionId}`} p={p} pending={patrolPending(p)} />
            ))}
            {below.map((b) => (
              <article key={b.kind} className="xz-card xz-case">
                <Link to="/h5/patrols" className="xz-case-link">
                  <span className="xz-case-top">
                    <span className="xz-case-title">
                      下辖{b.kind === 'daily' ? '网格' : '各村'}
                      {KIND_WORDS[b.kind]}
                    </span>
                    <Tag word={`已完成 ${b.done}/${b.total}`} tone={b.done === b.total ? 'done' : 'wait'} />
                  </span>
                  <span className="xz-plan-foot">
                    <span>{b.done === b.total ? '都已巡查' : `还有${b.total - b.done}处没巡查`}</span>
                    <span className="xz-go">
                      查看
                      <RightOutline aria-hidden />
                    </span>
                  </span>
                </Link>
              </article>
            ))}
          </>
        )}
      </section>

      <section aria-labelledby="h-visit">
        <SectionHead id="h-visit" title="本月走访" side={planReady && total > 0 ? `已访 ${doneTotal}/${total}` : undefined} />
        {planReady && total > 0 && (
          <div
            className="xz-progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={doneTotal}
            aria-label={`本月走访已访${doneTotal}户，共${total}户`}
          >
            <div className="xz-progress-fill" style={{ width: `${Math.round((doneTotal / total) * 100)}%` }} />
          </div>
        )}
        {!planReady && !planFailed ? (
          <Skeletons n={2} />
        ) : planFailed && !planReady ? (
          <Failed
            error={planFailed}
            retry={() => {
              void overdue.refetch();
              void due.refetch();
              void done.refetch();
            }}
          />
        ) : (
          <>
            {overdue.data!.total > 0 && <p className="xz-section-hint xz-late-text">有 {overdue.data!.total} 户已过走访期限，请尽快补上。</p>}
            {open.length === 0 ? (
              <p className="xz-card xz-quiet">{total > 0 ? '本月应访的都走访过了。' : '本月没有必访的户。'}</p>
            ) : (
              open.map((i) => (
                <PlanCard
                  key={i.id}
                  item={i}
                  pending={pendingWork.households.has(i.householdId)}
                  showGrid={places.length > 1 || !me?.roles.some((r) => r.regionLevel === 'grid')}
                />
              ))
            )}
            <div className="xz-more-row">
              {openTotal > open.length && (
                <Link to="/h5/visits" className="xz-more-link">
                  还有 {openTotal - open.length} 个待走访
                  <RightOutline aria-hidden />
                </Link>
              )}
              <Link to="/h5/visits?find=1" className="xz-more-link">
                <SearchOutline aria-hidden /> 找户走访
              </Link>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="h-todo">
        <SectionHead
          id="h-todo"
          title="我的待办事件"
          count={todo.data?.total}
          more={todo.data && todo.data.total > todo.data.items.length ? { to: '/h5/todo', label: `全部${todo.data.total}件` } : undefined}
        />
        {todo.isPending ? (
          <Skeletons n={1} />
        ) : todo.isError ? (
          <Failed error={todo.error} retry={() => todo.refetch()} />
        ) : todo.data.items.length === 0 ? (
          <p className="xz-card xz-quiet">没有待办的事件。</p>
        ) : (
          todo.data.items.map((c) => <WorkCaseCard key={c.id} c={c} />)
        )}
        <div className="xz-more-row">
          <Link to="/h5/report" className="xz-more-link">
            发现问题，直接上报
            <RightOutline aria-hidden />
          </Link>
        </div>
      </section>
    </div>
  );
}

/** Patrols of the regions below mine, counted by kind. */
function summarize(list: PatrolDue[]) {
  const m = new Map<PatrolKind, { kind: PatrolKind; total: number; done: number }>();
  for (const p of list) {
    const cur = m.get(p.kind) ?? { kind: p.kind, total: 0, done: 0 };
    cur.total += 1;
    if (p.status === 'done') cur.done += 1;
    m.set(p.kind, cur);
  }
  return [...m.values()];
}

export function SectionHead({
  id,
  title,
  count,
  side,
  more,
}: {
  id: string;
  title: string;
  count?: number;
  side?: string;
  more?: { to: string; label: string };
}) {
  return (
    <div className="xz-section-head">
      <h2 id={id} className="xz-section">
        {title}
        {!!count && <span className="xz-count">{count}</span>}
      </h2>
      {side && <span className="xz-section-side">{side}</span>}
      {more && (
        <Link to={more.to} className="xz-section-more">
          {more.label}
          <RightOutline aria-hidden />
        </Link>
      )}
    </div>
  );
}

export function Failed({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="xz-card xz-empty" role="alert">
      <p>{errorMessage(error, '没有加载出来')}</p>
      <Button color="primary" fill="outline" onClick={retry}>
        重新加载
      </Button>
    </div>
  );
}
