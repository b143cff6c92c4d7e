// 首页 · 我家的事: what I reported and what concerns my household; those waiting for my rating first.
import { Link, useNavigate } from 'react-router-dom';
import { Button } from 'antd-mobile';
import { homeGrant, useFamilyCases, useMe, type FamilyCase } from '../data';
import { dayWord } from '../labels';
import { PageTitle, Skeletons, StatusTag } from '../parts';
import { errorMessage } from '../errors';

export function HomePage() {
  const me = useMe().data;
  const cases = useFamilyCases(me);
  const navigate = useNavigate();
  const grant = homeGrant(me);
  const toRate = cases.data?.filter((c) => c.canRate) ?? [];
  const rest = cases.data?.filter((c) => !c.canRate) ?? [];

  return (
    <div className="xz-page">
      <PageTitle sub={grant ? grant.regionName : undefined}>{me ? `您好，${me.name}` : '我家的事'}</PageTitle>
      {cases.isPending ? <Skeletons /> : cases.isError ? (
        <div className="xz-card xz-empty" role="alert">
          <p>{errorMessage(cases.error, '事件没有加载出来')}</p>
          <Button color="primary" fill="outline" onClick={() => { void cases.refetch(); }}>重新加载</Button>
        </div>
      ) : (
        <>
          {toRate.length > 0 && (
            <section aria-labelledby="h-rate">
              <h2 id="h-rate" className="xz-section">待评价 <span className="xz-count">{toRate.length}</span></h2>
              <p className="xz-section-hint">事情办完了，请告诉村里您满不满意。</p>
              {toRate.map((c) => <CaseCard key={c.id} c={c} />)}
            </section>
          )}
          <section aria-labelledby="h-family">
            <h2 id="h-family" className="xz-section">我家的事</h2>
            {rest.length === 0 && toRate.length === 0 ? (
              <div className="xz-card xz-empty">
                <p className="xz-empty-title">还没有您家的事</p>
                <p>看到路坏了、垃圾没人清、有安全隐患，拍张照片告诉村里，办理进度会显示在这里。</p>
                <Button color="primary" size="large" className="xz-main-btn" onClick={() => navigate('/h5/report')}>去随手拍</Button>
              </div>
            ) : rest.length === 0 ? (
              <p className="xz-section-hint">其他事情都已评价过了。</p>
            ) : rest.map((c) => <CaseCard key={c.id} c={c} />)}
          </section>
        </>
      )}
    </div>
  );
}

function CaseCard({ c }: { c: FamilyCase }) {
  return (
    <article className={c.canRate ? 'xz-card xz-case xz-case-rate' : 'xz-card xz-case'}>
      <Link to={`/h5/cases/${encodeURIComponent(c.id)}`} className="xz-case-link">
        <span className="xz-case-top">
          <span className="xz-case-title">{c.title}</span>
          <StatusTag status={c.status} />
        </span>
        <span className="xz-case-meta">
          <span className="xz-ellipsis">{c.categoryName}</span>
          <span aria-hidden>·</span>
          <span className="xz-nowrap">{dayWord(c.reportedAt)}上报</span>
        </span>
      </Link>
      {c.canRate && (
        <Link to={`/h5/cases/${encodeURIComponent(c.id)}#rate`} className="xz-rate-btn" aria-label={`去评价：${c.title}`}>去评价</Link>
      )}
    </article>
  );
}
