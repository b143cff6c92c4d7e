// 巡查清单: every item starts as 正常; one tap marks 有问题 and asks what was seen. Submitted once (idempotency key).
// Without a network the patrol waits on the phone (待同步, outbox.ts) under the same key and goes out later.
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, TextArea, type TextAreaRef } from 'antd-mobile';
import { api } from '../../shared/api-client';
import { useMe } from '../data';
import { errorMessage, isNetworkError, newKey } from '../errors';
import { enqueue } from '../outbox';
import { LocationField, useOptionalLocation } from '../location';
import { BackBar, Skeletons } from '../parts';
import { Failed } from './Today';
import {
  byCategory,
  dayWithWeekday,
  KIND_WORDS,
  patrolKeys,
  shortDay,
  useChecklist,
  usePatrolsDue,
  type ChecklistItem,
  type Patrol,
  type PatrolKind,
} from '../work';

const isKind = (k: string | null): k is PatrolKind => k === 'daily' || k === 'fortnightly' || k === 'quarterly';

export function PatrolFormPage() {
  const [params] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: PatrolKind = isKind(kindParam) ? kindParam : 'daily';
  const regionId = params.get('region') ?? '';
  const list = useChecklist();
  const due = usePatrolsDue();
  const slot = due.data?.find((p) => p.kind === kind && p.regionId === regionId);
  return (
    <div className="xz-page xz-page-back xz-page-sticky">
      <BackBar title={KIND_WORDS[kind]} fallback="/h5/patrols" />
      {list.isPending || due.isPending ? (
        <Skeletons n={3} />
      ) : list.isError ? (
        <Failed error={list.error} retry={() => list.refetch()} />
      ) : (
        <Checklist
          kind={kind}
          regionId={regionId}
          regionName={slot?.regionName ?? ''}
          periodKey={slot?.periodKey}
          day={slot?.kind === 'daily' ? slot.dueOn : undefined}
          late={slot?.status === 'late' ? slot.dueOn : undefined}
          items={list.data.items}
          listName={list.data.name}
        />
      )}
    </div>
  );
}

interface Answer {
  ok: boolean;
  note: string;
}

function Checklist({
  kind,
  regionId,
  regionName,
  periodKey,
  day,
  late,
  items,
  listName,
}: {
  kind: PatrolKind;
  regionId: string;
  regionName: string;
  periodKey?: string;
  day?: string;
  late?: string;
  items: ChecklistItem[];
  listName: string;
}) {
  const me = useMe().data;
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [key] = useState(() => newKey('patrol'));
  const loc = useOptionalLocation();
  const notes = useRef(new Map<string, TextAreaRef | null>());
  const navigate = useNavigate();
  const qc = useQueryClient();
  const groups = useMemo(() => byCategory(items), [items]);
  const answer = (code: string): Answer => answers[code] ?? { ok: true, note: '' };
  const problems = items.filter((i) => !answer(i.code).ok);

  const set = (code: string, a: Partial<Answer>) => {
    setAnswers((cur) => ({ ...cur, [code]: { ...(cur[code] ?? { ok: true, note: '' }), ...a } }));
    if (a.ok === true || a.note?.trim())
      setMissing((m) => {
        const n = new Set(m);
        n.delete(code);
        return n;
      });
  };
  const stillMissing = problems.filter((i) => missing.has(i.code)).length;
  const markProblem = (code: string) => {
    set(code, { ok: false });
    setTimeout(() => notes.current.get(code)?.focus(), 0);
  };

  const submit = async () => {
    const unexplained = problems.filter((i) => !answer(i.code).note.trim()).map((i) => i.code);
    if (unexplained.length) {
      setMissing(new Set(unexplained));
      setError('');
      notes.current.get(unexplained[0])?.focus();
      return;
    }
    setBusy(true);
    setError('');
    const body = {
      kind,
      regionId,
      results: items.map((i) => ({ code: i.code, ok: answer(i.code).ok, note: answer(i.code).ok ? undefined : answer(i.code).note.trim() })),
      location: loc.spot,
    };
    const keepOnPhone = async () => {
      try {
        await enqueue({
          kind: 'patrol',
          key,
          userId: me!.id,
          savedAt: Date.now(),
          title: `${KIND_WORDS[kind]} · ${regionName}`,
          place: listName,
          status: 'pending',
          tries: 0,
          body,
          periodKey,
          total: items.length,
          issues: problems.map((i) => ({ name: i.name, note: answer(i.code).note.trim() })),
        });
      } catch {
        setError('没有网络，这台手机也不能离线保存。请先别关这个页面，等有信号后再提交。');
        return;
      }
      navigate(`/h5/outbox?saved=${encodeURIComponent(key)}`, { replace: true });
    };
    if (!navigator.onLine) {
      await keepOnPhone();
      setBusy(false);
      return;
    }
    try {
      const p = await api.post<Patrol>('/api/patrols', { ...body, idempotencyKey: key });
      qc.setQueryData(patrolKeys.one(p.id), p);
      await qc.invalidateQueries({ queryKey: patrolKeys.all });
      navigate(`/h5/patrols/${encodeURIComponent(p.id)}`, { replace: true, state: { saved: true } });
    } catch (err) {
      if (isNetworkError(err)) return await keepOnPhone();
      setError(errorMessage(err, '巡查没有提交成功，请再试一次'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="xz-card" aria-labelledby="patrol-where">
        <h2 id="patrol-where" className="xz-case-h">
          {regionName || KIND_WORDS[kind]}
        </h2>
        <p className="xz-muted">{[listName, day ? dayWithWeekday(day) : ''].filter(Boolean).join(' · ')}</p>
        {late && <p className="xz-late-text xz-field-hint">本期应于{shortDay(late)}巡查，现在补上。</p>}
        <p className="xz-field-hint">逐项看一遍：都默认“正常”，发现问题的点“有问题”并写明情况。</p>
      </section>

      {groups.map(([category, list]) => {
        const n = list.filter((i) => !answer(i.code).ok).length;
        return (
          <section key={category} className="xz-card xz-checkgroup" aria-label={category}>
            <h2 className="xz-section-in xz-check-cat">
              {category}
              {n > 0 && <span className="xz-status xz-status-late">{n}项有问题</span>}
            </h2>
            <ul className="xz-checks">
              {list.map((i) => {
                const a = answer(i.code);
                return (
                  <li key={i.code} className={a.ok ? 'xz-check' : 'xz-check xz-check-bad'}>
                    <div className="xz-check-row">
                      <span className="xz-check-name" id={`chk-${i.code}`}>
                        {i.name}
                      </span>
                      <div className="xz-toggle" role="radiogroup" aria-labelledby={`chk-${i.code}`}>
                        <button
                          type="button"
                          role="radio"
                          aria-checked={a.ok}
                          className={a.ok ? 'xz-toggle-btn xz-toggle-ok' : 'xz-toggle-btn'}
                          onClick={() => set(i.code, { ok: true })}
                        >
                          正常
                        </button>
                        <button
                          type="button"
                          role="radio"
                          aria-checked={!a.ok}
                          className={!a.ok ? 'xz-toggle-btn xz-toggle-bad' : 'xz-toggle-btn'}
                          onClick={() => markProblem(i.code)}
                        >
                          有问题
                        </button>
                      </div>
                    </div>
                    {!a.ok && (
                      <div className="xz-check-note">
                        <label htmlFor={`note-${i.code}`} className="xz-label">
                          问题说明
                          <span className="xz-req" aria-hidden>
                            *
                          </span>
                        </label>
                        <TextArea
                          id={`note-${i.code}`}
                          ref={(r) => {
                            notes.current.set(i.code, r);
                          }}
                          placeholder="在哪里、看到了什么"
                          value={a.note}
                          onChange={(v) => set(i.code, { note: v })}
                          maxLength={300}
                          autoSize={{ minRows: 2, maxRows: 5 }}
                        />
                        {missing.has(i.code) && (
                          <p className="xz-error" role="alert">
                            请写明“{i.name}”发现的问题
                          </p>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}

      <div className="xz-card">
        <LocationField loc={loc} />
      </div>

      <div className="xz-sticky-bar">
        {stillMissing > 0 && (
          <p className="xz-error" role="alert">
            还有{stillMissing}项问题没写说明，请写上看到了什么
          </p>
        )}
        {error && (
          <p className="xz-error" role="alert">
            {error}
          </p>
        )}
        <p className="xz-sticky-sum" aria-live="polite">
          共{items.length}项，{problems.length ? <strong className="xz-late-text">{problems.length}项有问题</strong> : '全部正常'}
        </p>
        <Button color="primary" block size="large" className="xz-main-btn" loading={busy} loadingText="正在提交" onClick={submit} disabled={!regionId}>
          提交巡查
        </Button>
      </div>
    </>
  );
}
