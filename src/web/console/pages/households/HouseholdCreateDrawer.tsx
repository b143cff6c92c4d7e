import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Drawer, Form, Input, Space } from 'antd';
import { createHousehold, householdKeys } from '../../api/households';
import type { Region } from '../../api/regions';
import { useT } from '../../i18n';
import { phoneOk } from '../../lib/idnumber';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { ResidentFields, residentBody, type ResidentFormValues } from './ResidentFields';
import { useSubmit } from '../../components/useSubmit';

interface Values {
  regionId: string;
  address: string;
  phone?: string;
  head: ResidentFormValues;
}

/** Households sit on a grid, or on a village that has no grids. */
export const householdPlace = (r: Region) => r.level === 'grid' || (r.level === 'village' && !r.hasChildren);

/** The server names the head as `residents.0.*`; here those fields sit under `head`. */
const mapField = (f: string) => {
  const m = /^residents\.\d+\.(\w+)$/.exec(f);
  if (m) return ['head', m[1]];
  return ['regionId', 'address', 'phone'].includes(f) ? [f] : null;
};

export function HouseholdCreateDrawer({
  open,
  defaultRegionId,
  rootId,
  onClose,
}: {
  open: boolean;
  defaultRegionId?: string;
  rootId?: string;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { submit, saving, alert, onValuesChange } = useSubmit(
    form,
    async (v) => {
      const head = residentBody({ ...v.head, relation: '户主' });
      const h = await createHousehold({
        regionId: v.regionId,
        address: v.address.trim(),
        phone: v.phone?.trim() || null,
        residents: [{ ...head, idNumber: head.idNumber! }],
      });
      await qc.invalidateQueries({ queryKey: householdKeys.all });
      message.success(t('household.created', { address: h.address }));
      onClose();
      navigate(`/registry/households/${h.id}`);
    },
    mapField,
  );

  return (
    <Drawer
      open={open}
      title={t('households.add')}
      size={640}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {alert}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ regionId: defaultRegionId, head: { relation: '户主', tags: [] } }}
        onValuesChange={onValuesChange}
      >
        <div className="xz-section-title" style={{ marginBottom: 12 }}>
          {t('household.facts')}
        </div>
        <Form.Item label={t('household.region')} name="regionId" rules={[{ required: true, message: t('validate.select', { field: t('household.region') }) }]}>
          <RegionTreeSelect rootId={rootId} selectable={householdPlace} placeholder={t('household.region.placeholder')} />
        </Form.Item>
        <Form.Item
          label={t('household.address')}
          name="address"
          rules={[
            { required: true, whitespace: true, message: t('validate.required', { field: t('household.address') }) },
            { max: 100, message: t('validate.maxLen', { field: t('household.address'), n: 100 }) },
          ]}
        >
          <Input maxLength={100} placeholder={t('household.address.placeholder')} />
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
          <Input maxLength={20} inputMode="tel" placeholder={t('common.optional')} />
        </Form.Item>
        <Divider style={{ margin: '8px 0 16px' }} />
        <div className="xz-section-title" style={{ marginBottom: 12 }}>
          {t('resident.headFacts')}
        </div>
        <ResidentFields form={form} prefix={['head']} fixedRelation="户主" />
      </Form>
    </Drawer>
  );
}
