// 我要申报: a villager claims points for their own household under a rule the village lets villagers claim,
// with a photo as evidence (required); the village checks it before it goes on the 公示栏.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, TextArea, Toast } from 'antd-mobile';
import { api } from '../../shared/api-client';
import type { HouseholdDetail } from '../../console/api/households';
import { homeGrant, useMe } from '../data';
import { proposeAward, useMyVillage, useRules } from '../points';
import { PhotoField, uploadPhoto, usePhotoPick } from '../photo';
import { errorMessage, newKey } from '../errors';
import { BackBar, Skeletons } from '../parts';

export function PointsClaimPage() {
  const me = useMe().data;
  const hh = homeGrant(me)?.householdId ?? undefined;
  const village = useMyVillage(me);
  const rules = useRules(village.data?.id);
  const family = useQuery({
    queryKey: ['h5', 'family', hh],
    queryFn: () => api.get<HouseholdDetail>(`/api/households/${encodeURIComponent(hh!)}`),
    enabled: !!hh,
  });
  const navigate = useNavigate();
  const qc = useQueryClient();
  const shot = usePhotoPick();
  const [ruleId, setRuleId] = useState('');
  const [residentId, setResidentId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => newKey('claim'));
  /** Set once the claim exists, so a failed photo upload is retried on the same claim. */
  const [createdId, setCreatedId] = useState<string | null>(null);
  const claimable = (rules.data ?? []).filter((r) => r.proposers.includes('villager') && r.value > 0);

  const submit = async () => {
    if (!ruleId) {
      setError('请选择申报的事项');
      return;
    }
    if (!shot.photo) {
      setError('请拍一张照片作为证明');
      return;
    }
    setBusy(true);
    setError('');
    // The state updates only on the next render: keep the claim's id here too, so this very catch knows it exists.
    let id = createdId;
    try {
      id ??= (await proposeAward({ householdId: hh!, ruleId, residentId: residentId || undefined, note: note.trim() || undefined, idempotencyKey: key })).id;
      setCreatedId(id);
      await uploadPhoto(`/api/points/awards/${encodeURIComponent(id)}/evidence`, shot.photo);
      await qc.invalidateQueries({ queryKey: ['points'] });
      Toast.show({ icon: 'success', content: '已提交，等待村两委审核' });
      navigate('/h5/points', { replace: true });
    } catch (err) {
      setError(id ? `申报已提交，但照片没有传上去（${errorMessage(err)}）。请点“重新上传照片”。` : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="xz-page xz-page-back">
      <BackBar title="我要申报积分" fallback="/h5/points" />
      {rules.isPending || village.isPending ? (
        <Skeletons n={2} />
      ) : !claimable.length ? (
        <p className="xz-card xz-muted">本村暂时没有可以由村民自己申报的积分事项。好人好事可以请网格员或村干部代为申报。</p>
      ) : (
        <div className="xz-card">
          <fieldset className="xz-fieldset">
            <legend className="xz-label">申报什么事项（必选）</legend>
            <div className="xz-chips xz-chips-1">
              {claimable.map((r) => (
                <button
                  key={r.id}
                  type="button"
                  aria-pressed={ruleId === r.id}
                  className={ruleId === r.id ? 'xz-chip xz-chip-on' : 'xz-chip'}
                  onClick={() => {
                    setRuleId(r.id);
                    setError('');
                  }}
                  disabled={!!createdId}
                >
                  <span>{r.name}</span>
                  <strong className="xz-pts-plus">+{r.value}</strong>
                </button>
              ))}
            </div>
          </fieldset>
          {(family.data?.residents.length ?? 0) > 1 && (
            <fieldset className="xz-fieldset">
              <legend className="xz-label">是谁做的（选填）</legend>
              <div className="xz-chips">
                {family.data!.residents.map((r) => (
                  <button
                    key={r.id}
                    type="button"
                    aria-pressed={residentId === r.id}
                    className={residentId === r.id ? 'xz-chip xz-chip-on' : 'xz-chip'}
                    onClick={() => setResidentId(residentId === r.id ? '' : r.id)}
                    disabled={!!createdId}
                  >
                    {r.name}
                  </button>
                ))}
              </div>
            </fieldset>
          )}
          <div className="xz-field">
            <label className="xz-label" htmlFor="claim-note">
              说明（选填）
            </label>
            <TextArea
              id="claim-note"
              value={note}
              onChange={setNote}
              rows={3}
              maxLength={300}
              placeholder="例如：11月26日参加村里组织的清扫"
              disabled={!!createdId}
            />
          </div>
          <PhotoField id="claim-photo" label="证明照片（必填）" state={shot} onError={setError} />
          {error && (
            <p className="xz-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      {claimable.length > 0 && (
        <div className="xz-actionbar">
          <Button color="primary" block size="large" className="xz-main-btn" loading={busy} loadingText="正在提交" disabled={shot.shrinking} onClick={submit}>
            {createdId ? '重新上传照片' : '提交申报'}
          </Button>
        </div>
      )}
    </div>
  );
}
