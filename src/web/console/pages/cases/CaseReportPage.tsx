import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Upload, type UploadFile } from 'antd';
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  caseKeys,
  CASE_TYPES,
  PRIORITIES,
  reportCase,
  RISK_LEVELS,
  SOURCES,
  uploadAttachments,
  useCaseCategories,
  type CaseType,
  type DisputeParty,
  type Priority,
  type RiskLevel,
  type Source,
} from '../../api/cases';
import { useErrorText } from '../../api/errors';
import { notificationKeys } from '../../api/notifications';
import { useT } from '../../i18n';
import { PageContainer } from '../../components/PageContainer';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { useSubmit } from '../../components/useSubmit';
import { useSession } from '../../layout/session';
import { clientKey } from '../../lib/clientKey';
import { categoryOptions } from './CaseFilterBar';
import { ACCEPT, fileProblem } from './CaseFiles';
import { useCaseLabels } from '../../lib/caseLabels';

interface Values {
  type: CaseType;
  category?: string;
  title: string;
  description: string;
  regionId?: string;
  householdId?: string;
  priority: Priority;
  source?: Source;
  /** Disputes only. */ parties?: DisputeParty[];
  riskLevel?: RiskLevel;
}
const SIDES = ['applicant', 'respondent', 'other'] as const;
const MAX_PHOTOS = 9;

export default function CaseReportPage() {
  const t = useT();
  const label = useCaseLabels();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { current } = useSession();
  const categories = useCaseCategories();
  const [form] = Form.useForm<Values>();
  const [idempotencyKey] = useState(clientKey); // one per opened form
  const type = Form.useWatch('type', form) ?? 'incident';
  const code = Form.useWatch('category', form);
  const regionId = Form.useWatch('regionId', form);
  const priority = Form.useWatch('priority', form) ?? 'normal';
  const risk = Form.useWatch('riskLevel', form);
  const dispute = type === 'dispute';
  // A dispute is registered (登记) rather than reported: its own words for the fields people fill in first.
  const words = dispute
    ? {
        intro: t('caseReport.dispute.intro'),
        category: t('caseReport.dispute.category'),
        title: t('caseReport.dispute.titleField'),
        titleHint: t('caseReport.dispute.title.placeholder'),
        description: t('caseReport.dispute.description'),
        descriptionHint: t('caseReport.dispute.description.placeholder'),
      }
    : {
        intro: t('caseReport.intro'),
        category: t('caseReport.category'),
        title: t('caseReport.titleField'),
        titleHint: t('caseReport.title.placeholder'),
        description: t('caseReport.description'),
        descriptionHint: t('caseReport.description.placeholder'),
      };
  const active = useMemo(() => (categories.data ?? []).filter((c) => c.active), [categories.data]);
  const chosen = active.find((c) => c.code === code);
  const defaultPlace = current && (current.level === 'grid' || current.level === 'village') ? current.regionId : undefined;

  const { run, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    const c = await reportCase({
      type: v.type,
      category: v.category!,
      title: v.title.trim(),
      description: v.description.trim(),
      regionId: v.regionId!,
      householdId: v.householdId || undefined,
      priority: v.priority,
      source: v.source,
      idempotencyKey,
      details:
        v.type === 'dispute'
          ? {
              riskLevel: v.riskLevel,
              parties: (v.parties ?? [])
                .filter((p) => p?.name?.trim())
                .map((p) => ({ name: p.name.trim(), phone: p.phone?.trim() || undefined, side: p.side })),
            }
          : undefined,
    });
    // The case exists now; photos follow it. If they fail, the case stays reported and the detail page can take them again.
    const files = photos.map((p) => p.originFileObj).filter((x): x is NonNullable<typeof x> => !!x);
    if (files.length) {
      try {
        await uploadAttachments(c.id, files);
      } catch (err) {
        modal.warning({ title: t('caseReport.photos.failed', { reason: errorText(err) }) });
      }
    }
    await Promise.all([qc.invalidateQueries({ queryKey: caseKeys.all }), qc.invalidateQueries({ queryKey: notificationKeys.all })]);
    message.success(t('caseReport.done', { seq: c.seq }));
    navigate(`/cases/${c.id}`);
  });

  return (
    <PageContainer title={t('caseReport.title')}>
      <Card variant="borderless" className="xz-form-card">
        <Alert type="info" showIcon title={words.intro} style={{ marginBottom: 20 }} />
        {alert}
        <Form<Values>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '96px' }}
          wrapperCol={{ flex: 1 }}
          labelWrap
          initialValues={{ type: 'incident', priority: 'normal', regionId: defaultPlace, parties: [{ side: 'applicant' }, { side: 'respondent' }] }}
          onValuesChange={(changed: Partial<Values>) => {
            onValuesChange();
            if ('type' in changed) form.setFieldValue('category', undefined);
            if ('regionId' in changed) form.setFieldValue('householdId', undefined);
          }}
          onFinish={run}
        >
          <Form.Item label={t('caseReport.type')} name="type" required>
            <Radio.Group optionType="button" buttonStyle="solid" options={CASE_TYPES.map((x) => ({ value: x, label: label.type(x) }))} />
          </Form.Item>
          <Form.Item
            label={words.category}
            name="category"
            rules={[{ required: true, message: t('validate.select', { field: words.category }) }]}
            extra={
              chosen && (
                <span>
                  {t('caseReport.limits', { ay: chosen.acceptYellow, ar: chosen.acceptRed, ry: chosen.resolveYellow, rr: chosen.resolveRed })}
                  {chosen.firstReportPoints > 0 && <> {t('caseReport.category.firstPoints', { n: chosen.firstReportPoints })}</>}
                </span>
              )
            }
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('caseReport.category.placeholder')}
              options={categoryOptions(active, type)}
              loading={categories.isPending}
              style={{ maxWidth: 360 }}
            />
          </Form.Item>
          <Form.Item
            label={words.title}
            name="title"
            rules={[
              { required: true, whitespace: true, message: t('validate.required', { field: words.title }) },
              { max: 60, message: t('validate.maxLen', { field: words.title, n: 60 }) },
            ]}
          >
            <Input maxLength={60} showCount placeholder={words.titleHint} />
          </Form.Item>
          <Form.Item
            label={words.description}
            name="description"
            rules={[
              { required: true, whitespace: true, message: t('validate.required', { field: words.description }) },
              { max: 2000, message: t('validate.maxLen', { field: words.description, n: 2000 }) },
            ]}
          >
            <Input.TextArea rows={5} maxLength={2000} showCount placeholder={words.descriptionHint} />
          </Form.Item>
          {dispute && (
            <>
              <Form.Item label={t('caseReport.parties')} required extra={t('caseReport.parties.hint')}>
                {/* The first two rows (申请人, 被申请人) require a name: a dispute has at least two parties. */}
                <Form.List name="parties">
                  {(fields, { add, remove }) => (
                    <div className="xz-parties">
                      {/* Column captions: once the rows are filled in, their placeholders no longer say which box is which. */}
                      <div className="xz-party-head" aria-hidden="true">
                        <span style={{ width: 118 }}>{t('caseReport.party.side')}</span>
                        <span style={{ width: 140 }}>{t('caseReport.party.name')}</span>
                        <span style={{ width: 170 }}>{t('caseReport.party.phone')}</span>
                      </div>
                      {fields.map((f, i) => (
                        <Space key={f.key} align="start" size={8} className="xz-party-row">
                          <Form.Item name={[f.name, 'side']} noStyle>
                            <Select
                              style={{ width: 118 }}
                              aria-label={`${t('caseReport.party.side')} ${i + 1}`}
                              options={SIDES.map((x) => ({ value: x, label: t(`case.party.${x}`) }))}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[f.name, 'name']}
                            style={{ marginBottom: 0 }}
                            rules={[
                              { required: i < 2, whitespace: true, message: t('caseReport.party.name.required') },
                              { max: 30, message: t('validate.maxLen', { field: t('caseReport.party.name'), n: 30 }) },
                            ]}
                          >
                            <Input
                              placeholder={t('caseReport.party.name')}
                              aria-label={`${t('caseReport.party.name')} ${i + 1}`}
                              maxLength={30}
                              style={{ width: 140 }}
                            />
                          </Form.Item>
                          <Form.Item name={[f.name, 'phone']} noStyle>
                            <Input
                              placeholder={t('caseReport.party.phone.placeholder')}
                              aria-label={`${t('caseReport.party.phone')} ${i + 1}`}
                              maxLength={20}
                              inputMode="tel"
                              style={{ width: 170 }}
                            />
                          </Form.Item>
                          {fields.length > 2 && (
                            <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('caseReport.party.remove')} onClick={() => remove(f.name)} />
                          )}
                        </Space>
                      ))}
                      {fields.length < 20 && (
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ side: 'other' })} style={{ width: 200 }}>
                          {t('caseReport.party.add')}
                        </Button>
                      )}
                    </div>
                  )}
                </Form.List>
              </Form.Item>
              <Form.Item
                label={t('caseReport.risk')}
                name="riskLevel"
                rules={[{ required: true, message: t('caseReport.risk.required') }]}
                extra={risk ? t(`caseReport.risk.${risk}.hint`) : t('caseReport.risk.hint')}
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  className={`xz-risk xz-risk-${risk ?? 'none'}`}
                  options={RISK_LEVELS.map((r) => ({ value: r, label: t(`case.risk.${r}`) }))}
                />
              </Form.Item>
            </>
          )}
          <Form.Item
            label={t('caseReport.place')}
            name="regionId"
            rules={[{ required: true, message: t('validate.select', { field: t('caseReport.place') }) }]}
          >
            <RegionTreeSelect placeholder={t('caseReport.place.placeholder')} style={{ maxWidth: 360 }} />
          </Form.Item>
          <Form.Item label={t('caseReport.household')} name="householdId" extra={t('caseReport.household.hint')}>
            <HouseholdPicker regionId={regionId} style={{ maxWidth: 360 }} />
          </Form.Item>
          <Form.Item label={t('caseReport.photos')} extra={t('caseReport.photos.hint')}>
            <Upload
              accept={ACCEPT}
              multiple
              listType="picture"
              fileList={photos}
              maxCount={MAX_PHOTOS}
              beforeUpload={(file) => {
                const bad = fileProblem(file, t);
                if (bad) {
                  message.error(bad);
                  return Upload.LIST_IGNORE;
                }
                return false; // kept here, sent after the case is created
              }}
              onChange={({ fileList }) => setPhotos(fileList.slice(0, MAX_PHOTOS))}
            >
              {photos.length < MAX_PHOTOS && <Button icon={<UploadOutlined />}>{t('caseReport.photos.add')}</Button>}
            </Upload>
          </Form.Item>
          <Form.Item label={t('caseReport.priority')} name="priority" required extra={t(`case.priority.${priority}.hint` as 'case.priority.normal.hint')}>
            <Radio.Group options={PRIORITIES.map((p) => ({ value: p, label: label.priority(p) }))} />
          </Form.Item>
          <Form.Item label={t('caseReport.source')} name="source">
            <Select
              allowClear
              placeholder={t('caseReport.source.placeholder')}
              options={SOURCES.map((s) => ({ value: s, label: label.source(s) }))}
              style={{ maxWidth: 360 }}
            />
          </Form.Item>
          <Form.Item label=" " colon={false}>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('caseReport.submit')}
              </Button>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
    </PageContainer>
  );
}
