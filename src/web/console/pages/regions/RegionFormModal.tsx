import { App, Form, Input, Modal } from 'antd';
import { childLevel, createRegion, updateRegion, type Level, type Region } from '../../api/regions';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';

const CODE_SHAPE: Record<Level, RegExp> = { county: /^\d{6}$/, township: /^\d{9}$/, village: /^\d{12}$/, grid: /^[\dA-Za-z-]{1,20}$/ };

export type RegionFormTarget = { kind: 'add'; parent: Region } | { kind: 'edit'; region: Region };

export function RegionFormModal({ target, onClose, onSaved }: { target: RegionFormTarget; onClose: () => void; onSaved: (parentId: string | null) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; code?: string }>();
  const level: Level = target.kind === 'add' ? childLevel(target.parent.level) : target.region.level;
  const levelName = t(`level.${level}`);

  const { submit, saving, alert } = useSubmit(form, async (v) => {
    const code = v.code?.trim() || null;
    if (target.kind === 'add') {
      await createRegion({ parentId: target.parent.id, level, name: v.name.trim(), code });
      message.success(t('regions.created', { name: v.name.trim() }));
      onSaved(target.parent.id);
    } else {
      await updateRegion(target.region.id, { name: v.name.trim(), code });
      message.success(t('regions.updated'));
      onSaved(target.region.parentId);
    }
    onClose();
  });

  return (
    <Modal
      open
      title={
        target.kind === 'add' ? t('regions.add.title', { name: target.parent.name, level: levelName }) : t('regions.edit.title', { name: target.region.name })
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {alert}
      <Form form={form} layout="vertical" initialValues={target.kind === 'edit' ? { name: target.region.name, code: target.region.code ?? undefined } : {}}>
        <Form.Item label={t('regions.level')}>
          <Input value={levelName} disabled aria-label={t('regions.level')} />
        </Form.Item>
        <Form.Item
          label={t('regions.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('validate.required', { field: t('regions.name') }) },
            { max: 50, message: t('validate.maxLen', { field: t('regions.name'), n: 50 }) },
          ]}
        >
          <Input maxLength={50} placeholder={t(`regions.name.placeholder.${level}`)} />
        </Form.Item>
        <Form.Item
          label={t('regions.code')}
          name="code"
          validateTrigger={['onBlur']}
          rules={[
            {
              validator: async (_, v?: string) => {
                if (v && !CODE_SHAPE[level].test(v.trim())) throw new Error(t('validate.code'));
              },
            },
          ]}
        >
          <Input maxLength={20} className="xz-id" placeholder={t(`regions.code.placeholder.${level}`)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
