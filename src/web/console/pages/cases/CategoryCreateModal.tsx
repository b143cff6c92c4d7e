// 新增类别: a new category of the current type (e.g. a 代办 item), with default time limits until edited.
import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Form, Input, Modal } from 'antd';
import { caseKeys, createCategory, type CaseCategory, type CaseType } from '../../api/cases';
import { useT } from '../../i18n';
import { useSubmit } from '../../components/useSubmit';
import { useCaseLabels } from '../../lib/caseLabels';

interface Values {
  name: string;
  group?: string;
}

export function CategoryCreateModal({ type, existing, onClose }: { type: CaseType; existing: CaseCategory[]; onClose: () => void }) {
  const t = useT();
  const label = useCaseLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const groups = useMemo(() => [...new Set(existing.filter((c) => c.type === type && c.group).map((c) => c.group!))], [existing, type]);
  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    const made = await createCategory({ type, name: v.name.trim(), group: v.group?.trim() || null });
    await qc.invalidateQueries({ queryKey: caseKeys.categories });
    message.success(t('caseCategories.created', { name: made.name }));
    onClose();
  });
  return (
    <Modal
      open
      title={`${t('caseCategories.add')}（${label.type(type)}）`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {alert}
      <Form<Values> form={form} layout="vertical" onValuesChange={onValuesChange}>
        <Form.Item
          label={t('caseCategories.col.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('caseCategories.name.required') }, { max: 30 }]}
        >
          <Input maxLength={30} placeholder={t('caseCategories.name.placeholder')} />
        </Form.Item>
        <Form.Item label={t('caseCategories.col.group')} name="group" extra={t('caseCategories.group.hint')}>
          <AutoComplete
            options={groups.map((g) => ({ value: g }))}
            maxLength={20}
            placeholder={groups[0]}
            filterOption={(input, o) => !!o?.value.includes(input)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
