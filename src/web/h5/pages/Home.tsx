// 首页 · 我家的事: what I reported and what concerns my household; those waiting for my rating first.
// Both lists come a page at a time: 待评价 with a "more" button, 我家的事 loading on as the villager scrolls down.
import { Link, useNavigate } from 'react-router-dom';
import { Button, DotLoading, InfiniteScroll } from 'antd-mobile';
import { familyCountIsExact, flatten, homeGrant, useCasesToRate, useFamilyCases, useMe, type FamilyCase } from '../data';
import type { CaseItem } from '../../console/api/cases';
import { PageTitle, Skeletons } from '../parts';
import { errorMessage } from '../errors';
import { FollowingSection } from '../report/Following';
import { CaseLinkCard, caseMeta } from '../cards';

export function HomePage() {
  const me = useMe().data;
  const family = useFamilyCases(me);
  const rating = useCasesToRate(me);
  const navigate = useNavigate();
  const grant = homeGrant(me);
  const exact = familyCountIsExact(me);

  const toRate = flatten(rating.data?.pages);
  const rateIds = new Set(toRate.map((c) => c.id));
  const moreToRate = !!rating.hasNextPage;
  // A finished case waiting for my rating belongs under 待评价, also one that 待评价 has not loaded yet.
  const rest = flatten(family.data?.pages).filter((c) => !rateIds.has(c.id) && !(moreToRate && c.status === 'resolved'));
  const pages = rating.data?.pages ?? [];
  const rateTotal = pages.length ? pages[pages.length - 1].total : 0;
  const rateLeft = exact ? Math.max(0, rateTotal - pages.reduce((n, p) => n + p.fetched, 0)) : null;
  const failed = family.isError ? family : rating.isError ? rating : null;

  const loadMore = async () => {
    const r = await family.fetchNextPage();
    if (r.isError) throw r.error;
  };

  return (
    <div className="xz-page">
      <PageTitle sub={grant ? grant.placeName : undefined}>{me ? `您好，${me.name}` : '我家的事'}</PageTitle>
      {family.isPending || rating.isPending ? (
        <Skeletons />
      ) : failed && !failed.data ? (
        <div className="xz-card xz-empty" role="alert">
          <p>{errorMessage(failed.error, '事件没有加载出来')}</p>
          <Button
            color="primary"
            fill="outline"
            onClick={() => {
              void family.refetch();
              void rating.refetch();
            }}
          >
            重新加载
          </Button>
        </div>
      ) : (
        <>
          {toRate.length > 0 && (
            <section aria-labelledby="h-rate">
              <h2 id="h-rate" className="xz-section">
                待评价 <span className="xz-count">{moreToRate ? (exact ? rateTotal : `${toRate.length}+`) : toRate.length}</span>
              </h2>
              <p className="xz-section-hint">事情办完了，请告诉村里您满不满意。</p>
              {toRate.map((c) => (
                <CaseCard key={c.id} c={c} />
              ))}
              {moreToRate && (
                <Button
                  block
                  fill="outline"
                  color="primary"
                  className="xz-more-btn"
                  loading={rating.isFetchingNextPage}
                  loadingText="正在加载"
                  onClick={() => {
                    void rating.fetchNextPage();
                  }}
                >
                  {rateLeft ? `还有 ${rateLeft} 件待评价，点此查看` : '查看更多待评价'}
                </Button>
              )}
            </section>
          )}
          <FollowingSection />
          <section aria-labelledby="h-family">
            <h2 id="h-family" className="xz-section">
              我家的事
            </h2>
            {rest.length === 0 && toRate.length === 0 && !family.hasNextPage ? (
              <div className="xz-card xz-empty">
                <p className="xz-empty-title">还没有您家的事</p>
                <p>看到路坏了、垃圾没人清、有安全隐患，拍张照片告诉村里，办理进度会显示在这里。</p>
                <Button color="primary" size="large" className="xz-main-btn" onClick={() => navigate('/h5/report')}>
                  去随手拍
                </Button>
              </div>
            ) : rest.length === 0 && !family.hasNextPage ? (
              <p className="xz-section-hint">其他事情都已评价过了。</p>
            ) : (
              rest.map((c) => <CaseCard key={c.id} c={c} />)
            )}
            <InfiniteScroll loadMore={loadMore} hasMore={!!family.hasNextPage} threshold={400}>
              {(hasMore, loadFailed, retry) => (
                <div className="xz-list-end" role="status">
                  {loadFailed ? (
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
                  ) : (family.data?.pages.length ?? 0) > 1 ? (
                    <span>已经到底了</span>
                  ) : null}
                </div>
              )}
            </InfiniteScroll>
          </section>
        </>
      )}
    </div>
  );
}

function CaseCard({ c }: { c: CaseItem | FamilyCase }) {
  const canRate = 'canRate' in c && c.canRate;
  return (
    <CaseLinkCard
      c={c}
      className={canRate ? 'xz-case-rate' : undefined}
      meta={caseMeta(c.categoryName, c.reportedAt)}
      after={
        canRate && (
          <Link to={`/h5/cases/${encodeURIComponent(c.id)}#rate`} className="xz-rate-btn" aria-label={`去评价：${c.title}`}>
            去评价
          </Link>
        )
      }
    />
  );
}
