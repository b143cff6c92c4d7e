// Pieces of the 随手拍 form: the choices, the place line, the "already reported" panel, the answer after sending.
import { Link } from 'react-router-dom';
import { Button } from 'antd-mobile';
import { CheckCircleFill, EnvironmentOutline } from 'antd-mobile-icons';
import type { useOptionalLocation } from '../location';
import { dayWord } from '../labels';
import type { Choice, SimilarCase } from './data';

export function ChoiceGrid({ items, value, onPick, big }: { items: Choice[]; value: string; onPick: (code: string) => void; big?: boolean }) {
  return (
    <div className={big ? 'xz-choices xz-choices-big' : 'xz-choices'}>
      {items.map((c) => (
        <button
          key={c.code}
          type="button"
          aria-pressed={value === c.code}
          className={value === c.code ? 'xz-choice xz-choice-on' : 'xz-choice'}
          onClick={() => onPick(c.code)}
        >
          <span className="xz-choice-badge" aria-hidden>
            {c.badge}
          </span>
          <span className="xz-choice-label">{c.label}</span>
        </button>
      ))}
    </div>
  );
}

/** 地点: the household's address unless the villager taps 添加位置 (the phone's place, only then). */
export function PlaceLine({ address, loc }: { address: string | null; loc: ReturnType<typeof useOptionalLocation> }) {
  const { state } = loc;
  return (
    <div className="xz-field xz-report-place" aria-live="polite">
      <span className="xz-label">地点</span>
      {state.kind === 'got' ? (
        <div className="xz-loc-got">
          <span className="xz-loc-text">
            <EnvironmentOutline aria-hidden /> 已添加手机位置{state.accuracy ? `（误差约${state.accuracy}米）` : ''}
          </span>
          <button type="button" className="xz-text-btn" onClick={loc.drop}>
            改用家庭住址
          </button>
        </div>
      ) : (
        <>
          <p className="xz-report-home">
            <EnvironmentOutline aria-hidden /> {address ? `家庭住址：${address}` : '我所在的网格'}
          </p>
          <button type="button" className="xz-loc-btn" onClick={loc.locate} disabled={state.kind === 'locating'}>
            <EnvironmentOutline aria-hidden /> {state.kind === 'locating' ? '正在定位…' : '添加位置'}
          </button>
          <p className="xz-field-hint">{state.kind === 'failed' ? state.why.replace('保存', '上报') : '事情不在家门口时，点“添加位置”告诉村里在哪里'}</p>
        </>
      )}
    </div>
  );
}

/** 这件事已有人反映: the open cases of the grid that read the same, each with 我也遇到; or go on with a new report. */
export function SimilarPanel({
  items,
  busy,
  onFollow,
  onContinue,
  onBack,
}: {
  items: SimilarCase[];
  busy: string | null;
  onFollow: (id: string) => void;
  onContinue: () => void;
  onBack: () => void;
}) {
  return (
    <section className="xz-card xz-similar" aria-labelledby="similar-h">
      <h2 id="similar-h">这件事已有人反映</h2>
      <p className="xz-similar-sub">看看是不是同一件事。是的话点“我也遇到”，村里办理的每一步都会告诉您。</p>
      <ul className="xz-similar-list">
        {items.map((s) => (
          <li key={s.id} className="xz-similar-item">
            <p className="xz-similar-title">{s.title}</p>
            <p className="xz-similar-meta">
              {dayWord(s.reportedAt)}反映 · {s.statusName}
              {s.placeName ? ` · ${s.placeName}` : ''}
            </p>
            {s.following ? (
              <Link className="xz-similar-followed" to={`/h5/cases/${encodeURIComponent(s.id)}`}>
                您已关注，查看进展
              </Link>
            ) : (
              <Button color="primary" block className="xz-similar-btn" loading={busy === s.id} disabled={!!busy} onClick={() => onFollow(s.id)}>
                我也遇到
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Button block fill="outline" className="xz-similar-btn" disabled={!!busy} onClick={onContinue}>
        不是一件事，继续上报
      </Button>
      <button type="button" className="xz-text-btn xz-similar-back" disabled={!!busy} onClick={onBack}>
        返回修改
      </button>
    </section>
  );
}

/** After sending (or following): what happens next, in words, and where to watch it. */
export function Done({ heading, words, caseId, warning, onAgain }: { heading: string; words: string; caseId: string; warning?: string; onAgain: () => void }) {
  return (
    <section className="xz-card xz-done" aria-live="polite">
      <CheckCircleFill className="xz-done-icon" aria-hidden />
      <h2>{heading}</h2>
      <p className="xz-done-words">{words}</p>
      {warning && (
        <p className="xz-error" role="alert">
          {warning}
        </p>
      )}
      <Link className="xz-done-link" to={`/h5/cases/${encodeURIComponent(caseId)}`}>
        查看办理进展
      </Link>
      <button type="button" className="xz-link-btn xz-done-again" onClick={onAgain}>
        再拍一件
      </button>
    </section>
  );
}
