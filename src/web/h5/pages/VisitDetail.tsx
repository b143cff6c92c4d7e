// 走访记录: what was saved; a visit that found a problem turns into a case here, its text, household and grid carried over.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ImageViewer } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { api } from '../../shared/api-client';
import type { CaseDetail } from '../../console/api/cases';
import { errorMessage } from '../errors';
import { timeWord } from '../labels';
import { BackBar, Skeletons } from '../parts';
import { Tag } from '../cards';
import { LinkedCase, ToCaseBox } from '../convert';
import { firstSentence, homePath, METHOD_WORDS, useVisit, visitKeys, visitPhotoUrl, type Visit } from '../work';
import { useMe } from '../data';

export function VisitDetailPage() {
  const { id = '' } = useParams();
  const q = useVisit(id);
  const saved = !!(useLocation().state as { saved?: boolean } | null)?.saved;
  return (
    <div className="xz-page xz-page-back">
      <BackBar title="走访记录" fallback="/h5/visits" />
      {q.isPending ? (
        <Skeletons n={2} />
      ) : q.isError ? (
        <div className="xz-card xz-empty" role="alert">
          <p>{errorMessage(q.error, '没有找到这条走访记录。')}</p>
        </div>
      ) : (
        <VisitBody v={q.data} saved={saved} />
      )}
    </div>
  );
}

function VisitBody({ v, saved }: { v: Visit; saved: boolean }) {
  const qc = useQueryClient();
  const me = useMe().data;
  const [converting, setConverting] = useState(false);
  const [fresh, setFresh] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const photos = (v.attachments ?? []).filter((a) => a.mime.startsWith('image/'));
  const urls = photos.map((p) => visitPhotoUrl(v.id, p.id));
  const who = v.residentName ?? (v.headName ? `${v.headName}户` : v.address);

  const convert = async (category: string, title: string) => {
    const c = await api.post<CaseDetail>(`/api/visits/${encodeURIComponent(v.id)}/case`, { category, title });
    qc.setQueryData<Visit>(visitKeys.one(v.id), (old) => (old ? { ...old, caseId: c.id } : old));
    qc.setQueryData(['h5', 'case', c.id], c);
    setFresh(true);
    setConverting(false);
    await Promise.all([qc.invalidateQueries({ queryKey: visitKeys.all }), qc.invalidateQueries({ queryKey: ['h5', 'cases'] })]);
    return c;
  };

  // Just saved: turning the problem into a case is the next thing to do, so it comes first.
  const caseBlock = v.caseId ? (
    <section className="xz-card" aria-labelledby="h-case">
      <h2 id="h-case" className="xz-section-in">
        事件
      </h2>
      <LinkedCase caseId={v.caseId} fresh={fresh} />
    </section>
  ) : v.problem || converting ? (
    <section className="xz-card xz-tocase-card" aria-labelledby="h-tocase">
      <h2 id="h-tocase" className="xz-section-in">
        转为事件
      </h2>
      <ToCaseBox
        id="visit-case"
        defaultTitle={firstSentence(v.situation)}
        carried={`走访情况、群众诉求会写进事件，户（${v.address}）和网格自动带入，不用再填。`}
        convert={convert}
        onCancel={v.problem ? undefined : () => setConverting(false)}
      />
    </section>
  ) : (
    <button type="button" className="xz-text-btn xz-center-btn" onClick={() => setConverting(true)}>
      其实发现了问题？转为事件
    </button>
  );

  const caseFirst = saved && (v.problem || !!v.caseId || converting);

  return (
    <>
      {saved && (
        <p className="xz-saved" role="status">
          <CheckCircleFill aria-hidden /> 走访已保存
        </p>
      )}
      {caseFirst && caseBlock}
      <section className="xz-card" aria-labelledby="visit-who">
        <div className="xz-case-top">
          <h2 id="visit-who" className="xz-case-h">
            {who}
          </h2>
          {v.problem && <Tag word="发现问题" tone="late" />}
        </div>
        <dl className="xz-dl xz-dl-wide">
          <div>
            <dt>住址</dt>
            <dd>{v.address}</dd>
          </div>
          <div>
            <dt>网格</dt>
            <dd>{v.regionName}</dd>
          </div>
          <div>
            <dt>方式</dt>
            <dd>{METHOD_WORDS[v.method] ?? '其他'}走访</dd>
          </div>
          <div>
            <dt>时间</dt>
            <dd>
              {timeWord(v.visitedAt)} · {v.visitorName}
            </dd>
          </div>
          {v.location && (
            <div>
              <dt>位置</dt>
              <dd>已附上位置</dd>
            </div>
          )}
        </dl>
        <h3 className="xz-sub">走访情况</h3>
        <p className="xz-desc">{v.situation}</p>
        {v.needs && (
          <>
            <h3 className="xz-sub">群众诉求</h3>
            <p className="xz-desc">{v.needs}</p>
          </>
        )}
        {v.followUp && (
          <>
            <h3 className="xz-sub">后续跟进</h3>
            <p className="xz-desc">{v.followUp}</p>
          </>
        )}
        {photos.length > 0 && (
          <div className="xz-photos">
            {photos.map((p, i) => (
              <button type="button" key={p.id} className="xz-photo" onClick={() => setViewing(i)} aria-label={`查看大图：${p.name}`}>
                <img src={urls[i]} alt={p.name} loading="lazy" />
              </button>
            ))}
          </div>
        )}
        <ImageViewer.Multi images={urls} visible={viewing !== null} defaultIndex={viewing ?? 0} onClose={() => setViewing(null)} />
      </section>

      {!caseFirst && caseBlock}

      {saved && (
        <div className="xz-actionbar">
          <Link to={homePath(me)} className="xz-plain-btn">
            {v.problem && !v.caseId ? '先不转，回到今日' : '完成，回到今日'}
          </Link>
        </div>
      )}
    </>
  );
}
