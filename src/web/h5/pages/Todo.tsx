// 我的待办事件: every case waiting on my action, the most urgent first (红牌, 黄牌, the nearest due time), a page at a time.
import { DotLoading, InfiniteScroll } from 'antd-mobile';
import { BackBar, Skeletons } from '../parts';
import { WorkCaseCard } from '../cards';
import { Failed } from './Today';
import { useTodoPages } from '../work';

export function TodoPage() {
  const q = useTodoPages();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const total = q.data?.pages[0]?.total;
  return (
    <div className="xz-page xz-page-back">
      <BackBar title="我的待办事件" fallback="/h5/today" />
      {q.isPending ? (
        <Skeletons n={3} />
      ) : q.isError && !q.data ? (
        <Failed error={q.error} retry={() => q.refetch()} />
      ) : (
        <>
          <p className="xz-section-hint xz-search-count">共 {total} 件，最急的在前</p>
          {items.length === 0 ? <p className="xz-card xz-quiet">没有待办的事件。</p> : items.map((c) => <WorkCaseCard key={c.id} c={c} />)}
          <InfiniteScroll
            hasMore={!!q.hasNextPage}
            loadMore={async () => {
              const r = await q.fetchNextPage();
              if (r.isError) throw r.error;
            }}
            threshold={300}
          >
            {(hasMore, failed, retry) => (
              <div className="xz-list-end" role="status">
                {failed ? (
                  <>
                    <span>没有加载出来</span>
                    <button
                      type="button"
                      className="xz-link-btn"
                      onClick={() => {
                        void retry();
                      }}
                    >
                      重新加载
                    </button>
                  </>
                ) : hasMore ? (
                  <>
                    <DotLoading color="primary" />
                    <span>正在加载更多</span>
                  </>
                ) : null}
              </div>
            )}
          </InfiniteScroll>
        </>
      )}
    </div>
  );
}
