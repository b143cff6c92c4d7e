// Add a visit rule (who: a resident tag or every household; how often) or rename / re-time one. The name follows the
// choices ("退役军人每季度走访") until the administrator types their own.
import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { createVisitRule, FREQUENCIES, patchVisitRule, visitKeys, type Frequency, type VisitRule } from '../../api/visits';
import { useDictionaries } from '../../api/tags';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../components/useSubmit';
import { useVisitLabels } from '../../lib/visitLabels';

const EVERY = '*';
type Values = { name: string; tag: string; frequency: Frequency };

export function VisitRuleModal({ rule, rules, onClose }: { rule: VisitRule | null; rules: VisitRule[]; onClose: () => void }) {
  const { t, locale } = useI18n();
  const label = useVisitLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const dict = useDictionaries();
  const [form] = Form.useForm<Values>();
  /** The name was typed by hand: stop suggesting one. */
  const typed = useRef(!!rule);
  const tagName = (code: string) => {
    const def = dict.data?.tags.find((x) => x.code === code);
    return def ? (locale === 'zh-CN' ? def.zh : def.en) : code;
  };
  const suggest = (tag: string, frequency: Frequency) =>
    t('visitRules.suggest', { who: tag === EVERY ? t('visitRules.everyHousehold') : tagName(tag), freq: label.frequency(frequency) });

  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    const name = v.name.trim();
    if (rule) {
      const patch = { ...(name !== rule.name ? { name } : {}), ...(!rule.builtin && v.frequency !== rule.frequency ? { frequency: v.frequency } : {}) };
      if (Object.keys(patch).length) await patchVisitRule(rule.id, patch);
    } else {
      await createVisitRule({ name, tag: v.tag === EVERY ? null : v.tag, frequency: v.frequency });
    }
    await Promise.all([qc.invalidateQueries({ queryKey: visitKeys.rules }), qc.invalidateQueries({ queryKey: visitKeys.all })]);
    message.success(t(rule ? 'visitRules.saved' : 'visitRules.created', { name }));
    onClose();
  });
  const initial: Values = rule
    ? { name: rule.name, tag: rule.tag ?? EVERY, frequency: rule.frequency }
    : { name: suggest(EVERY, 'monthly'), tag: EVERY, frequency: 'monthly' };
  const taken = (tag: string, frequency: Frequency) =>
    rules.some((r) => r.active && r.id !== rule?.id && (r.tag ?? EVERY) === tag && r.frequency === frequency);

  return (
    <Modal
      open
      width={520}
      title={rule ? t('visitRules.edit') : t('visitRules.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {alert}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(changed: Partial<Values>, all) => {
          onValuesChange();
          if ('name' in changed) typed.current = true;
          else if (!typed.current && ('tag' in changed || 'frequency' in changed)) form.setFieldValue('name', suggest(all.tag, all.frequency));
        }}
      >
        <Form.Item name="tag" label={t('visitRules.col.tag')} extra={rule ? t('visitRules.tag.fixed') : t('visitRules.tag.hint')}>
          <Select
            disabled={!!rule}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: EVERY, label: t('visitRules.everyHousehold') },
              ...(dict.data?.tags ?? []).map((x) => ({ value: x.code, label: locale === 'zh-CN' ? x.zh : x.en })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="frequency"
          label={t('visitRules.col.frequency')}
          extra={rule?.builtin ? t('visitRules.builtin.tip') : undefined}
          dependencies={['tag']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_: unknown, v: Frequency) =>
                !rule && taken(getFieldValue('tag'), v) ? Promise.reject(new Error(t('visitRules.duplicate'))) : Promise.resolve(),
            }),
          ]}
        >
          <Radio.Group
            disabled={!!rule?.builtin}
            optionType="button"
            buttonStyle="solid"
            options={FREQUENCIES.map((f) => ({ value: f, label: label.frequency(f) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('visitRules.col.name')}
          rules={[
            { required: true, whitespace: true, message: t('visitRules.name.required') },
            { max: 40, message: t('validate.maxLen', { field: t('visitRules.col.name'), n: 40 }) },
          ]}
        >
          <Input maxLength={40} showCount placeholder={t('visitRules.name.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
