// The 办理 panel: a button for exactly the actions the server says this user may take now, each with its dialog.
import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Radio, Rate, Select, Tag, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  caseKeys,
  transitionCase,
  uploadAttachments,
  useAssignees,
  useCaseCategories,
  useCases,
  type CaseAction,
  type CaseDetail,
  type TransitionInput,
} from '../../api/cases';
import { notificationKeys } from '../../api/notifications';
import { useErrorText } from '../../api/errors';
import { useI18n, type MessageKey } from '../../i18n';
import { roleLabel } from '../../lib/access';
import { clientKey } from '../../lib/clientKey';
import { useSubmit } from '../../components/useSubmit';
import { OPEN_STATUSES, useCaseLabels } from '../../lib/caseLabels';
import { RESULT_MIN_CHARS, resultStated } from '../../../../shared/case-result';
import { nextServiceStep as nextStep } from '../../../../shared/case-steps';
import { onePerPerson } from '../../../shared/assignees';

/** Most likely next step first; the first of MAIN present is the primary button. */
const ORDER: CaseAction[] = [
  'accept',
  'dispatch',
  'start',
  'step',
  'mediate',
  'resolve',
  'revisit',
  'rate',
  'approve_extension',
  'verify',
  'archive',
  'deny_extension',
  'escalate',
  'supervise',
  'copy',
  'request_extension',
  'return',
  'reopen',
  'merge',
  'reject',
  'note',
];
const MAIN: CaseAction[] = ['accept', 'dispatch', 'start', 'step', 'mediate', 'resolve', 'revisit', 'rate', 'approve_extension', 'verify', 'archive'];
/** A dispute is handled by mediating it: 调解 comes before 开始处置 (which a mediator rarely needs). */
const DISPUTE_ORDER: CaseAction[] = ['mediate', ...ORDER.filter((a) => a !== 'mediate')];
const DANGER: CaseAction[] = ['reject', 'deny_extension'];

type Kind = 'assign' | 'reason' | 'rate' | 'escalate' | 'note' | 'outcome' | 'result' | 'mediate' | 'revisit' | 'classify' | 'merge' | 'confirm';
/** The catalog's 其他（待分类）: a villager's 随手拍 under 其他, classified by whoever accepts it. */
const OTHER_CATEGORY = 'other';
function kindOf(c: CaseDetail, a: CaseAction): Kind {
  switch (a) {
    case 'accept':
      return c.category === OTHER_CATEGORY ? 'classify' : 'confirm';
    case 'merge':
      return 'merge';
    case 'dispatch':
    case 'copy':
      return 'assign';
    case 'reject':
    case 'return':
    case 'request_extension':
      return 'reason';
    case 'rate':
      return 'rate';
    case 'escalate':
      return 'escalate';
    case 'note':
      return 'note';
    case 'mediate':
      return 'mediate';
    case 'revisit':
      return 'revisit';
    case 'resolve':
      return c.type === 'dispute' ? 'outcome' : 'result';
    default:
      return 'confirm';
  }
}

/** The next of 党员代办's six steps, from the steps already in the history. */
export function nextServiceStep(c: CaseDetail): string | null {
  return nextStep(c.history.filter((h) => h.action === 'step').map((h) => String(h.data?.step ?? '')));
}

/** One transition: send it, put the answer in the cache, refresh lists, counts and the inbox. */
function useTransition(c: CaseDetail) {
  const qc = useQueryClient();
  return async (body: TransitionInput) => {
    const next = await transitionCase(c.id, body);
    qc.setQueryData(caseKeys.one(c.id), next);
    await Promise.all([
      qc.invalidateQueries({ queryKey: caseKeys.all, predicate: (q) => q.queryKey[1] !== 'one' }),
      qc.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
    return next;
  };
}

export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const label = useCaseLabels();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const step = nextServiceStep(c);
  const actions = (c.type === 'dispute' ? DISPUTE_ORDER : ORDER).filter((a) => c.actions.includes(a) && (a !== 'step' || step));
  const primary = actions.find((a) => MAIN.includes(a));
  return (
    <div className="xz-actions">
      {actions.map((a) => {
        const props = { block: true, type: a === primary ? ('primary' as const) : ('default' as const), danger: DANGER.includes(a) };
        if (kindOf(c, a) === 'confirm') {
          return a === 'step' ? (
            <ConfirmAction key={a} c={c} action={a} extra={{ step: step! }} text={t('case.step.button', { step: step! })} buttonProps={props} />
          ) : (
            <ConfirmAction key={a} c={c} action={a} buttonProps={props} />
          );
        }
        return (
          <Button key={a} {...props} onClick={() => setOpen(a)}>
            {label.action(a)}
          </Button>
        );
      })}
      {open && <ActionDialog c={c} action={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

/** 受理, 开始处置, 办结, 督办, 归档, 核实, 回头看, 延期审批, 代办步骤: a Popconfirm with an optional note. */
function ConfirmAction({
  c,
  action,
  extra,
  text,
  buttonProps,
}: {
  c: CaseDetail;
  action: CaseAction;
  extra?: Partial<TransitionInput>;
  text?: string;
  buttonProps: { block: boolean; type: 'primary' | 'default'; danger: boolean };
}) {
  const { t } = useI18n();
  const label = useCaseLabels();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const transition = useTransition(c);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(clientKey);
  const verb = text ?? label.action(action);
  const go = async () => {
    setBusy(true);
    try {
      await transition({ action, note: note.trim() || undefined, idempotencyKey: key, ...extra });
      setNote('');
      setKey(clientKey());
      message.success(t(`case.done.${action}` as MessageKey, { step: extra?.step ?? '' }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const noteLabel = action === 'resolve' ? t('caseAction.resolve.note') : t('caseAction.note');
  // 办结 needs the result in words (the server refuses it otherwise: RESULT_REQUIRED).
  const needsResult = action === 'resolve' && !resultStated(note);
  return (
    <Popconfirm
      title={t('caseAction.confirm', { action: verb })}
      description={
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          maxLength={2000}
          placeholder={action === 'resolve' ? t('caseAction.resolve.placeholder', { n: RESULT_MIN_CHARS }) : t('caseAction.note.optional')}
          aria-label={noteLabel}
          style={{ width: 280, marginTop: 4 }}
        />
      }
      okText={verb}
      cancelText={t('common.cancel')}
      placement="left"
      onConfirm={go}
      okButtonProps={{ loading: busy, disabled: needsResult }}
    >
      <Button {...buttonProps} loading={busy}>
        {verb}
      </Button>
    </Popconfirm>
  );
}

/** Select values naming a 站所 rather than a person. */
const UNIT = 'unit:';
const assignee = (v: string | undefined) => (v?.startsWith(UNIT) ? { unit: v.slice(UNIT.length) } : { assigneeId: v });

interface DialogValues {
  note?: string;
  assigneeId?: string;
  rating?: number;
  days?: number;
  skipLevel?: boolean;
  outcome?: 'agreement' | 'terminated';
  place?: string;
  photos?: UploadFile[];
  category?: string;
  intoId?: string;
}

/** Photos a resolve may carry (the server takes nine). */
const MAX_RESULT_PHOTOS = 9;

/**
 * 派单/抄告 (choose a person), 不予受理/退回/申请延期 (reason required), 评价 (stars), 上报上级 (越级 when allowed),
 * 备注, and for disputes 调解 (session and place), 回访, and 办结 as 达成协议 or 终止调解.
 */
function ActionDialog({ c, action, onClose }: { c: CaseDetail; action: CaseAction; onClose: () => void }) {
  const { t, locale } = useI18n();
  const label = useCaseLabels();
  const { message } = App.useApp();
  const transition = useTransition(c);
  const kind = kindOf(c, action);
  const [form] = Form.useForm<DialogValues>();
  const [key] = useState(clientKey);
  const assignees = useAssignees(c.id, kind === 'assign');
  const categories = useCaseCategories();
  const canSkip = !!categories.data?.find((x) => x.code === c.category)?.skipLevel;
  const rating = Form.useWatch('rating', form);
  const outcome = Form.useWatch('outcome', form);

  // One option per person, their roles together ("村两委干部、党员 · 孟家湾村").
  const people = useMemo(() => onePerPerson(assignees.data?.items ?? []), [assignees.data]);

  const category = categories.data?.find((x) => x.code === c.category);
  // 办结 with photos: pictures taken since the case was accepted already count; new ones are uploaded first, once.
  const [uploaded, setUploaded] = useState<Map<string, string>>(new Map());
  const takenSinceAccepted = c.attachments.filter((a) => a.mime.startsWith('image/') && !!c.acceptedAt && a.createdAt >= c.acceptedAt).length;
  const resultPhotoIds = async (files: UploadFile[] | undefined) => {
    if (!files?.length) return undefined;
    const fresh = files.filter((f) => !uploaded.has(f.uid) && f.originFileObj);
    const next = new Map(uploaded);
    if (fresh.length) {
      const { items } = await uploadAttachments(
        c.id,
        fresh.map((f) => f.originFileObj as File),
      );
      for (const [i, f] of fresh.entries()) next.set(f.uid, items[i].id);
      setUploaded(next);
    }
    return files.map((f) => next.get(f.uid)!).filter(Boolean);
  };

  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    const photoIds = kind === 'result' ? await resultPhotoIds(v.photos) : undefined;
    await transition({
      photoIds,
      action,
      note: v.note?.trim() || undefined,
      ...assignee(v.assigneeId),
      rating: v.rating,
      days: v.days,
      outcome: v.outcome,
      place: v.place?.trim() || undefined,
      skipLevel: action === 'escalate' && canSkip ? !!v.skipLevel : undefined,
      category: v.category,
      intoId: v.intoId,
      idempotencyKey: key,
    });
    const name = v.assigneeId?.startsWith(UNIT) ? v.assigneeId.slice(UNIT.length) : (people.find((p) => p.userId === v.assigneeId)?.name ?? '');
    message.success(t(`case.done.${action}` as MessageKey, { name }));
    onClose();
  });

  // The text field every dialog has: what it is called, whether it is required, what to write.
  const REASON: Partial<Record<CaseAction, MessageKey>> = {
    reject: 'caseAction.reason.reject.placeholder',
    return: 'caseAction.reason.return.placeholder',
    request_extension: 'caseAction.reason.extension.placeholder',
  };
  const note: { label: MessageKey; required?: MessageKey; placeholder?: MessageKey; rows?: number } =
    kind === 'reason'
      ? { label: 'caseAction.reason', required: 'caseAction.reason.required', placeholder: REASON[action] }
      : kind === 'note'
        ? { label: 'caseAction.noteText', required: 'caseAction.noteText.required' }
        : kind === 'mediate'
          ? { label: 'caseAction.mediation', required: 'caseAction.mediation.required', placeholder: 'caseAction.mediation.placeholder', rows: 5 }
          : kind === 'revisit'
            ? { label: 'caseAction.revisit', required: 'caseAction.revisit.required', placeholder: 'caseAction.revisit.placeholder', rows: 4 }
            : kind === 'outcome'
              ? outcome === 'terminated'
                ? { label: 'caseAction.termination', required: 'validate.required', placeholder: 'caseAction.termination.placeholder', rows: 5 }
                : { label: 'caseAction.agreement', required: 'validate.required', placeholder: 'caseAction.agreement.placeholder', rows: 5 }
              : kind === 'result'
                ? { label: 'caseAction.resolve.note', required: 'caseAction.resolve.required', placeholder: 'caseAction.resolve.placeholder', rows: 4 }
                : kind === 'rate'
                  ? { label: 'caseAction.rating.comment', placeholder: 'caseAction.rating.comment.placeholder' }
                  : { label: 'caseAction.note', placeholder: 'caseAction.note.placeholder' };

  return (
    <Modal
      open
      title={`${label.action(action)}：${c.title}`}
      okText={label.action(action)}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={560}
    >
      {alert}
      {(kind === 'mediate' || kind === 'outcome' || kind === 'revisit') && <DisputeContext c={c} action={action} />}
      <Form<DialogValues> form={form} layout="vertical" onValuesChange={onValuesChange} initialValues={{ days: 5, skipLevel: false, outcome: 'agreement' }}>
        {kind === 'assign' && (
          <Form.Item
            label={t(action === 'copy' ? 'caseAction.copyTo' : 'caseAction.assignee')}
            name="assigneeId"
            rules={[{ required: true, message: t(action === 'copy' ? 'caseAction.copyTo.required' : 'caseAction.assignee.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'search' }}
              loading={assignees.isPending}
              placeholder={t('caseAction.assignee.placeholder')}
              notFoundContent={assignees.isPending ? t('common.loading') : t('caseAction.assignee.empty')}
              options={[
                // 派单 may go to a whole 站所 of the township; 抄告 names people.
                ...(action === 'dispatch' && assignees.data?.units.length
                  ? [
                      {
                        label: t('caseAction.units'),
                        options: assignees.data.units.map((u) => ({
                          value: UNIT + u,
                          search: u,
                          label: (
                            <span className="xz-person">
                              <span className="xz-person-name">{u}</span>
                              <span className="xz-muted">{t('caseAction.unitHint')}</span>
                            </span>
                          ),
                        })),
                      },
                    ]
                  : []),
                {
                  label: t('caseAction.people'),
                  options: people.map((p) => ({
                    value: p.userId,
                    search: `${p.name} ${p.phone}`,
                    label: (
                      <span className="xz-person">
                        <span className="xz-person-name">
                          {p.name}
                          {p.suggested && <Tag color="green">{t(p.suggested === 'grid' ? 'caseAction.suggested.grid' : 'caseAction.suggested.usual')}</Tag>}
                        </span>
                        <span className="xz-muted">
                          {p.roles.map((r) => roleLabel(r, locale)).join('、')} · {p.regionName}
                        </span>
                      </span>
                    ),
                  })),
                },
              ]}
            />
          </Form.Item>
        )}
        {action === 'request_extension' && (
          <Form.Item
            label={t('caseAction.days')}
            name="days"
            rules={[
              { required: true, message: t('caseAction.days.required') },
              { type: 'number', min: 1, max: 30, message: t('caseAction.days.range') },
            ]}
          >
            <InputNumber min={1} max={30} precision={0} suffix={t('caseAction.days.unit')} style={{ width: 180 }} />
          </Form.Item>
        )}
        {kind === 'rate' && (
          <Form.Item label={t('caseAction.rating')} required>
            <div className="xz-rate-row">
              <Form.Item name="rating" noStyle rules={[{ required: true, message: t('caseAction.rating.required') }]}>
                <RatingInput tooltips={[1, 2, 3, 4, 5].map((n) => t(`caseAction.rating.${n}` as MessageKey))} aria-label={t('caseAction.rating')} />
              </Form.Item>
              {rating ? <span className="xz-rate-word">{t(`caseAction.rating.${rating}` as MessageKey)}</span> : null}
            </div>
          </Form.Item>
        )}
        {kind === 'escalate' && (
          <>
            <p className="xz-muted" style={{ marginTop: 0 }}>
              {t('caseAction.escalate.hint')}
            </p>
            {canSkip && (
              <Form.Item name="skipLevel" valuePropName="checked" extra={t('caseAction.skipLevel.hint')}>
                <Checkbox>{t('caseAction.skipLevel')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {kind === 'outcome' && (
          <Form.Item label={t('caseAction.outcome')} name="outcome" rules={[{ required: true, message: t('caseAction.outcome.required') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'agreement', label: t('case.outcome.agreement') },
                { value: 'terminated', label: t('case.outcome.terminated') },
              ]}
            />
          </Form.Item>
        )}
        {kind === 'classify' && (
          <Form.Item
            label={t('caseAction.category')}
            name="category"
            extra={t('caseAction.category.hint')}
            rules={[{ required: true, message: t('caseAction.category.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={categories.isPending}
              options={(categories.data ?? [])
                .filter((x) => x.type === c.type && x.active && x.code !== OTHER_CATEGORY)
                .map((x) => ({ value: x.code, label: x.group ? `${x.name}（${x.group}）` : x.name }))}
            />
          </Form.Item>
        )}
        {kind === 'merge' && <MergeTarget c={c} />}
        {kind === 'mediate' && (
          <Form.Item label={t('caseAction.place')} name="place">
            <Input maxLength={100} placeholder={t('caseAction.place.placeholder')} />
          </Form.Item>
        )}
        <Form.Item
          label={t(note.label)}
          name="note"
          rules={[
            ...(note.required ? [{ required: true, whitespace: true, message: t(note.required, { field: t(note.label), n: RESULT_MIN_CHARS }) }] : []),
            ...(kind === 'result'
              ? [
                  {
                    validator: async (_: unknown, v?: string) =>
                      resultStated(v) ? undefined : Promise.reject(new Error(t('caseAction.resolve.required', { n: RESULT_MIN_CHARS }))),
                  },
                ]
              : []),
          ]}
        >
          <Input.TextArea
            rows={note.rows ?? 3}
            maxLength={2000}
            showCount
            placeholder={note.placeholder ? t(note.placeholder, { n: RESULT_MIN_CHARS }) : undefined}
          />
        </Form.Item>
        {kind === 'result' && (
          <Form.Item
            label={t('caseAction.resolve.photos')}
            name="photos"
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(0, MAX_RESULT_PHOTOS)}
            extra={
              category?.requireResultPhoto
                ? takenSinceAccepted
                  ? t('caseAction.resolve.photos.taken', { n: takenSinceAccepted })
                  : t('caseAction.resolve.photos.required')
                : t('caseAction.resolve.photos.hint')
            }
            rules={[
              {
                validator: async (_: unknown, v?: UploadFile[]) =>
                  category?.requireResultPhoto && !takenSinceAccepted && !v?.length
                    ? Promise.reject(new Error(t('caseAction.resolve.photos.required')))
                    : undefined,
              },
            ]}
          >
            <Upload listType="picture-card" accept="image/jpeg,image/png,image/webp" multiple maxCount={MAX_RESULT_PHOTOS} beforeUpload={() => false}>
              <button type="button" className="xz-upload-tile">
                <PlusOutlined aria-hidden />
                <span>{t('caseAction.resolve.photos.add')}</span>
              </button>
            </Upload>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 合并到: an open case of the same responsible level, found by its title or number. */
function MergeTarget({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useCases({ regionId: c.levelRegionId, q: q.trim() || undefined, page: 1, pageSize: 50 });
  const options = (found.data?.items ?? [])
    .filter((x) => x.id !== c.id && x.levelRegionId === c.levelRegionId && OPEN_STATUSES.includes(x.status))
    .map((x) => ({ value: x.id, label: `${x.seq} ${x.title}` }));
  return (
    <Form.Item
      label={t('caseAction.mergeInto')}
      name="intoId"
      extra={t('caseAction.mergeInto.hint')}
      rules={[{ required: true, message: t('caseAction.mergeInto.required') }]}
    >
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        loading={found.isFetching}
        placeholder={t('caseAction.mergeInto.placeholder')}
        notFoundContent={found.isPending ? t('common.loading') : t('caseAction.mergeInto.empty')}
        options={options}
      />
    </Form.Item>
  );
}

/** Above a dispute's dialogs (which cover the facts): who the parties are and how many sessions there have been. */
function DisputeContext({ c, action }: { c: CaseDetail; action: CaseAction }) {
  const { t } = useI18n();
  const parties = (c.details?.parties ?? [])
    .map((p) => `${p.name}（${t(p.side === 'respondent' ? 'case.party.respondent' : p.side === 'applicant' ? 'case.party.applicant' : 'case.party.other')}）`)
    .join('、');
  const sessions = c.history.filter((h) => h.action === 'mediate').length;
  return (
    <div className="xz-dialog-context">
      {parties && (
        <div>
          {t('case.parties')}：{parties}
        </div>
      )}
      <div>
        {action === 'mediate'
          ? t('caseAction.mediation.nth', { n: sessions + 1 })
          : sessions
            ? t('case.mediation.count', { n: sessions })
            : t('case.mediation.none')}
      </div>
    </div>
  );
}

/** Stars to choose, as a named radio group (the form's aria-required/aria-invalid land on the group, where they are allowed). */
function RatingInput({
  value,
  onChange,
  tooltips,
  id,
  ...aria
}: {
  value?: number;
  onChange?: (v: number) => void;
  tooltips: string[];
  id?: string;
  'aria-label'?: string;
  'aria-required'?: boolean | 'true' | 'false';
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}) {
  return (
    <div role="radiogroup" id={id} {...aria} style={{ display: 'inline-flex' }}>
      <Rate value={value} onChange={onChange} tooltips={tooltips} style={{ fontSize: 28 }} />
    </div>
  );
}
