import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { createResident, householdKeys, updateResident, type Resident } from '../../api/households';
import { useT } from '../../i18n';
import { ResidentFields, residentBody, type ResidentFormValues } from './ResidentFields';
import { useSubmit } from '../../components/useSubmit';

export function ResidentModal({ householdId, resident, onClose }: { householdId: string; resident?: Resident; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ResidentFormValues>();
  const editing = !!resident;

  const initial: Partial<ResidentFormValues> = resident
    ? {
        name: resident.name,
        relation: resident.relation,
        gender: resident.gender,
        birthDate: resident.birthDate ? dayjs(resident.birthDate) : undefined,
        phone: resident.phone ?? undefined,
        tags: resident.tags,
        note: resident.note ?? undefined,
      }
    : { relation: '子女', tags: [] };

  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (values) => {
    const body = residentBody(values);
    if (resident) {
      await updateResident(resident.id, body);
      message.success(t('resident.updated'));
    } else {
      await createResident({ ...body, idNumber: body.idNumber!, householdId });
      message.success(t('resident.added', { name: body.name }));
    }
    await qc.invalidateQueries({ queryKey: householdKeys.all });
    onClose();
  });

  return (
    <Modal
      open
      title={editing ? `${t('household.editResident')}：${resident!.name}` : t('household.addResident')}
      width={640}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {alert}
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange} requiredMark>
        <ResidentFields form={form} maskedId={resident?.idNumber} />
      </Form>
    </Modal>
  );
}
