// 随手拍: what kind of problem in plain words, up to nine photos, a few words, the place (home unless the phone's is
// added). Before sending, open cases of my grid that read the same are offered (我也遇到); after sending, when the
// village will accept it. 长辈版: one question per screen, the photo first, six big choices and 其他.
import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, TextArea } from 'antd-mobile';
import { homeGrant, useHousehold, useMe } from '../data';
import { useElder } from '../elder';
import { errorMessage, newKey } from '../errors';
import { useOptionalLocation } from '../location';
import { PageTitle, Skeletons } from '../parts';
import { PhotosField, uploadPhotos, usePhotoList } from '../photos';
import { elderChoices, findSimilar, followCase, sendReport, useChoices, type ReportedCase, type SimilarCase } from '../report/data';
import { ChoiceGrid, Done, PlaceLine, SimilarPanel } from '../report/parts';
import '../report/report.css';

type Phase =
  | { kind: 'form' }
  | { kind: 'similar'; items: SimilarCase[] }
  | { kind: 'sent'; c: ReportedCase; warning?: string }
  | { kind: 'followed'; c: ReportedCase };

const ELDER_STEPS = ['拍照片', '是什么问题', '说说情况', '在哪里'] as const;

export function ReportPage() {
  const me = useMe().data;
  const grant = homeGrant(me);
  const { elder } = useElder();
  const choices = useChoices(grant?.regionId);
  const home = useHousehold(grant?.householdId).data;
  const qc = useQueryClient();
  const photos = usePhotoList();
  const loc = useOptionalLocation();
  const [choice, setChoice] = useState('');
  const [description, setDescription] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [key, setKey] = useState(() => newKey('h5'));
  /** Set once the case exists, so a failed photo upload is retried on the same case. */
  const [created, setCreated] = useState<ReportedCase | null>(null);

  const all = choices.data?.items ?? [];
  const shown = useMemo(() => (elder ? elderChoices(all) : all), [elder, all]);
  const picked = all.find((c) => c.code === choice);

  const problem = () => {
    if (!grant) return '您的账号还没有登记所在村，请联系网格员';
    if (!picked) return '请选择是什么问题';
    if (!description.trim()) return '请简单说说是什么情况';
    return '';
  };

  const send = async () => {
    setBusy('send');
    setError('');
    try {
      const c =
        created ??
        (await sendReport({
          choice,
          description: description.trim(),
          regionId: grant!.regionId,
          householdId: grant!.householdId ?? undefined,
          place: loc.spot ? { kind: 'spot', latitude: loc.spot.latitude, longitude: loc.spot.longitude } : { kind: 'home' },
          idempotencyKey: key,
        }));
      setCreated(c);
      let warning: string | undefined;
      try {
        await uploadPhotos(`/api/cases/${encodeURIComponent(c.id)}/attachments`, photos.files);
      } catch (err) {
        warning = `事情已上报，照片没有传上去：${errorMessage(err)}。可在办理进展页再传。`;
      }
      await qc.invalidateQueries({ queryKey: ['h5', 'cases'] });
      setPhase({ kind: 'sent', c, warning });
    } catch (err) {
      setError(errorMessage(err, '没有上报成功，请再试一次'));
      setPhase({ kind: 'form' });
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    const p = problem();
    if (p) return setError(p);
    setBusy('send');
    setError('');
    let similar: SimilarCase[] = [];
    try {
      similar = await findSimilar(grant!.regionId, `${picked!.label}：${description.trim()}`);
    } catch {
      // Looking for the same matter is a courtesy: without it the report still goes.
    }
    setBusy(null);
    if (similar.length) setPhase({ kind: 'similar', items: similar });
    else await send();
  };

  const follow = async (id: string) => {
    setBusy(id);
    setError('');
    try {
      const c = await followCase(id);
      await qc.invalidateQueries({ queryKey: ['h5', 'cases'] });
      setPhase({ kind: 'followed', c });
    } catch (err) {
      setError(errorMessage(err, '没有关注成功，请再试一次'));
    } finally {
      setBusy(null);
    }
  };

  const again = () => {
    photos.clear();
    loc.drop();
    setChoice('');
    setDescription('');
    setCreated(null);
    setKey(newKey('h5'));
    setStep(0);
    setPhase({ kind: 'form' });
  };

  if (phase.kind === 'sent')
    return (
      <div className="xz-page">
        <PageTitle>随手拍</PageTitle>
        <Done
          heading="上报成功"
          words={phase.c.acknowledgement?.words ?? '已收到，村里会尽快受理'}
          caseId={phase.c.id}
          warning={phase.warning}
          onAgain={again}
        />
      </div>
    );
  if (phase.kind === 'followed')
    return (
      <div className="xz-page">
        <PageTitle>随手拍</PageTitle>
        <Done heading="已关注这件事" words="村里办理的每一步都会告诉您，不用再重复上报。" caseId={phase.c.id} onAgain={again} />
      </div>
    );

  const errorLine = error && (
    <p className="xz-error" role="alert">
      {error}
    </p>
  );

  if (phase.kind === 'similar')
    return (
      <div className="xz-page">
        <PageTitle>随手拍</PageTitle>
        <SimilarPanel items={phase.items} busy={busy} onFollow={follow} onContinue={send} onBack={() => setPhase({ kind: 'form' })} />
        {errorLine}
      </div>
    );

  const choiceField = choices.isPending ? (
    <Skeletons n={1} />
  ) : (
    <fieldset className="xz-fieldset">
      <legend className="xz-label">是什么问题</legend>
      <ChoiceGrid
        items={shown}
        value={choice}
        big={elder}
        onPick={(c) => {
          setChoice(c);
          setError('');
          if (elder) setStep(2);
        }}
      />
    </fieldset>
  );
  const describe = (
    <div className="xz-field">
      <label htmlFor="rep-desc">说说是什么情况</label>
      <TextArea
        id="rep-desc"
        placeholder={picked?.code === 'other' ? '什么事、在哪里、持续多久了' : '在哪里、什么情况、持续多久了'}
        value={description}
        onChange={setDescription}
        maxLength={500}
        showCount
        autoSize={{ minRows: elder ? 4 : 3, maxRows: 8 }}
      />
    </div>
  );
  const photoField = <PhotosField id="rep-photos" label="现场照片" list={photos} onError={setError} big={elder} />;
  const place = <PlaceLine address={home?.address ?? null} loc={loc} />;
  const sendButton = (
    <Button
      color="primary"
      block
      size="large"
      className="xz-main-btn"
      loading={busy === 'send'}
      loadingText="正在上报"
      disabled={photos.shrinking}
      onClick={submit}
    >
      提交上报
    </Button>
  );

  if (elder) {
    const next = () => {
      if (step === 1 && !choice) return setError('请选择是什么问题');
      if (step === 2 && !description.trim()) return setError('请简单说说是什么情况');
      setError('');
      setStep(step + 1);
    };
    return (
      <div className="xz-page xz-report-elder">
        <PageTitle sub={`第${step + 1}步，共${ELDER_STEPS.length}步：${ELDER_STEPS[step]}`}>随手拍</PageTitle>
        <div className="xz-card">
          {step === 0 && (
            <>
              {photoField}
              <p className="xz-field-hint">看到什么拍什么；没有照片也可以，直接点“下一步”。</p>
            </>
          )}
          {step === 1 && choiceField}
          {step === 2 && describe}
          {step === 3 && (
            <>
              <p className="xz-report-summary">
                {picked?.label}：{description.trim()}
                {photos.shots.length ? `（${photos.shots.length}张照片）` : ''}
              </p>
              {place}
            </>
          )}
          {errorLine}
        </div>
        <div className="xz-actionbar xz-steps-bar">
          {step > 0 && (
            <Button
              block
              size="large"
              className="xz-main-btn"
              onClick={() => {
                setError('');
                setStep(step - 1);
              }}
            >
              上一步
            </Button>
          )}
          {step < ELDER_STEPS.length - 1
            ? step !== 1 && (
                <Button color="primary" block size="large" className="xz-main-btn" disabled={photos.shrinking} onClick={next}>
                  下一步
                </Button>
              )
            : sendButton}
        </div>
      </div>
    );
  }

  return (
    <div className="xz-page">
      <PageTitle sub="看到问题拍下来，村里会安排人处理">随手拍</PageTitle>
      <div className="xz-card">
        {choiceField}
        {photoField}
        {describe}
        {place}
        {errorLine}
      </div>
      <div className="xz-actionbar">{sendButton}</div>
    </div>
  );
}
