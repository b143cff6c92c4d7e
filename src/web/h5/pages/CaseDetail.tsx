// 事件详情: facts, photos, the steps that are mine to take (case-work.tsx), a plain timeline, and — when it is my
// turn — a large 1–5 star rating.
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ImageViewer, TextArea } from 'antd-mobile';
import { SoundOutline, StarFill } from 'antd-mobile-icons';
import { api } from '../../shared/api-client';
import { attachmentUrl, type CaseDetail } from '../../console/api/cases';
import { useCaseDetail, useMe } from '../data';
import { dayWord, RATING_WORDS, statusWord, timeWord } from '../labels';
import { noteRepeats, stepWords, whoWord } from '../steps';
import { BackBar, Skeletons, StatusTag } from '../parts';
import { errorMessage, newKey } from '../errors';
import { useReadAloud } from '../speech';
import { CaseWork } from '../case-work';
import '../report/report.css';

export function CasePage() {
  const { id = '' } = useParams();
  const q = useCaseDetail(id);
  const c = q.data;
  return (
    <div className="xz-page xz-page-back">
      <BackBar title="事件详情" extra={c ? <ReadAloud c={c} /> : undefined} />
      {q.isPending ? (
        <Skeletons n={2} />
      ) : q.isError || !c ? (
        <div className="xz-card xz-empty" role="alert">
          <p>{errorMessage(q.error, '没有找到这件事，可能已被撤回或您无权查看。')}</p>
        </div>
      ) : (
        <CaseBody c={c} />
      )}
    </div>
  );
}

/** 随手拍's place: the household's address or the phone's place when one was added, else the grid. */
function placeWords(c: CaseDetail): string {
  const place = c.details?.place as { kind?: string; address?: string } | undefined;
  if (place?.kind === 'home' && place.address) return `${c.placeName} · ${place.address}`;
  if (place?.kind === 'spot') return `${c.placeName} · 已附手机位置`;
  return c.placeName;
}

function CaseBody({ c }: { c: CaseDetail }) {
  const me = useMe().data?.id;
  // The result's photos show beside the ones from before, in the result box; the rest stay with the facts.
  const photos = c.attachments.filter((a) => a.mime.startsWith('image/') && !c.photos.after.includes(a.id));
  const [viewing, setViewing] = useState<number | null>(null);
  const urls = photos.map((p) => attachmentUrl(c.id, p.id));
  const [thanks, setThanks] = useState(false);
  return (
    <>
      <section className="xz-card xz-facts" aria-labelledby="case-title">
        <h2 id="case-title" className="xz-case-h">
          {c.title}
        </h2>
        <div className="xz-facts-status">
          <StatusTag status={c.status} />
          <span className="xz-muted">编号 {c.seq}</span>
        </div>
        <dl className="xz-dl">
          <div>
            <dt>类别</dt>
            <dd>{c.categoryName}</dd>
          </div>
          <div>
            <dt>地点</dt>
            <dd>{placeWords(c)}</dd>
          </div>
          <div>
            <dt>上报</dt>
            <dd>
              {dayWord(c.reportedAt)} · {c.reporterName}
            </dd>
          </div>
          {c.assigneeName && (
            <div>
              <dt>经办</dt>
              <dd>
                {c.assigneeUnit ? `${c.assigneeUnit} · ` : ''}
                {c.assigneeName}
              </dd>
            </div>
          )}
        </dl>
        {c.status === 'reported' && c.acknowledgement && <p className="xz-ack">{c.acknowledgement.words}</p>}
        {c.description && <p className="xz-desc">{c.description}</p>}
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

      <CaseWork c={c} />

      {c.actions.includes('rate') ? (
        <RateBox c={c} onDone={() => setThanks(true)} />
      ) : (
        c.resolvedAt && (
          <section className="xz-card" aria-labelledby="h-result">
            <h2 id="h-result" className="xz-section-in">
              办理结果
            </h2>
            <ResultView c={c} />
          </section>
        )
      )}
      {!c.actions.includes('rate') && c.rating != null && (
        <section className="xz-card" aria-labelledby="h-myrating">
          {thanks && (
            <p className="xz-thanks" role="status">
              感谢评价！村里已经收到您的意见。
            </p>
          )}
          <h2 id="h-myrating" className="xz-section-in">
            {thanks ? '您的评价' : '评价'}
          </h2>
          <Stars value={c.rating} readOnly />
          <p className="xz-rate-word">{RATING_WORDS[c.rating - 1]}</p>
          {c.ratingComment && <p className="xz-desc">“{c.ratingComment}”</p>}
        </section>
      )}

      <section className="xz-card" aria-labelledby="h-timeline">
        <h2 id="h-timeline" className="xz-section-in">
          办理经过
        </h2>
        <ol className="xz-timeline">
          {[...c.history].reverse().map((h, i) => {
            const w = stepWords(h, me);
            return (
              <li key={`${h.at}-${i}`} className={i === 0 ? 'xz-tl xz-tl-now' : 'xz-tl'}>
                <span className="xz-tl-dot" aria-hidden />
                <div className="xz-tl-body">
                  <time className="xz-tl-time" dateTime={h.at}>
                    {timeWord(h.at)}
                  </time>
                  <p className="xz-tl-say">{w.say}。</p>
                  {h.action === 'merge' && typeof h.data?.intoId === 'string' && (
                    <p className="xz-tl-note">
                      <Link to={`/h5/cases/${encodeURIComponent(h.data.intoId)}`}>与同一件事合并办理，查看进展：{String(h.data.intoTitle ?? '')}</Link>
                    </p>
                  )}
                  {h.note && !noteRepeats(h) && (
                    <p className="xz-tl-note">
                      {w.noteLabel && <span className="xz-tl-label">{w.noteLabel}：</span>}
                      {h.note}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}

/** What 朗读 says: the title, where the case stands, and its latest step. */
function spokenText(c: CaseDetail): string {
  const sentence = (x: string) => (/[。！？!?.]$/.test(x) ? x : `${x}。`);
  const parts = [sentence(c.title), `当前状态：${statusWord(c.status)}。`];
  const last = c.history[c.history.length - 1];
  if (last) {
    const w = stepWords(last, undefined, true);
    const note = last.note && !noteRepeats(last) ? `${w.noteLabel ?? ''}${w.noteLabel ? '：' : ''}${last.note.trim()}` : '';
    parts.push(`最新进展：${timeWord(last.at)}，${w.say}。`);
    if (note) parts.push(sentence(note));
  }
  return parts.join('');
}

/** 朗读 in the header (停止 while it reads): shown only where the phone can speak. */
function ReadAloud({ c }: { c: CaseDetail }) {
  const { supported, speaking, toggle } = useReadAloud();
  if (!supported) return null;
  return (
    <button
      type="button"
      className={speaking ? 'xz-read-btn xz-read-on' : 'xz-read-btn'}
      aria-label={speaking ? '停止朗读' : '朗读'}
      onClick={() => toggle(spokenText(c))}
    >
      <span className="xz-read-pill" aria-hidden>
        {speaking ? <span className="xz-stop-mark" /> : <SoundOutline />}
        {speaking ? '停止' : '朗读'}
      </span>
    </button>
  );
}

function Stars({ value, onChange, readOnly }: { value: number; onChange?: (n: number) => void; readOnly?: boolean }) {
  if (readOnly) {
    return (
      <div className="xz-stars xz-stars-ro" role="img" aria-label={`${value}星，${RATING_WORDS[value - 1]}`}>
        {[1, 2, 3, 4, 5].map((n) => (
          <StarFill key={n} className={n <= value ? 'xz-star-on' : 'xz-star-off'} aria-hidden />
        ))}
      </div>
    );
  }
  return (
    <div className="xz-stars" role="radiogroup" aria-label="满意程度">
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          aria-label={`${n}星 ${RATING_WORDS[n - 1]}`}
          className={n <= value ? 'xz-star xz-star-on' : 'xz-star xz-star-off'}
          onClick={() => onChange?.(n)}
        >
          <StarFill aria-hidden />
        </button>
      ))}
    </div>
  );
}

function RateBox({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const [rating, setRating] = useState(0);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [key] = useState(() => newKey('rate'));
  const qc = useQueryClient();
  const ref = useRef<HTMLElement>(null);
  const loc = useLocation();
  useEffect(() => {
    if (loc.hash === '#rate') ref.current?.scrollIntoView({ block: 'start' });
  }, [loc.hash]);

  const submit = async () => {
    if (!rating) return setError('请先点星星选择满意程度');
    setBusy(true);
    setError('');
    try {
      const next = await api.post<CaseDetail>(`/api/cases/${encodeURIComponent(c.id)}/transitions`, {
        action: 'rate',
        rating,
        note: note.trim() || undefined,
        idempotencyKey: key,
      });
      onDone();
      qc.setQueryData(['h5', 'case', c.id], next);
      await qc.invalidateQueries({ queryKey: ['h5', 'cases'] });
    } catch (err) {
      setError(errorMessage(err, '评价没有提交成功，请再试一次'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section ref={ref} id="rate" className="xz-card xz-ratebox" aria-labelledby="h-rate">
      <h2 id="h-rate" className="xz-section-in">
        请您评价
      </h2>
      <ResultView c={c} />
      <p className="xz-muted">这件事办得怎么样？请您打个分，村里都能看到。</p>
      <Stars value={rating} onChange={setRating} />
      <p className="xz-rate-word" aria-live="polite">
        {rating ? RATING_WORDS[rating - 1] : '点星星打分'}
      </p>
      <label htmlFor="rate-note" className="xz-label">
        想说的话（可不填）
      </label>
      <TextArea
        id="rate-note"
        placeholder="比如：处理很及时，谢谢！"
        value={note}
        onChange={setNote}
        maxLength={200}
        showCount
        autoSize={{ minRows: 2, maxRows: 5 }}
      />
      {error && (
        <p className="xz-error" role="alert">
          {error}
        </p>
      )}
      <Button color="primary" block size="large" className="xz-main-btn" loading={busy} loadingText="正在提交" onClick={submit}>
        提交评价
      </Button>
    </section>
  );
}

/** What was done, in the handler's words (who, when), and the photos from before beside those of the result. */
function ResultView({ c }: { c: CaseDetail }) {
  const result = c.history.findLast((h) => h.action === 'resolve');
  const [viewing, setViewing] = useState<number | null>(null);
  const images = new Map(c.attachments.map((a) => [a.id, a]));
  const before = c.photos.before.filter((id) => images.has(id));
  const after = c.photos.after.filter((id) => images.has(id));
  const urls = [...before, ...after].map((id) => attachmentUrl(c.id, id));
  const column = (title: string, ids: string[], offset: number, none: string) => (
    <div className="xz-ba-col">
      <h3 className="xz-ba-title">{title}</h3>
      {ids.length ? (
        <div className="xz-ba-photos">
          {ids.map((id, i) => (
            <button type="button" key={id} onClick={() => setViewing(offset + i)} aria-label={`查看大图：${title}第${i + 1}张`}>
              <img src={attachmentUrl(c.id, id)} alt={`${title}第${i + 1}张`} loading="lazy" />
            </button>
          ))}
        </div>
      ) : (
        <p className="xz-ba-none">{none}</p>
      )}
    </div>
  );
  if (!result?.note && !after.length) return null;
  return (
    <>
      {result?.note && (
        <div className="xz-result">
          <p className="xz-result-head">
            办理结果 · {whoWord(result)} · <span className="xz-nowrap">{dayWord(result.at)}</span>
          </p>
          <p className="xz-result-text">{result.note}</p>
        </div>
      )}
      {after.length > 0 && (
        <div className="xz-ba" role="group" aria-label="办理前后照片对比">
          {column('办理前', before, 0, '上报时没有照片')}
          {column('办理后', after, before.length, '')}
        </div>
      )}
      <ImageViewer.Multi images={urls} visible={viewing !== null} defaultIndex={viewing ?? 0} onClose={() => setViewing(null)} />
    </>
  );
}
