// 巡查: what is due today (日巡查 per grid, 月排查 on the 1st and 15th, 季度联查) and my recent patrol records.
import { Link } from 'react-router-dom';
import { PageTitle, Skeletons } from '../parts';
import { PatrolDueCard, Tag } from '../cards';
import { Failed, SectionHead } from './Today';
import { patrolSlot, usePendingWork } from '../sync';
import { KIND_WORDS, shortDay, useMyPatrols, usePatrolsDue } from '../work';

export function PatrolsPage() {
  const due = usePatrolsDue();
  const mine = useMyPatrols();
  const pendingWork = usePendingWork();
  const isPending = (p: { kind: string; regionId: string; periodKey: string }) => pendingWork.patrols.has(patrolSlot(p.kind, p.regionId, p.periodKey));
  const left = due.data?.filter((p) => p.status !== 'done' && !isPending(p)).length ?? 0;
  return (
    <div className="xz-page">
      <PageTitle sub="日巡查每天一次；月排查每月1日、15日；季度联查每季度初">巡查</PageTitle>
      <section aria-labelledby="h-due">
        <SectionHead id="h-due" title="今日巡查" count={left} />
        {due.isPending ? (
          <Skeletons n={1} />
        ) : due.isError ? (
          <Failed error={due.error} retry={() => due.refetch()} />
        ) : due.data.length === 0 ? (
          <p className="xz-card xz-quiet">今天没有要巡查的区域。</p>
        ) : (
          due.data.map((p) => <PatrolDueCard key={`${p.kind}-${p.regionId}`} p={p} pending={isPending(p)} />)
        )}
      </section>
      <section aria-labelledby="h-mine">
        <SectionHead id="h-mine" title="我的巡查记录" />
        {mine.isPending ? (
          <Skeletons n={1} />
        ) : mine.isError ? (
          <Failed error={mine.error} retry={() => mine.refetch()} />
        ) : mine.data.items.length === 0 ? (
          <p className="xz-card xz-quiet">还没有巡查记录。</p>
        ) : (
          mine.data.items.map((p) => (
            <article key={p.id} className="xz-card xz-case">
              <Link to={`/h5/patrols/${encodeURIComponent(p.id)}`} className="xz-case-link">
                <span className="xz-case-top">
                  <span className="xz-case-title">
                    {KIND_WORDS[p.kind]} · {p.regionName}
                  </span>
                  {p.problems > 0 ? <Tag word={`${p.problems}项有问题`} tone="late" /> : <Tag word="全部正常" tone="done" />}
                </span>
                <span className="xz-case-meta">
                  <span>
                    {shortDay(p.patrolDate)} · {p.results.length}项
                  </span>
                </span>
              </Link>
            </article>
          ))
        )}
      </section>
    </div>
  );
}
