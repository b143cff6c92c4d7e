// 办理 on the phone: the steps of a case that are the signed-in worker's to take now, as big buttons — 受理 and
// 开始处置 at one tap, 办结 with the result in words (at least five characters, as the server requires), 退回 with
// the reason. Which buttons show is what the API says this user may do (the case's `actions`).
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, TextArea } from 'antd-mobile';
import { api } from '../shared/api-client';
import { RESULT_MIN_CHARS, resultStated } from '../../shared/case-result';
import type { CaseDetail } from '../console/api/cases';
import { errorMessage, newKey } from './errors';

/** The steps this box offers, in the order a case goes through them. */
const STEPS = ['accept', 'start', 'resolve', 'return'] as const;
type Step = (typeof STEPS)[number];
const OPEN_FOR_RETURN = ['accepted', 'dispatched', 'in_progress'];

const WORDS: Record<Step, { button: string; done: string }> = {
  accept: { button: '受理', done: '已受理' },
  start: { button: '开始处置', done: '已开始处置' },
  resolve: { button: '办结', done: '已办结，已通知上报人评价' },
  return: { button: '退回', done: '已退回' },
};

export function CaseWork({ c }: { c: CaseDetail }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState<'resolve' | 'return' | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<Step | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  // One key per step of this case while the page is open: a retried tap is not a second step.
  const [keys] = useState(() => Object.fromEntries(STEPS.map((s) => [s, newKey(`h5-${s}`)])) as Record<Step, string>);
  // 退回 here is the handler giving an open case back to the level; sending a resolved case back to be redone
  // (also 'return' in the API) stays with the level on the console.
  const offered = STEPS.filter((s) => c.actions.includes(s) && (s !== 'return' || OPEN_FOR_RETURN.includes(c.status)));

  const take = async (step: Step, note?: string) => {
    setBusy(step);
    setError('');
    try {
      const next = await api.post<CaseDetail>(`/api/cases/${encodeURIComponent(c.id)}/transitions`, {
        action: step,
        note: note?.trim() || undefined,
        idempotencyKey: keys[step],
      });
      qc.setQueryData(['h5', 'case', c.id], next);
      setOpen(null);
      setText('');
      setDone(WORDS[step].done);
      await qc.invalidateQueries({ queryKey: ['h5', 'cases'] });
    } catch (err) {
      setError(errorMessage(err, `${WORDS[step].button}没有成功，请再试一次`));
    } finally {
      setBusy(null);
    }
  };

  if (!offered.length && !done) return null;
  return (
    <section className="xz-card xz-workbox" aria-labelledby="h-work">
      <h2 id="h-work" className="xz-section-in">
        我来办理
      </h2>
      {done && (
        <p className="xz-thanks" role="status">
          {done}
        </p>
      )}
      {open ? (
        <div className="xz-field">
          <label htmlFor="work-text" className="xz-label">
            {open === 'resolve' ? '办理结果' : '退回原因'}
          </label>
          <TextArea
            id="work-text"
            placeholder={open === 'resolve' ? `写明怎么处理的、结果如何（至少${RESULT_MIN_CHARS}个字）` : '比如：不属于本网格，请村里处理'}
            value={text}
            onChange={setText}
            maxLength={2000}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
          />
          {error && (
            <p className="xz-error" role="alert">
              {error}
            </p>
          )}
          <Button
            color="primary"
            block
            size="large"
            className="xz-main-btn"
            loading={busy === open}
            loadingText="正在提交"
            disabled={open === 'resolve' ? !resultStated(text) : !text.trim()}
            onClick={() => take(open, text)}
          >
            {open === 'resolve' ? '确认办结' : '确认退回'}
          </Button>
          <Button
            block
            size="large"
            className="xz-main-btn xz-second-btn"
            fill="outline"
            onClick={() => {
              setOpen(null);
              setError('');
            }}
          >
            取消
          </Button>
        </div>
      ) : (
        <>
          {error && (
            <p className="xz-error" role="alert">
              {error}
            </p>
          )}
          <div className="xz-work-btns">
            {offered.map((s, i) => (
              <Button
                key={s}
                color={i === 0 && s !== 'return' ? 'primary' : 'default'}
                fill={i === 0 && s !== 'return' ? 'solid' : 'outline'}
                block
                size="large"
                className="xz-main-btn"
                loading={busy === s}
                onClick={() => {
                  if (s === 'resolve' || s === 'return') {
                    setOpen(s);
                    setText('');
                    setError('');
                  } else void take(s);
                }}
              >
                {WORDS[s].button}
              </Button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
