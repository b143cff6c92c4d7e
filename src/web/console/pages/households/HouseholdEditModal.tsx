import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Skeleton } from 'antd';
import { householdKeys, updateHousehold, useHousehold } from '../../api/households';
import { useI18n, useT } from '../../i18n';
import { relationLabel } from '../../i18n/relations';
import { phoneOk } from '../../lib/idnumber';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useSession } from '../../layout/session';
import { householdPlace } from './HouseholdCreateDrawer';
import { useSubmit } from '../../components/useSubmit';

interface Values {
  regionId: string;
  address: string;
  phone?: string;
  headResidentId?: string;
}

export function HouseholdEditModal({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { current } = useSession();
  const h = useHousehold(householdId);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (h.data)
      form.setFieldsValue({
        regionId: h.data.regionId,
        address: h.data.address,
        phone: h.data.phone ?? undefined,
        headResidentId: h.data.headResidentId ?? undefined,
      });
  }, [h.data, form]);

  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    await updateHousehold(householdId, {
      address: v.address.trim(),
      phone: v.phone?.trim() || null,
      ...(v.regionId !== h.data?.regionId ? { regionId: v.regionId } : {}),
      ...(v.headResidentId && v.headResidentId !== h.data?.headResidentId ? { headResidentId: v.headResidentId } : {}),
    });
    await qc.invalidateQueries({ queryKey: householdKeys.all });
    message.success(t('household.updated'));
    onClose();
  });

  return (
    <Modal
      open
      title={t('household.edit')}
      width={560}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      okButtonProps={{ disabled: !h.data }}
    >
      {alert}
      {!h.data ? (
        <Skeleton active />
      ) : (
        <Form<Values> form={form} layout="vertical" onValuesChange={onValuesChange}>
          <Form.Item
            label={t('household.region')}
            name="regionId"
            rules={[{ required: true, message: t('validate.select', { field: t('household.region') }) }]}
          >
            <RegionTreeSelect rootId={current?.regionId} selectable={householdPlace} />
          </Form.Item>
          <Form.Item
            label={t('household.address')}
            name="address"
            rules={[
              { required: true, whitespace: true, message: t('validate.required', { field: t('household.address') }) },
              { max: 100, message: t('validate.maxLen', { field: t('household.address'), n: 100 }) },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            label={t('household.phone')}
            name="phone"
            validateTrigger="onBlur"
            rules={[
              {
                validator: async (_, val?: string) => {
                  if (val && !phoneOk(val.trim())) throw new Error(t('validate.phone'));
                },
              },
            ]}
          >
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
          {h.data.residents.length > 0 && (
            <Form.Item label={t('household.headSelect')} name="headResidentId">
              <Select options={h.data.residents.map((r) => ({ value: r.id, label: `${r.name}（${relationLabel(r.relation, locale)}）` }))} />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
