// 巡查记录: the result item by item; each problem item turns into a case in one step (转为事件), linked from the item.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { api } from '../../shared/api-client';
import type { CaseDetail } from '../../console/api/cases';
import { useMe } from '../data';
import { errorMessage } from '../errors';
import { timeWord } from '../labels';
import { BackBar, Skeletons } from '../parts';
import { LinkedCase, ToCaseBox } from '../convert';
import { byCategory, homePath, KIND_WORDS, patrolKeys, usePatrol, type Patrol, type PatrolResult } from '../work';

/** The incident category a checklist category most often becomes (pre-selected; the worker can change it). */
const LIKELY_CATEGORY: Record<string, string> = {
  安全生产: 'safety_hazard',
  环境卫生: 'env_dirty',
  社会治安: 'instability',
  违法建设: 'illegal_building',
  公共设施: 'facility_damage',
  民生服务: 'hardship',
};

export function PatrolDetailPage() {
  const { id = '' } = useParams();
  const q = usePatrol(id);
  const saved = !!(useLocation().state as { saved?: boolean } | null)?.saved;
  return (
    <div className="xz-page xz-page-back">
      <BackBar title="巡查记录" fallback="/h5/patrols" />
      {q.isPending ? (
        <Skeletons n={2} />
      ) : q.isError ? (
        <div className="xz-card xz-empty" role="alert">
          <p>{errorMessage(q.error, '没有找到这条巡查记录。')}</p>
        </div>
      ) : (
        <PatrolBody p={q.data} saved={saved} />
      )}
    </div>
  );
}

function PatrolBody({ p, saved }: { p: Patrol; saved: boolean }) {
  const me = useMe().data;
  const bad = p.results.filter((r) => !r.ok);
  const good = p.results.filter((r) => r.ok);
  const open = bad.filter((r) => !r.caseId).length;
  return (
    <>
      {saved && (
        <p className="xz-saved" role="status">
          <CheckCircleFill aria-hidden /> 巡查已提交
        </p>
      )}
      <section className="xz-card" aria-labelledby="patrol-h">
        <h2 id="patrol-h" className="xz-case-h">
          {KIND_WORDS[p.kind]} · {p.regionName}
        </h2>
        <dl className="xz-dl xz-dl-wide">
          <div>
            <dt>时间</dt>
            <dd>{timeWord(p.patrolledAt)}</dd>
          </div>
          <div>
            <dt>巡查人</dt>
            <dd>{p.patrollerName}</dd>
          </div>
          <div>
            <dt>结果</dt>
            <dd>
              共{p.results.length}项，{bad.length ? <strong className="xz-late-text">{bad.length}项有问题</strong> : '全部正常'}
            </dd>
          </div>
          {p.location && (
            <div>
              <dt>位置</dt>
              <dd>已附上位置</dd>
            </div>
          )}
        </dl>
        {p.note && <p className="xz-desc">{p.note}</p>}
      </section>

      {bad.length > 0 && (
        <section aria-labelledby="h-bad">
          <h2 id="h-bad" className="xz-section">
            发现的问题
          </h2>
          {bad.map((r) => (
            <ProblemItem key={r.code} p={p} r={r} />
          ))}
        </section>
      )}

      {good.length > 0 && (
        <details className="xz-card xz-oklist">
          <summary>
            <span>其余{good.length}项正常</span>
            <span className="xz-ok-toggle" aria-hidden />
          </summary>
          {byCategory(good).map(([cat, list]) => (
            <p key={cat} className="xz-ok-line">
              <span className="xz-ok-cat">{cat}</span>
              {list.map((r) => r.name).join('、')}
            </p>
          ))}
        </details>
      )}

      {saved && (
        <div className="xz-actionbar">
          <Link to={homePath(me)} className="xz-plain-btn">
            {open ? '先不转，回到今日' : '完成，回到今日'}
          </Link>
        </div>
      )}
    </>
  );
}

function ProblemItem({ p, r }: { p: Patrol; r: PatrolResult }) {
  const qc = useQueryClient();
  const [converting, setConverting] = useState(false);
  const [fresh, setFresh] = useState(false);
  const convert = async (category: string, title: string) => {
    const c = await api.post<CaseDetail>(`/api/patrols/${encodeURIComponent(p.id)}/items/${encodeURIComponent(r.code)}/case`, { category, title });
    qc.setQueryData<Patrol>(patrolKeys.one(p.id), (old) =>
      old ? { ...old, results: old.results.map((x) => (x.code === r.code ? { ...x, caseId: c.id } : x)) } : old,
    );
    qc.setQueryData(['h5', 'case', c.id], c);
    setFresh(true);
    setConverting(false);
    await Promise.all([qc.invalidateQueries({ queryKey: patrolKeys.all }), qc.invalidateQueries({ queryKey: ['h5', 'cases'] })]);
    return c;
  };
  return (
    <article className="xz-card xz-problem" aria-label={r.name}>
      <p className="xz-problem-cat">{r.category}</p>
      <h3 className="xz-problem-name">{r.name}</h3>
      {r.note && <p className="xz-desc">{r.note}</p>}
      {r.caseId ? (
        <LinkedCase caseId={r.caseId} fresh={fresh} />
      ) : converting ? (
        <ToCaseBox
          id={`case-${r.code}`}
          defaultTitle={`${r.name}：${r.note ?? ''}`.slice(0, 60)}
          defaultCategory={LIKELY_CATEGORY[r.category]}
          carried={`检查项和问题说明会写进事件，地点为${p.regionName}，不用再填。`}
          convert={convert}
          onCancel={() => setConverting(false)}
        />
      ) : (
        <Button block color="primary" fill="outline" className="xz-tocase-btn" onClick={() => setConverting(true)}>
          转为事件
        </Button>
      )}
    </article>
  );
}
