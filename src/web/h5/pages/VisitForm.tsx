// 记录走访: how (入户 by default), what I found (the one required field), what they need, what follows,
// 发现问题, an optional photo and an optional location. Saved once, with an idempotency key, even on a retry.
// Without a network (or when the request gets no answer) the visit and its photo wait on the phone (待同步, outbox.ts)
// under the same key, and go out by themselves later.
import { useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Switch, TextArea, type TextAreaRef } from 'antd-mobile';
import { api } from '../../shared/api-client';
import { useMe } from '../data';
import { errorMessage, isNetworkError, newKey } from '../errors';
import { enqueue } from '../outbox';
import { LocationField, useOptionalLocation } from '../location';
import { PhotoField, uploadPhoto, usePhotoPick } from '../photo';
import { BackBar, Skeletons } from '../parts';
import { METHOD_WORDS, METHODS, useHouseholdFull, visitKeys, type Visit, type VisitMethod } from '../work';

export function VisitFormPage() {
  const [params] = useSearchParams();
  const householdId = params.get('household');
  const residentId = params.get('resident');
  const from = (useLocation().state ?? {}) as { reasons?: string[]; who?: string; address?: string; grid?: string };
  const hh = useHouseholdFull(householdId);
  const me = useMe().data;
  const navigate = useNavigate();
  const qc = useQueryClient();

  const [method, setMethod] = useState<VisitMethod>('home');
  const [situation, setSituation] = useState('');
  const [needs, setNeeds] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [problem, setProblem] = useState(false);
  const shot = usePhotoPick();
  const loc = useOptionalLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [situationError, setSituationError] = useState('');
  const [key] = useState(() => newKey('visit'));
  /** Set once the visit is saved, so a failed photo upload is retried on the same visit. */
  const [savedId, setSavedId] = useState<string | null>(null);
  const situationRef = useRef<TextAreaRef>(null);

  const resident = residentId ? hh.data?.residents.find((r) => r.id === residentId) : undefined;
  const who = resident?.name ?? from.who ?? (hh.data?.headName ? `${hh.data.headName}户` : '');
  const address = hh.data?.address ?? from.address ?? '';

  /** Keeps the visit (and the photo) on the phone; `visitId` when the server already has the visit but not the photo. */
  const keepOnPhone = async (visitId?: string) => {
    try {
      await enqueue({
        kind: 'visit',
        key,
        userId: me!.id,
        savedAt: Date.now(),
        title: who ? `走访 · ${who}` : '走访',
        place: address,
        status: 'pending',
        tries: 0,
        body: {
          householdId: householdId!,
          residentId: residentId ?? undefined,
          method,
          situation: situation.trim(),
          needs: needs.trim() || undefined,
          followUp: followUp.trim() || undefined,
          problem,
          location: loc.spot,
        },
        photo: shot.photo ?? undefined,
        photoName: shot.photo?.name,
        visitId,
      });
    } catch {
      setError('没有网络，这台手机也不能离线保存。请先别关这个页面，等有信号后再点保存。');
      return;
    }
    navigate(`/h5/outbox?saved=${encodeURIComponent(key)}`, { replace: true });
  };

  const save = async () => {
    if (!householdId) return setError('请先选择要走访的户');
    if (!situation.trim()) {
      setSituationError('请写几句走访情况，如身体、生活、家里有什么困难');
      situationRef.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    if (!navigator.onLine) {
      await keepOnPhone(savedId ?? undefined);
      setBusy(false);
      return;
    }
    let id = savedId;
    try {
      if (!id) {
        const v = await api.post<Visit>('/api/visits', {
          householdId,
          residentId: residentId ?? undefined,
          method,
          situation: situation.trim(),
          needs: needs.trim() || undefined,
          followUp: followUp.trim() || undefined,
          problem,
          location: loc.spot,
          idempotencyKey: key,
        });
        id = v.id;
        setSavedId(id);
        qc.setQueryData(visitKeys.one(id), v);
      }
      if (shot.photo) {
        await uploadPhoto(`/api/visits/${encodeURIComponent(id)}/attachments`, shot.photo);
        await qc.invalidateQueries({ queryKey: visitKeys.one(id) });
      }
      await qc.invalidateQueries({ queryKey: visitKeys.all });
      navigate(`/h5/visits/${encodeURIComponent(id)}`, { replace: true, state: { saved: true } });
    } catch (err) {
      if (isNetworkError(err)) return await keepOnPhone(id ?? undefined);
      setError(savedId ? `走访已保存，照片没有传上去：${errorMessage(err)}。可再点保存重传。` : errorMessage(err, '没有保存成功，请再试一次'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="xz-page xz-page-back">
      <BackBar title="记录走访" fallback="/h5/visits" />
      <section className="xz-card xz-visit-who" aria-label="走访对象">
        {!householdId ? (
          <p className="xz-error">没有选择要走访的户，请从走访列表进入。</p>
        ) : hh.isPending ? (
          <Skeletons n={1} />
        ) : hh.isError && from.address ? (
          <>
            <h2 className="xz-case-h">{who}</h2>
            <p className="xz-muted">{[from.address, from.grid].filter(Boolean).join(' · ')}</p>
            {!!from.reasons?.length && (
              <p className="xz-reasons">
                {from.reasons.map((r) => (
                  <span key={r} className="xz-reason">
                    {r}
                  </span>
                ))}
              </p>
            )}
          </>
        ) : hh.isError ? (
          <p className="xz-error" role="alert">
            {errorMessage(hh.error, '这户的信息没有加载出来')}
          </p>
        ) : (
          <>
            <h2 className="xz-case-h">{who}</h2>
            <p className="xz-muted">
              {hh.data.address} · {hh.data.gridName}
            </p>
            {!!from.reasons?.length && (
              <p className="xz-reasons">
                {from.reasons.map((r) => (
                  <span key={r} className="xz-reason">
                    {r}
                  </span>
                ))}
              </p>
            )}
          </>
        )}
      </section>

      <div className="xz-card">
        <fieldset className="xz-fieldset">
          <legend className="xz-label">走访方式</legend>
          <div className="xz-seg xz-seg-form" role="radiogroup" aria-label="走访方式">
            {METHODS.map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={method === m}
                className={method === m ? 'xz-seg-btn xz-seg-on' : 'xz-seg-btn'}
                onClick={() => setMethod(m)}
              >
                {METHOD_WORDS[m]}
              </button>
            ))}
          </div>
        </fieldset>

        <div className="xz-field">
          <label htmlFor="visit-situation">
            走访情况
            <span className="xz-req" aria-hidden>
              *
            </span>
          </label>
          <TextArea
            id="visit-situation"
            ref={situationRef}
            placeholder="身体、生活、家里的情况"
            value={situation}
            onChange={(v) => {
              setSituation(v);
              if (v.trim()) setSituationError('');
            }}
            maxLength={1000}
            autoSize={{ minRows: 3, maxRows: 8 }}
          />
          {situationError && (
            <p className="xz-error" role="alert">
              {situationError}
            </p>
          )}
        </div>
        <div className="xz-field">
          <label htmlFor="visit-needs">
            群众诉求<span className="xz-optional">（可不填）</span>
          </label>
          <TextArea
            id="visit-needs"
            placeholder="对方提出的困难和要求"
            value={needs}
            onChange={setNeeds}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 6 }}
          />
        </div>
        <div className="xz-field">
          <label htmlFor="visit-follow">
            后续跟进<span className="xz-optional">（可不填）</span>
          </label>
          <TextArea
            id="visit-follow"
            placeholder="下一步打算怎么办"
            value={followUp}
            onChange={setFollowUp}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 6 }}
          />
        </div>

        <div className="xz-field xz-row xz-switch-row">
          <div>
            <div className="xz-row-title" id="visit-problem-l">
              发现问题
            </div>
            <div className="xz-muted">保存后可一键转为事件</div>
          </div>
          <Switch checked={problem} onChange={setProblem} aria-labelledby="visit-problem-l" />
        </div>

        <PhotoField id="visit-photo" label="现场照片（可不拍）" state={shot} onError={setError} />
        <LocationField loc={loc} />
        {error && (
          <p className="xz-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="xz-actionbar">
        <Button
          color="primary"
          block
          size="large"
          className="xz-main-btn"
          loading={busy}
          loadingText="正在保存"
          disabled={shot.shrinking || !householdId}
          onClick={save}
        >
          保存走访
        </Button>
      </div>
    </div>
  );
}
