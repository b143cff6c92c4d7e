// 走访: this month's plan (待走访 overdue first, 已走访), my visit records, and finding any household to visit.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DotLoading, InfiniteScroll, Input } from 'antd-mobile';
import { RightOutline, SearchOutline } from 'antd-mobile-icons';
import { RESIDENT_TAGS } from '../../../shared/tags';
import { useMe } from '../data';
import { dayWord } from '../labels';
import { PageTitle, Skeletons } from '../parts';
import { PlanCard, Tag } from '../cards';
import { Failed } from './Today';
import { usePendingWork } from '../sync';
import { METHOD_WORDS, useHouseholdSearch, useMyVisits, usePlan, usePlanPages, type Visit } from '../work';

const TAG_WORDS = new Map<string, string>(RESIDENT_TAGS.map((t) => [t.code, t.zh]));
type Tab = 'open' | 'done' | 'mine';

export function VisitsPage() {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const tab = (['open', 'done', 'mine'].includes(params.get('tab') ?? '') ? params.get('tab') : 'open') as Tab;
  const overdue = usePlan('overdue', 1);
  const due = usePlan('due', 1);
  const done = usePlan('done', 1);
  const openN = overdue.data && due.data ? overdue.data.total + due.data.total : null;
  const doneN = done.data?.total ?? null;
  const showGrid = !me?.roles.every((r) => r.regionLevel === 'grid');
  const setTab = (t: Tab) =>
    setParams(
      (p) => {
        p.set('tab', t);
        p.delete('find');
        return p;
      },
      { replace: true },
    );

  return (
    <div className="xz-page">
      <PageTitle sub={openN != null && doneN != null ? `本月必访 ${openN + doneN} 项，已访 ${doneN} 项` : '本月必访的户和走访记录'}>走访</PageTitle>
      <div className="xz-search">
        <label htmlFor="visit-find" className="xz-visually-hidden">
          找户走访
        </label>
        <SearchOutline aria-hidden className="xz-search-icon" />
        <Input
          id="visit-find"
          type="search"
          enterKeyHint="search"
          placeholder="找户走访：户主姓名、门牌或电话"
          value={q}
          onChange={setQ}
          clearable
          autoFocus={params.get('find') === '1'}
        />
      </div>
      {q.trim() ? (
        <HouseholdResults q={q} />
      ) : (
        <>
          <div className="xz-seg" role="tablist" aria-label="走访列表">
            <SegBtn on={tab === 'open'} onClick={() => setTab('open')} label="待走访" n={openN} />
            <SegBtn on={tab === 'done'} onClick={() => setTab('done')} label="已走访" n={doneN} />
            <SegBtn on={tab === 'mine'} onClick={() => setTab('mine')} label="我的记录" />
          </div>
          <div role="tabpanel" aria-label={tab === 'open' ? '待走访' : tab === 'done' ? '已走访' : '我的记录'}>
            {tab === 'mine' ? <MyVisits /> : <PlanList which={tab} showGrid={showGrid} />}
          </div>
        </>
      )}
    </div>
  );
}

function SegBtn({ on, onClick, label, n }: { on: boolean; onClick: () => void; label: string; n?: number | null }) {
  return (
    <button type="button" role="tab" aria-selected={on} className={on ? 'xz-seg-btn xz-seg-on' : 'xz-seg-btn'} onClick={onClick}>
      {label}
      {n != null && <span className="xz-seg-n">{n}</span>}
    </button>
  );
}

function ListEnd({ hasMore, failed, retry, many }: { hasMore: boolean; failed: boolean; retry: () => void; many: boolean }) {
  return (
    <div className="xz-list-end" role="status">
      {failed ? (
        <>
          <span>没有加载出来</span>
          <button type="button" className="xz-link-btn" onClick={retry}>
            重新加载
          </button>
        </>
      ) : hasMore ? (
        <>
          <DotLoading color="primary" />
          <span>正在加载更多</span>
        </>
      ) : many ? (
        <span>已经到底了</span>
      ) : null}
    </div>
  );
}

function PlanList({ which, showGrid }: { which: 'open' | 'done'; showGrid: boolean }) {
  const q = usePlanPages(which);
  const pendingWork = usePendingWork();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isPending) return <Skeletons n={3} />;
  if (q.isError && !q.data) return <Failed error={q.error} retry={() => q.refetch()} />;
  return (
    <>
      {items.length === 0 && !q.hasNextPage ? (
        <div className="xz-card xz-empty">
          <p className="xz-empty-title">{which === 'open' ? '本月应访的都走访过了' : '本月还没有走访记录'}</p>
          <p>{which === 'open' ? '需要走访其他户时，在上面搜户主姓名或门牌。' : '走访完一户，它就会出现在这里。'}</p>
        </div>
      ) : (
        items.map((i) => <PlanCard key={i.id} item={i} showGrid={showGrid} pending={pendingWork.households.has(i.householdId)} />)
      )}
      <InfiniteScroll
        hasMore={!!q.hasNextPage}
        loadMore={async () => {
          const r = await q.fetchNextPage();
          if (r.isError) throw r.error;
        }}
        threshold={300}
      >
        {(hasMore, failed, retry) => (
          <ListEnd
            hasMore={hasMore}
            failed={failed}
            retry={() => {
              void retry();
            }}
            many={(q.data?.pages.length ?? 0) > 1}
          />
        )}
      </InfiniteScroll>
    </>
  );
}

function MyVisits() {
  const q = useMyVisits();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isPending) return <Skeletons n={3} />;
  if (q.isError && !q.data) return <Failed error={q.error} retry={() => q.refetch()} />;
  return (
    <>
      {items.length === 0 && !q.hasNextPage ? (
        <div className="xz-card xz-empty">
          <p className="xz-empty-title">还没有走访记录</p>
          <p>从“待走访”里点一户，或搜户开始走访。</p>
        </div>
      ) : (
        items.map((v) => <VisitCard key={v.id} v={v} />)
      )}
      <InfiniteScroll
        hasMore={!!q.hasNextPage}
        loadMore={async () => {
          const r = await q.fetchNextPage();
          if (r.isError) throw r.error;
        }}
        threshold={300}
      >
        {(hasMore, failed, retry) => (
          <ListEnd
            hasMore={hasMore}
            failed={failed}
            retry={() => {
              void retry();
            }}
            many={(q.data?.pages.length ?? 0) > 1}
          />
        )}
      </InfiniteScroll>
    </>
  );
}

function VisitCard({ v }: { v: Visit }) {
  return (
    <article className="xz-card xz-case">
      <Link to={`/h5/visits/${encodeURIComponent(v.id)}`} className="xz-case-link">
        <span className="xz-case-top">
          <span className="xz-case-title">{v.residentName ?? (v.headName ? `${v.headName}户` : v.address)}</span>
          {v.caseId ? <Tag word="已转事件" tone="work" /> : v.problem ? <Tag word="发现问题" tone="late" /> : null}
        </span>
        <span className="xz-plan-addr">{v.address}</span>
        <span className="xz-case-meta">
          <span className="xz-nowrap">
            {dayWord(v.visitedAt)} · {METHOD_WORDS[v.method] ?? '走访'}
          </span>
          <span aria-hidden>·</span>
          <span className="xz-ellipsis">{v.situation}</span>
        </span>
      </Link>
    </article>
  );
}

/** The text once typing has paused (one search per pause, not per keystroke on a slow line). */
function useSettled(text: string, ms = 300) {
  const [v, setV] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setV(text), ms);
    return () => clearTimeout(t);
  }, [text, ms]);
  return v;
}

function HouseholdResults({ q: typed }: { q: string }) {
  const q = useSettled(typed);
  const r = useHouseholdSearch(q);
  if (r.isPending) return <Skeletons n={2} />;
  if (r.isError) return <Failed error={r.error} retry={() => r.refetch()} />;
  if (r.data.items.length === 0)
    return (
      <div className="xz-card xz-empty">
        <p>没有找到“{q.trim()}”，可以换户主姓名、门牌号或电话再试。</p>
      </div>
    );
  return (
    <section aria-label="搜索结果">
      <p className="xz-section-hint xz-search-count">
        找到 {r.data.total} 户{r.data.total > r.data.items.length ? `，显示前 ${r.data.items.length} 户` : ''}
      </p>
      {r.data.items.map((h) => (
        <article key={h.id} className="xz-card xz-case">
          <Link
            to={`/h5/visits/new?${new URLSearchParams({ household: h.id })}`}
            state={{ who: h.headName ? `${h.headName}户` : undefined, address: h.address, grid: h.gridName }}
            className="xz-case-link"
          >
            <span className="xz-case-top">
              <span className="xz-case-title">{h.headName ? `${h.headName}户` : h.address}</span>
              <span className="xz-go">
                走访
                <RightOutline aria-hidden />
              </span>
            </span>
            <span className="xz-plan-addr">
              {h.address} · {h.gridName}
            </span>
            {h.tags.length > 0 && (
              <span className="xz-reasons">
                {h.tags.map((t) => (
                  <span key={t} className="xz-reason">
                    {TAG_WORDS.get(t) ?? '重点人群'}
                  </span>
                ))}
              </span>
            )}
          </Link>
        </article>
      ))}
    </section>
  );
}
