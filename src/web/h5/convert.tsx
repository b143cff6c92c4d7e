// 转为事件: a visit or a patrol item that found a problem becomes a case — choose the kind, keep the prefilled title.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Input } from 'antd-mobile';
import { CheckCircleFill, RightOutline } from 'antd-mobile-icons';
import type { CaseDetail } from '../console/api/cases';
import { useCaseDetail, useIncidentCategories } from './data';
import { errorMessage } from './errors';
import { Skeletons, StatusTag } from './parts';

interface Props {
  /** Unique on the page: names the fields. */ id: string;
  defaultTitle: string;
  defaultCategory?: string;
  /** What is carried over, in a few words (shown so the worker knows nothing needs retyping). */ carried: string;
  convert: (category: string, title: string) => Promise<CaseDetail>;
  onCancel?: () => void;
}

export function ToCaseBox({ id, defaultTitle, defaultCategory, carried, convert, onCancel }: Props) {
  const cats = useIncidentCategories();
  const [category, setCategory] = useState(defaultCategory ?? '');
  const [title, setTitle] = useState(defaultTitle);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const groups = useMemo(() => {
    const m = new Map<string, { code: string; name: string }[]>();
    for (const c of cats.data ?? []) {
      const g = c.group ?? '其他';
      if (!m.has(g)) m.set(g, []);
      m.get(g)!.push({ code: c.code, name: c.name });
    }
    return [...m.entries()];
  }, [cats.data]);

  const submit = async () => {
    if (!category) return setError('请选择事件类别');
    if (!title.trim()) return setError('请填写事件标题');
    setBusy(true);
    setError('');
    try {
      await convert(category, title.trim());
    } catch (err) {
      setError(errorMessage(err, '没有转成事件，请再试一次'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="xz-tocase">
      <p className="xz-field-hint xz-tocase-hint">{carried}</p>
      <fieldset className="xz-fieldset">
        <legend className="xz-label">事件类别</legend>
        {cats.isPending ? (
          <Skeletons n={1} />
        ) : cats.isError ? (
          <p className="xz-error">{errorMessage(cats.error, '类别没有加载出来')}</p>
        ) : (
          groups.map(([g, list]) => (
            <div key={g} className="xz-chip-group">
              <div className="xz-chip-group-name">{g}</div>
              <div className="xz-chips">
                {list.map((c) => (
                  <button
                    key={c.code}
                    type="button"
                    aria-pressed={category === c.code}
                    className={category === c.code ? 'xz-chip xz-chip-on' : 'xz-chip'}
                    onClick={() => setCategory(c.code)}
                  >
                    {c.name}
                  </button>
                ))}
              </div>
            </div>
          ))
        )}
      </fieldset>
      <div className="xz-field">
        <label htmlFor={`${id}-title`}>事件标题</label>
        <Input id={`${id}-title`} value={title} onChange={setTitle} maxLength={60} clearable />
      </div>
      {error && (
        <p className="xz-error" role="alert">
          {error}
        </p>
      )}
      <Button color="primary" block size="large" className="xz-main-btn" loading={busy} loadingText="正在转为事件" onClick={submit}>
        确认转为事件
      </Button>
      {onCancel && (
        <button type="button" className="xz-text-btn xz-tocase-cancel" onClick={onCancel}>
          先不转
        </button>
      )}
    </div>
  );
}

/** The case a record became: its number and state, and the way to it. */
export function LinkedCase({ caseId, fresh }: { caseId: string; fresh?: boolean }) {
  const c = useCaseDetail(caseId);
  const ref = useRef<HTMLDivElement>(null);
  // The picker it replaces was tall: bring the result into view.
  useEffect(() => {
    if (fresh) ref.current?.scrollIntoView({ block: 'center' });
  }, [fresh]);
  return (
    <div ref={ref} className="xz-linked" role={fresh ? 'status' : undefined}>
      <div className="xz-linked-head">
        <CheckCircleFill aria-hidden className="xz-linked-icon" />
        <span>已转为事件</span>
        {c.data && <StatusTag status={c.data.status} />}
      </div>
      {c.data ? (
        <Link to={`/h5/cases/${encodeURIComponent(caseId)}`} className="xz-linked-link">
          <span className="xz-linked-text">
            <span className="xz-linked-title">{c.data.title}</span>
            <span className="xz-muted">
              编号 {c.data.seq} · {c.data.categoryName}
            </span>
          </span>
          <span className="xz-linked-go">
            查看
            <RightOutline aria-hidden />
          </span>
        </Link>
      ) : c.isError ? (
        <Link to={`/h5/cases/${encodeURIComponent(caseId)}`} className="xz-linked-link">
          查看事件
        </Link>
      ) : (
        <Skeletons n={1} />
      )}
    </div>
  );
}
