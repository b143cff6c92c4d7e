// 申报积分: a household of the caller's area, a rule of its village (or above), an optional member, note and photo.
import { useMemo, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Upload } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { HouseholdDetail } from '../../api/households';
import { proposeAward, uploadEvidence, useRules, type Award } from '../../api/pointsCore';
import { HouseholdPicker } from '../../components/HouseholdPicker';
import { useT } from '../../i18n';
import { useErrorText } from '../../api/errors';
import { clientKey } from '../../lib/clientKey';
import { signed, usePointLabels } from '../../lib/pointLabels';

interface Values {
  householdId: string;
  ruleId: string;
  residentId?: string;
  note?: string;
}

export function ProposeModal({ open, regionId, onClose, onDone }: { open: boolean; regionId?: string; onClose: () => void; onDone: (a: Award) => void }) {
  const t = useT();
  const label = usePointLabels();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const householdId = Form.useWatch('householdId', form);
  const [files, setFiles] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(clientKey);
  const household = useQuery({
    queryKey: ['households', 'one', householdId ?? ''],
    queryFn: () => api.get<HouseholdDetail>(`/api/households/${encodeURIComponent(householdId!)}`),
    enabled: !!householdId,
  });
  const rules = useRules(household.data?.regionId);
  const ruleOptions = useMemo(
    () =>
      (rules.data ?? []).map((r) => ({
        value: r.id,
        label: `${r.name}（${signed(r.value)}${t('pts.unit')}${r.cap != null ? `，${label.cap(r.cap, r.capPeriod)}` : ''}）`,
        category: r.category,
      })),
    [rules.data, label, t],
  );

  const close = () => {
    form.resetFields();
    setFiles([]);
    setError(null);
    setKey(clientKey());
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const award = await proposeAward({ ...v, note: v.note?.trim() || undefined, idempotencyKey: key });
      if (files.length) {
        try {
          await uploadEvidence(award.id, files);
        } catch (err) {
          message.warning(t('pts.propose.photoFailed', { reason: errorText(err) }));
        }
      }
      message.success(t(award.status === 'publicized' ? 'pts.propose.doneDirect' : 'pts.propose.done'));
      close();
      onDone(award);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('pts.propose.title')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(c) => {
          if ('householdId' in c) form.setFieldsValue({ ruleId: undefined, residentId: undefined });
        }}
      >
        <Form.Item name="householdId" label={t('pts.propose.household')} rules={[{ required: true, message: t('pts.propose.household.required') }]}>
          <HouseholdPicker regionId={regionId} aria-label={t('pts.propose.household')} />
        </Form.Item>
        <Form.Item name="ruleId" label={t('pts.propose.rule')} rules={[{ required: true, message: t('pts.propose.rule.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={ruleOptions}
            disabled={!householdId}
            placeholder={t('pts.propose.rule.placeholder')}
            loading={rules.isFetching}
            aria-label={t('pts.propose.rule')}
          />
        </Form.Item>
        <Form.Item name="residentId" label={t('pts.propose.member')}>
          <Select
            allowClear
            disabled={!household.data}
            options={(household.data?.residents ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.relation}）` }))}
            aria-label={t('pts.propose.member')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('pts.propose.note')}>
          <Input.TextArea rows={2} maxLength={300} placeholder={t('pts.propose.note.placeholder')} />
        </Form.Item>
        <Form.Item label={t('pts.propose.photo')}>
          <Upload
            listType="picture-card"
            accept="image/*"
            multiple
            fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done', originFileObj: f as never }))}
            beforeUpload={(f) => {
              setFiles((l) => [...l, f].slice(0, 6));
              return false;
            }}
            onRemove={(x) => {
              setFiles((l) => l.filter((_, i) => String(i) !== x.uid));
            }}
          >
            {files.length < 6 && (
              <div>
                <PlusOutlined />
                <div style={{ marginTop: 4 }}>{t('pts.propose.photo.add')}</div>
              </div>
            )}
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
