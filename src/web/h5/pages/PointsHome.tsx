// 积分: my household's points big on top, what is still under review or on 公示, every entry; the way to the store,
// the village's 公示栏 and ranking, and my redemption codes.
import { Link } from 'react-router-dom';
import { Button } from 'antd-mobile';
import { homeGrant, useMe } from '../data';
import { SOURCE_WORDS, useHouseholdPoints } from '../points';
import { PageTitle, Skeletons } from '../parts';
import { errorMessage } from '../errors';

const day = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' }).format(new Date(iso));

export function PointsHomePage() {
  const me = useMe().data;
  const hh = homeGrant(me)?.householdId ?? undefined;
  const pts = useHouseholdPoints(hh);
  if (!hh) return <div className="xz-page"><PageTitle>积分</PageTitle><p className="xz-card xz-muted">还没有关联到户，请联系本村网格员。</p></div>;
  return (
    <div className="xz-page">
      <PageTitle sub="积分归户所有，可在村追梦超市兑换商品">我家积分</PageTitle>
      {pts.isPending ? <Skeletons n={2} /> : pts.isError ? (
        <div className="xz-card xz-empty" role="alert"><p>{errorMessage(pts.error, '积分没有加载出来')}</p><Button color="primary" fill="outline" onClick={() => { void pts.refetch(); }}>重新加载</Button></div>
      ) : (
        <>
          <section className="xz-card xz-pts-hero" aria-label="当前积分">
            <div className="xz-muted">当前积分</div>
            <div className="xz-pts-balance">{pts.data.balance.toLocaleString('zh-CN')}<span> 分</span></div>
            <Link to="/h5/store" className="xz-pts-go">去追梦超市兑换</Link>
          </section>
          <nav className="xz-pts-links" aria-label="积分功能">
            <Link to="/h5/store/mine">我的兑换</Link>
            <Link to="/h5/points/board">积分公示</Link>
            <Link to="/h5/points/ranking">积分排行</Link>
            <Link to="/h5/points/claim">我要申报</Link>
            <Link to="/h5/volunteer">志愿服务</Link>
            <Link to="/h5/store">追梦超市</Link>
          </nav>
          {pts.data.pending.length > 0 && (
            <>
              <h2 className="xz-section">待生效</h2>
              {pts.data.pending.map((a) => (
                <div key={a.id} className="xz-card xz-pts-row">
                  <div className="xz-pts-row-main">
                    <div className="xz-pts-row-title">{a.ruleName}</div>
                    <div className="xz-muted">{a.status === 'pending' ? '村两委审核中' : `公示中，${a.publicUntil ? day(a.publicUntil) : ''}生效`}</div>
                  </div>
                  <div className={a.value >= 0 ? 'xz-pts-plus' : 'xz-pts-minus'}>{a.value > 0 ? '+' : ''}{a.value}</div>
                </div>
              ))}
            </>
          )}
          <h2 className="xz-section">积分明细</h2>
          {pts.data.entries.length === 0 ? <p className="xz-card xz-muted">还没有积分记录。参加村里的志愿服务、保持门前干净整洁，都能得积分。</p> : (
            <ul className="xz-card xz-pts-list" aria-label="积分明细">
              {pts.data.entries.map((e) => (
                <li key={e.id} className="xz-pts-row">
                  <div className="xz-pts-row-main">
                    <div className="xz-pts-row-title">{e.ruleName ?? SOURCE_WORDS[e.source] ?? '积分'}</div>
                    <div className="xz-muted">{day(e.at)} · {SOURCE_WORDS[e.source] ?? ''}{e.residentName ? ` · ${e.residentName}` : ''}</div>
                  </div>
                  <div className={e.delta >= 0 ? 'xz-pts-plus' : 'xz-pts-minus'}>{e.delta > 0 ? '+' : ''}{e.delta}</div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
