// 办理 on the phone: the steps of a case that are the signed-in worker's to take now, as big buttons. Which buttons
// show is exactly what the API says this user may do (the case's `actions`): 受理, 派单 (the case's grid worker and
// the village's usual handlers offered first, then the township's 站所), 开始处置, the next 代办 step, 调解记录, 办结
// (the result in words and up to nine photos, kept on the phone when there is no signal), 回访, 申请延期, 上报上级,
// 退回, 归档, 核实. Every step carries an idempotency key: a retried tap is never a second step.
import { useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Button, Input, TextArea } from 'antd-mobile';
import { api } from '../shared/api-client';
import { onePerPerson } from '../shared/assignees';
import { RESULT_MIN_CHARS, resultStated } from '../../shared/case-result';
import { nextServiceStep } from '../../shared/case-steps';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import type { Assignee, CaseCategory, CaseDetail } from '../console/api/cases';
import { errorMessage, isNetworkError, newKey } from './errors';
import { enqueue, sendResolve } from './outbox';
import { PhotosField, usePhotoList } from './photos';
import { useMe } from './data';
import { NumberStepper } from './parts';

/** The steps this box offers, in the order a case goes through them; the first present is the main button. */
const STEPS = ['accept', 'dispatch', 'start', 'step', 'mediate', 'resolve', 'revisit', 'archive', 'verify', 'request_extension', 'escalate', 'return'] as const;
type Step = (typeof STEPS)[number];
const OPEN_FOR_RETURN = ['accepted', 'dispatched', 'in_progress'];
/** Steps taken at one tap; the others open a short form first. */
const ONE_TAP: Step[] = ['accept', 'start', 'step', 'archive', 'verify'];
const MAIN: Step[] = ['accept', 'dispatch', 'start', 'step', 'mediate', 'resolve', 'revisit', 'archive', 'verify'];

const WORDS: Record<Step, { button: string; done: string }> = {
  accept: { button: '受理', done: '已受理' },
  dispatch: { button: '派单', done: '已派单' },
  start: { button: '开始处置', done: '已开始处置' },
  step: { button: '代办', done: '已记录' },
  mediate: { button: '记录调解', done: '调解情况已记录' },
  resolve: { button: '办结', done: '已办结，已通知上报人评价' },
  revisit: { button: '记录回访', done: '回访已记录' },
  archive: { button: '归档', done: '已归档' },
  verify: { button: '核实', done: '已核实' },
  request_extension: { button: '申请延期', done: '延期申请已提交，等上级审批' },
  escalate: { button: '上报上级', done: '已上报上级' },
  return: { button: '退回', done: '已退回' },
};

/** The catalog's 其他（待分类）: a villager's 随手拍 under 其他, classified by whoever accepts it. */
const OTHER_CATEGORY = 'other';

const SUGGESTED: Record<string, string> = { grid: '本网格网格员', usual: '常办本村事件' };
const roleWord = (r: string) => ROLE_LABELS[r as Role]?.zh ?? '';

export function CaseWork({ c }: { c: CaseDetail }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState<Step | null>(null);
  const [busy, setBusy] = useState<Step | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  // One key per step of this case while the page is open: a retried tap is not a second step.
  const [keys] = useState(() => Object.fromEntries(STEPS.map((s) => [s, newKey(`h5-${s}`)])) as Record<Step, string>);
  const serviceStep = c.type === 'service' ? nextServiceStep(c.history.filter((h) => h.action === 'step').map((h) => String(h.data?.step ?? ''))) : null;
  // 退回 here is the handler giving an open case back to the level; sending a resolved case back to be redone
  // (also 'return' in the API) stays with the level on the console.
  const offered = STEPS.filter(
    (s) =>
      c.actions.includes(s) &&
      (s !== 'return' || OPEN_FOR_RETURN.includes(c.status)) &&
      (s !== 'step' || serviceStep) &&
      (s !== 'escalate' || c.status !== 'resolved'),
  );
  const main = offered.find((s) => MAIN.includes(s));

  const take = async (step: Step, body: Record<string, unknown> = {}) => {
    setBusy(step);
    setError('');
    try {
      const next = await api.post<CaseDetail>(`/api/cases/${encodeURIComponent(c.id)}/transitions`, { action: step, ...body, idempotencyKey: keys[step] });
      finish(next, step === 'step' ? `已记录代办步骤“${serviceStep}”` : WORDS[step].done);
    } catch (err) {
      setError(errorMessage(err, `${label(step)}没有成功，请再试一次`));
    } finally {
      setBusy(null);
    }
  };
  const finish = (next: CaseDetail, words: string) => {
    qc.setQueryData(['h5', 'case', c.id], next);
    setOpen(null);
    setDone(words);
    void qc.invalidateQueries({ queryKey: ['h5', 'cases'] });
  };
  const label = (s: Step) => (s === 'step' && serviceStep ? `代办：${serviceStep}` : WORDS[s].button);
  // A villager's 其他 is accepted with its real category named (the server requires it).
  const classify = c.category === OTHER_CATEGORY;

  if (!offered.length && !done) return null;
  const form =
    open &&
    {
      accept: <ClassifyForm c={c} busy={busy === 'accept'} onPick={(category) => take('accept', { category })} />,
      dispatch: <DispatchForm c={c} busy={busy === 'dispatch'} onPick={(body) => take('dispatch', body)} />,
      resolve: <ResolveForm c={c} stepKey={keys.resolve} onDone={(next) => finish(next, WORDS.resolve.done)} onError={setError} />,
      mediate: (
        <TextForm
          id="mediate"
          label="本次调解情况"
          placeholder="双方意见、调解经过、下一步安排"
          place
          busy={busy === 'mediate'}
          submit="保存调解记录"
          onSubmit={(note, place) => take('mediate', { note, place })}
        />
      ),
      revisit: (
        <TextForm
          id="revisit"
          label="回访情况"
          placeholder="协议履行得怎么样，当事人还有什么意见"
          busy={busy === 'revisit'}
          submit="保存回访记录"
          onSubmit={(note) => take('revisit', { note })}
        />
      ),
      request_extension: <ExtensionForm busy={busy === 'request_extension'} onSubmit={(days, note) => take('request_extension', { days, note })} />,
      escalate: (
        <TextForm
          id="escalate"
          label="上报原因"
          placeholder="比如：村里解决不了，需要乡里协调"
          busy={busy === 'escalate'}
          submit="确认上报上级"
          onSubmit={(note) => take('escalate', { note })}
        />
      ),
      return: (
        <TextForm
          id="return"
          label="退回原因"
          placeholder="比如：不属于本网格，请村里处理"
          busy={busy === 'return'}
          submit="确认退回"
          onSubmit={(note) => take('return', { note })}
        />
      ),
    }[open as 'dispatch'];

  return (
    <section className="xz-card xz-workbox" aria-labelledby="h-work">
      <h2 id="h-work" className="xz-section-in">
        我来办理
      </h2>
      {open && <h3 className="xz-sub">{label(open)}</h3>}
      {done && !open && (
        <p className="xz-thanks" role="status">
          {done}
        </p>
      )}
      {error && (
        <p className="xz-error" role="alert">
          {error}
        </p>
      )}
      {open ? (
        <>
          {form}
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
        </>
      ) : (
        <div className="xz-work-btns">
          {offered.map((s) => (
            <Button
              key={s}
              color={s === main ? 'primary' : 'default'}
              fill={s === main ? 'solid' : 'outline'}
              block
              size="large"
              className="xz-main-btn"
              loading={busy === s}
              onClick={() => {
                setError('');
                setDone('');
                if (ONE_TAP.includes(s) && !(s === 'accept' && classify)) void take(s, s === 'step' ? { step: serviceStep } : {});
                else setOpen(s);
              }}
            >
              {label(s)}
            </Button>
          ))}
        </div>
      )}
    </section>
  );
}

/** The form's one big submit button. */
function MainButton({
  busy,
  busyText,
  disabled,
  onClick,
  children,
}: {
  busy: boolean;
  busyText: string;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button color="primary" block size="large" className="xz-main-btn" loading={busy} loadingText={busyText} disabled={disabled} onClick={onClick}>
      {children}
    </Button>
  );
}

/** A reason or record in words (required), with the place for a mediation session. */
function TextForm({
  id,
  label,
  placeholder,
  place,
  busy,
  submit,
  onSubmit,
}: {
  id: string;
  label: string;
  placeholder: string;
  place?: boolean;
  busy: boolean;
  submit: string;
  onSubmit: (note: string, place?: string) => void;
}) {
  const [text, setText] = useState('');
  const [where, setWhere] = useState('');
  return (
    <div className="xz-field">
      <label htmlFor={`work-${id}`} className="xz-label">
        {label}
      </label>
      <TextArea id={`work-${id}`} placeholder={placeholder} value={text} onChange={setText} maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
      {place && (
        <>
          <label htmlFor={`work-${id}-place`} className="xz-label">
            调解地点（可不填）
          </label>
          <Input id={`work-${id}-place`} className="xz-line-input" placeholder="比如：村调解室" value={where} onChange={setWhere} maxLength={100} />
        </>
      )}
      <MainButton busy={busy} busyText="正在提交" disabled={!text.trim()} onClick={() => onSubmit(text.trim(), where.trim() || undefined)}>
        {submit}
      </MainButton>
    </div>
  );
}

/** 受理 of a villager's 其他: which category the matter really is, from the active ones of its type. */
function ClassifyForm({ c, busy, onPick }: { c: CaseDetail; busy: boolean; onPick: (category: string) => void }) {
  const q = useQuery({ queryKey: ['h5', 'case-categories'], queryFn: () => api.get<{ items: CaseCategory[] }>('/api/case-categories') });
  const [picked, setPicked] = useState<CaseCategory | null>(null);
  if (q.isPending) return <p className="xz-muted">正在读取事件类别…</p>;
  if (q.isError) return <p className="xz-error">{errorMessage(q.error, '没有读到事件类别')}</p>;
  const options = q.data.items.filter((x) => x.active && x.type === c.type && x.code !== OTHER_CATEGORY);
  return (
    <div className="xz-field">
      <p className="xz-field-hint">群众选的是“其他”，受理时请选定这件事的类别。</p>
      <ul className="xz-pick-list" aria-label="事件类别">
        {options.map((x) => (
          <li key={x.code}>
            <button
              type="button"
              className={`xz-pick${picked?.code === x.code ? ' xz-pick-on' : ''}`}
              aria-pressed={picked?.code === x.code}
              onClick={() => setPicked(x)}
            >
              <span className="xz-pick-name">{x.name}</span>
              {x.group && <span className="xz-muted xz-pick-sub">{x.group}</span>}
            </button>
          </li>
        ))}
      </ul>
      <MainButton
        busy={busy}
        busyText="正在受理"
        disabled={!picked}
        onClick={() => {
          if (picked) onPick(picked.code);
        }}
      >
        {picked ? `按“${picked.name}”受理` : '受理'}
      </MainButton>
    </div>
  );
}

/** 申请延期: how many working days and why. */
function ExtensionForm({ busy, onSubmit }: { busy: boolean; onSubmit: (days: number, note: string) => void }) {
  const [days, setDays] = useState(3);
  const [text, setText] = useState('');
  return (
    <div className="xz-field">
      <span className="xz-label" id="ext-days-l">
        延期几个工作日
      </span>
      <NumberStepper value={days} max={30} unit="天" labelledBy="ext-days-l" onChange={setDays} />
      <label htmlFor="work-ext" className="xz-label">
        延期理由
      </label>
      <TextArea
        id="work-ext"
        placeholder="比如：等待材料到货，预计下周完成"
        value={text}
        onChange={setText}
        maxLength={2000}
        showCount
        autoSize={{ minRows: 3, maxRows: 6 }}
      />
      <MainButton busy={busy} busyText="正在提交" disabled={!text.trim()} onClick={() => onSubmit(days, text.trim())}>
        提交延期申请
      </MainButton>
    </div>
  );
}

/** 派单: people first (the case's grid worker and the usual handlers marked), then the township's 站所. */
function DispatchForm({ c, busy, onPick }: { c: CaseDetail; busy: boolean; onPick: (body: { assigneeId?: string; unit?: string }) => void }) {
  const q = useQuery({
    queryKey: ['h5', 'case', c.id, 'assignees'],
    queryFn: () => api.get<{ items: Assignee[]; units: string[] }>(`/api/cases/${encodeURIComponent(c.id)}/assignees`),
  });
  const [picked, setPicked] = useState<{ assigneeId?: string; unit?: string; name: string } | null>(null);
  // One line per person, their roles together.
  const people = onePerPerson(q.data?.items ?? []);
  if (q.isPending) return <p className="xz-muted">正在读取可派单的人员…</p>;
  if (q.isError) return <p className="xz-error">{errorMessage(q.error, '没有读到可派单的人员')}</p>;
  return (
    <div className="xz-field">
      <p className="xz-field-hint">点选要派给谁，再点下面的“确认派单”。</p>
      <ul className="xz-pick-list" aria-label="派给谁">
        {people.map((p) => (
          <li key={p.userId}>
            <button
              type="button"
              className={`xz-pick${picked?.assigneeId === p.userId ? ' xz-pick-on' : ''}`}
              aria-pressed={picked?.assigneeId === p.userId}
              onClick={() => setPicked({ assigneeId: p.userId, name: p.name })}
            >
              <span className="xz-pick-name">
                {p.name}
                {p.suggested && <span className="xz-pick-tag">{SUGGESTED[p.suggested]}</span>}
              </span>
              <span className="xz-muted xz-pick-sub">
                {p.roles.map(roleWord).join('、')} · {p.regionName}
              </span>
            </button>
          </li>
        ))}
        {(q.data?.units ?? []).map((u) => (
          <li key={u}>
            <button
              type="button"
              className={`xz-pick${picked?.unit === u ? ' xz-pick-on' : ''}`}
              aria-pressed={picked?.unit === u}
              onClick={() => setPicked({ unit: u, name: u })}
            >
              <span className="xz-pick-name">{u}</span>
              <span className="xz-muted xz-pick-sub">乡镇站所，由站所工作人员办理</span>
            </button>
          </li>
        ))}
      </ul>
      <MainButton
        busy={busy}
        busyText="正在派单"
        disabled={!picked}
        onClick={() => {
          if (picked) onPick(picked.unit ? { unit: picked.unit } : { assigneeId: picked.assigneeId });
        }}
      >
        {picked ? `确认派给${picked.name}` : '确认派单'}
      </MainButton>
    </div>
  );
}

/**
 * 办结: the result in words (at least five characters) and up to nine photos; a dispute also says how mediation ended.
 * Without a signal (or when the request cannot get through) it is kept on the phone and sent once from 待同步.
 */
function ResolveForm({ c, stepKey, onDone, onError }: { c: CaseDetail; stepKey: string; onDone: (next: CaseDetail) => void; onError: (msg: string) => void }) {
  const me = useMe().data;
  const navigate = useNavigate();
  const photos = usePhotoList(`办结照片-${stepKey.slice(-6)}`);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<'agreement' | 'terminated'>('agreement');
  const [busy, setBusy] = useState(false);
  const [photoError, setPhotoError] = useState('');
  const dispute = c.type === 'dispute';
  const needPhoto = c.resultPhotoRequired && photos.shots.length === 0;

  const entry = () => ({
    key: stepKey,
    userId: me!.id,
    caseId: c.id,
    body: { note: text.trim(), ...(dispute ? { outcome } : {}) },
    photos: photos.shots.map((p) => ({ name: p.name, blob: p.file as Blob })),
  });
  const keepOnPhone = async () => {
    try {
      await enqueue({ ...entry(), kind: 'resolve', savedAt: Date.now(), title: `办结 · ${c.title}`, place: c.regionName, status: 'pending', tries: 0 });
    } catch {
      onError('没有网络，这台手机也不能离线保存。请先别关这个页面，等有信号后再点办结。');
      return;
    }
    navigate(`/h5/outbox?saved=${encodeURIComponent(stepKey)}`);
  };
  const submit = async () => {
    if (!me) return;
    setBusy(true);
    onError('');
    try {
      if (!navigator.onLine) return await keepOnPhone();
      onDone(await sendResolve(entry()));
    } catch (err) {
      if (isNetworkError(err)) return await keepOnPhone();
      onError(errorMessage(err, '办结没有成功，请再试一次'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="xz-field">
      {dispute && (
        <div className="xz-choice2" role="radiogroup" aria-label="调解结果">
          {(
            [
              ['agreement', '达成协议'],
              ['terminated', '终止调解'],
            ] as const
          ).map(([v, w]) => (
            <button
              key={v}
              type="button"
              role="radio"
              aria-checked={outcome === v}
              className={`xz-pick${outcome === v ? ' xz-pick-on' : ''}`}
              onClick={() => setOutcome(v)}
            >
              {w}
            </button>
          ))}
        </div>
      )}
      <label htmlFor="work-result" className="xz-label">
        {dispute ? (outcome === 'agreement' ? '协议内容' : '终止调解的原因') : '办理结果'}
      </label>
      <TextArea
        id="work-result"
        placeholder={`写明怎么处理的、结果如何（至少${RESULT_MIN_CHARS}个字）`}
        value={text}
        onChange={setText}
        maxLength={2000}
        showCount
        autoSize={{ minRows: 3, maxRows: 8 }}
      />
      <PhotosField
        id="work-photos"
        label="办理后照片"
        hint={c.resultPhotoRequired ? '这类事件办结须附至少一张现场照片' : '可拍最多9张，上报人会和上报时的照片对照看'}
        list={photos}
        onError={setPhotoError}
      />
      {photoError && (
        <p className="xz-error" role="alert">
          {photoError}
        </p>
      )}
      <MainButton busy={busy} busyText="正在提交" disabled={!resultStated(text) || needPhoto || photos.shrinking} onClick={submit}>
        确认办结
      </MainButton>
    </div>
  );
}
