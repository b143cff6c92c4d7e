// The village's 积分公示 (with 我有异议 during 公示) and its 积分排行 (households only), on the phone.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Popup, TextArea, Toast } from 'antd-mobile';
import { homeGrant, useMe } from '../data';
import { decideAward, useBoard, useMyVillage, useRanking } from '../points';
import type { BoardItem } from '../../console/api/pointsCore';
import { BackBar, Skeletons } from '../parts';
import { errorMessage } from '../errors';
import { dayWord } from '../labels';

const day = (iso: string | null) => (iso ? dayWord(iso) : '');

export function PointsBoardPage() {
  const me = useMe().data;
  const hh = homeGrant(me)?.householdId;
  const village = useMyVillage(me);
  const board = useBoard(village.data?.id);
  const [objecting, setObjecting] = useState<BoardItem | null>(null);
  const items = board.data?.items ?? [];
  const current = items.filter((i) => i.status === 'publicized');
  const recent = items.filter((i) => i.status === 'effective');
  const row = (i: BoardItem, action: boolean) => (
    <li key={i.id} className="xz-card">
      <div className="xz-pts-row">
        <div className="xz-pts-row-main">
          <div className="xz-pts-row-title">
            {i.householdName}家{i.householdId === hh ? '（我家）' : ''} · {i.ruleName}
          </div>
          <div className="xz-muted">
            {[
              i.placeName,
              i.residentName,
              i.status === 'publicized'
                ? `公示至${day(i.publicUntil)}${i.daysLeft ? `，还有${i.daysLeft}天` : ''}`
                : i.publicUntil
                  ? `${day(i.publicUntil)}生效`
                  : '已生效',
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </div>
        <div className={i.value >= 0 ? 'xz-pts-plus' : 'xz-pts-minus'}>
          {i.value > 0 ? '+' : ''}
          {i.value}
        </div>
      </div>
      {action && i.householdId !== hh && (
        <Button fill="outline" className="xz-pts-action" onClick={() => setObjecting(i)}>
          我有异议
        </Button>
      )}
    </li>
  );
  return (
    <div className="xz-page xz-page-back">
      <BackBar title="积分公示" fallback="/h5/points" />
      {board.isPending || village.isPending ? (
        <Skeletons />
      ) : board.isError ? (
        <p className="xz-card" role="alert">
          {errorMessage(board.error, '公示没有加载出来')}
        </p>
      ) : (
        <>
          <p className="xz-section-hint xz-pts-intro">
            {board.data.regionName}：以下积分经村两委审核，公示{board.data.publicDays}天。如有不同意见，可在公示期内提出。
          </p>
          <h2 className="xz-section">公示中</h2>
          {current.length ? <ul className="xz-plain-list">{current.map((i) => row(i, true))}</ul> : <p className="xz-card xz-muted">现在没有公示中的积分。</p>}
          <h2 className="xz-section">近30天已生效</h2>
          {recent.length ? <ul className="xz-plain-list">{recent.map((i) => row(i, false))}</ul> : <p className="xz-card xz-muted">近30天没有生效的积分。</p>}
        </>
      )}
      {objecting && <ObjectionSheet item={objecting} onClose={() => setObjecting(null)} />}
    </div>
  );
}

function ObjectionSheet({ item, onClose }: { item: BoardItem; onClose: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  const qc = useQueryClient();
  const send = async () => {
    if (!text.trim()) {
      setErr('请写明您的意见');
      return;
    }
    setErr('');
    setBusy(true);
    try {
      await decideAward(item.id, 'object', text.trim());
      await qc.invalidateQueries({ queryKey: ['points'] });
      Toast.show({ icon: 'success', content: '已提交，村两委将复核' });
      onClose();
    } catch (err) {
      await Dialog.alert({ 'aria-label': '异议没有提交成功', content: errorMessage(err), confirmText: '知道了' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popup visible onMaskClick={onClose} onClose={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 16 }}>
      <div role="dialog" aria-label="提出异议">
        <h2 className="xz-section-in">
          对“{item.householdName}家 · {item.ruleName}”有异议
        </h2>
        <div className="xz-field">
          <label htmlFor="objection" className="xz-label">
            请写明您了解的情况（必填）
          </label>
          <TextArea
            id="objection"
            value={text}
            onChange={(v) => {
              setText(v);
              if (v.trim()) setErr('');
            }}
            rows={4}
            maxLength={300}
            showCount
            placeholder="例如：那天他家没有人参加清扫"
          />
          {err && (
            <p className="xz-error" role="alert">
              {err}
            </p>
          )}
        </div>
        <Button block color="primary" size="large" style={{ marginTop: 12 }} loading={busy} loadingText="正在提交" onClick={send}>
          提交
        </Button>
        <Button block fill="none" style={{ marginTop: 8 }} onClick={onClose}>
          取消
        </Button>
      </div>
    </Popup>
  );
}

const PERIODS = [
  ['month', '本月'],
  ['quarter', '本季'],
  ['year', '本年'],
] as const;

export function PointsRankingPage() {
  const me = useMe().data;
  const hh = homeGrant(me)?.householdId;
  const village = useMyVillage(me);
  const [period, setPeriod] = useState<'month' | 'quarter' | 'year'>('month');
  const ranking = useRanking({ regionId: village.data?.id, period, page: 1, pageSize: 50 });
  const word = PERIODS.find((x) => x[0] === period)![1];
  const mine = ranking.data?.items.find((r) => r.householdId === hh);
  return (
    <div className="xz-page xz-page-back">
      <BackBar title="积分排行" fallback="/h5/points" />
      <div className="xz-seg" role="tablist" aria-label="统计期间">
        {PERIODS.map(([p, w]) => (
          <button
            key={p}
            type="button"
            role="tab"
            aria-selected={period === p}
            className={period === p ? 'xz-seg-btn xz-seg-on' : 'xz-seg-btn'}
            onClick={() => setPeriod(p)}
          >
            {w}
          </button>
        ))}
      </div>
      <p className="xz-section-hint xz-pts-intro">
        {village.data?.name} 各户{word}获得的积分
        {mine ? `，我家第${mine.rank}名` : ranking.data && ranking.data.total <= ranking.data.items.length ? `，我家${word}还没有得到积分` : ''}
      </p>
      {ranking.isPending ? (
        <Skeletons />
      ) : ranking.isError ? (
        <p className="xz-card" role="alert">
          {errorMessage(ranking.error)}
        </p>
      ) : !ranking.data.items.length ? (
        <p className="xz-card xz-muted">这段时间还没有人家得到积分。</p>
      ) : (
        <ol className="xz-card xz-pts-list" aria-label="积分排行">
          {ranking.data.items.map((r) => (
            <li key={r.householdId} className={r.householdId === hh ? 'xz-pts-row xz-rank-me' : 'xz-pts-row'}>
              <span className={`xz-rank xz-rank-${Math.min(r.rank, 4)}`} role="img" aria-label={`第${r.rank}名`}>
                {r.rank}
              </span>
              <div className="xz-pts-row-main">
                <div className="xz-pts-row-title">
                  {r.householdName}家{r.householdId === hh ? '（我家）' : ''}
                </div>
                <div className="xz-muted">{r.placeName}</div>
              </div>
              <div className="xz-pts-plus">{r.points.toLocaleString('zh-CN')} 分</div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
