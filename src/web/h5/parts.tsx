// Small shared pieces of the phone pages.
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { LeftOutline } from 'antd-mobile-icons';
import type { CaseStatus } from '../console/api/cases';
import { STATUS_TONE, statusWord } from './labels';

export function StatusTag({ status }: { status: string }) {
  const tone = STATUS_TONE[status as CaseStatus] ?? 'work';
  return <span className={`xz-status xz-status-${tone}`}>{statusWord(status)}</span>;
}

/** A page header with a back button (for pages outside the tab bar) and room for one small action on the right. */
export function BackBar({ title, fallback = '/h5', extra }: { title: string; fallback?: string; extra?: ReactNode }) {
  const navigate = useNavigate();
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate(fallback));
  return (
    <header className="xz-backbar">
      <button type="button" className="xz-back" onClick={back} aria-label="返回">
        <LeftOutline aria-hidden /> 返回
      </button>
      <h1>{title}</h1>
      {extra ? <span className="xz-backbar-extra">{extra}</span> : <span className="xz-backbar-pad" aria-hidden />}
    </header>
  );
}

export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <header className="xz-pagehead">
      <h1>{children}</h1>
      {sub && <p>{sub}</p>}
    </header>
  );
}

export function Skeletons({ n = 3 }: { n?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label="正在加载">
      {Array.from({ length: n }, (_, i) => (
        <div key={i} className="xz-card xz-skel">
          <div />
          <div />
          <div />
        </div>
      ))}
    </div>
  );
}

/** − n + with big targets (antd-mobile's Stepper is small for thumbs and leaves its input unlabelled). */
export function NumberStepper({
  value,
  min = 1,
  max,
  unit,
  labelledBy,
  onChange,
}: {
  value: number;
  min?: number;
  max: number;
  /** 件, 天: in the buttons' names (少一件, 多一天). */ unit: string;
  labelledBy: string;
  onChange: (n: number) => void;
}) {
  return (
    <div className="xz-qty" role="group" aria-labelledby={labelledBy}>
      <button type="button" className="xz-qty-btn" aria-label={`少一${unit}`} disabled={value <= min} onClick={() => onChange(value - 1)}>
        −
      </button>
      <output className="xz-qty-n" aria-live="polite">
        {value}
      </output>
      <button type="button" className="xz-qty-btn" aria-label={`多一${unit}`} disabled={value >= max} onClick={() => onChange(value + 1)}>
        +
      </button>
    </div>
  );
}
