// 积分: my household's points big on top, what is still under review or on 公示, every entry; the way to the store,
// the village's 公示栏 and ranking, and my redemption codes.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from 'antd-mobile';
import { homeGrant, useMe } from '../data';
import { SOURCE_LABELS, useHouseholdPoints } from '../points';
import { PageTitle, Skeletons } from '../parts';
import { errorMessage } from '../errors';
import { dayWord } from '../labels';

/** The household's entries come whole from the server; the phone shows them a screen at a time. */
const STEP = 20;
/** Automatic entries' notes start with their source (首报激励：…), which the line already says. */
const plainNote = (note: string | null, label: string) => (note?.startsWith(label) ? note.slice(label.length).replace(/^[：:\s]+/, '') : note);

export function PointsHomePage() {
  const me = useMe().data;
  const hh = homeGrant(me)?.householdId ?? undefined;
  const pts = useHouseholdPoints(hh);
  const [shown, setShown] = useState(STEP);
  if (!hh)
    return (
      <div className="xz-page">
        <PageTitle>积分</PageTitle>
        <p className="xz-card xz-muted">还没有关联到户，请联系本村网格员。</p>
      </div>
    );
  return (
    <div className="xz-page">
      <PageTitle sub="积分归户所有，可在村追梦超市兑换商品">我家积分</PageTitle>
      {pts.isPending ? (
        <Skeletons n={2} />
      ) : pts.isError ? (
        <div className="xz-card xz-empty" role="alert">
          <p>{errorMessage(pts.error, '积分没有加载出来')}</p>
          <Button
            color="primary"
            fill="outline"
            onClick={() => {
              void pts.refetch();
            }}
          >
            重新加载
          </Button>
        </div>
      ) : (
        <>
          <section className="xz-card xz-pts-hero" aria-label="当前积分">
            <div className="xz-muted">当前积分</div>
            <div className="xz-pts-balance">
              {pts.data.balance.toLocaleString('zh-CN')}
              <span> 分</span>
            </div>
            <Link to="/h5/store" className="xz-pts-go">
              去追梦超市兑换
            </Link>
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
                    <div className="xz-pts-pending">
                      <span className={a.status === 'pending' ? 'xz-status xz-status-wait' : 'xz-status xz-status-work'}>
                        {a.status === 'pending' ? '审核中' : '公示中'}
                      </span>
                      <span className="xz-muted">
                        {[a.residentName, a.status === 'pending' ? '等村两委审核' : a.publicUntil ? `${dayWord(a.publicUntil)}公示期满生效` : null]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </div>
                  </div>
                  <div className={a.value >= 0 ? 'xz-pts-plus' : 'xz-pts-minus'}>
                    {a.value > 0 ? '+' : a.value < 0 ? '−' : ''}
                    {Math.abs(a.value).toLocaleString('zh-CN')}
                  </div>
                </div>
              ))}
            </>
          )}
          <h2 className="xz-section">积分明细</h2>
          {pts.data.entries.length === 0 ? (
            <p className="xz-card xz-muted">还没有积分记录。参加村里的志愿服务、保持门前干净整洁，都能得积分。</p>
          ) : (
            <>
              <ul className="xz-card xz-pts-list" aria-label="积分明细">
                {pts.data.entries.slice(0, shown).map((e) => (
                  <li key={e.id} className="xz-pts-row">
                    <div className="xz-pts-row-main">
                      <div className="xz-pts-row-title">{e.ruleName ?? SOURCE_LABELS[e.source] ?? '积分'}</div>
                      <div className="xz-muted">
                        {[
                          dayWord(e.at),
                          e.ruleName ? SOURCE_LABELS[e.source] : null,
                          e.residentName,
                          e.ruleName ? null : plainNote(e.note, SOURCE_LABELS[e.source]),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </div>
                    </div>
                    <div className={e.delta >= 0 ? 'xz-pts-plus' : 'xz-pts-minus'}>
                      {e.delta > 0 ? '+' : e.delta < 0 ? '−' : ''}
                      {Math.abs(e.delta).toLocaleString('zh-CN')}
                    </div>
                  </li>
                ))}
              </ul>
              {pts.data.entries.length > shown && (
                <Button block fill="outline" color="primary" className="xz-more-btn" onClick={() => setShown((n) => n + STEP)}>
                  加载更多（还有 {pts.data.entries.length - shown} 条）
                </Button>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
