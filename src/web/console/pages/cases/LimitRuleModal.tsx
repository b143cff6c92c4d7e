// Add or edit one time-limit rule: which categories, which level, which priority, and the four limits.
import { useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, InputNumber, Modal, Row, Select } from 'antd';
import { caseKeys, LIMIT_LEVELS, PRIORITIES, putCaseLimit, type CaseCategory, type LimitRule, type Limits } from '../../api/cases';
import { useT } from '../../i18n';
import { useSubmit } from '../../components/useSubmit';
import { useCaseLabels } from '../../lib/caseLabels';

const ANY = '*';
type Values = Limits & { category: string; level: string; priority: LimitRule['priority'] };

export function LimitRuleModal({ rule, categories, onClose }: { rule: LimitRule | null; categories: CaseCategory[]; onClose: () => void }) {
  const t = useT();
  const label = useCaseLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { submit, saving, alert, onValuesChange } = useSubmit(form, async (v) => {
    await putCaseLimit({
      category: v.category === ANY ? null : v.category,
      level: v.level === ANY ? null : (v.level as LimitRule['level']),
      priority: v.priority,
      acceptYellow: v.acceptYellow,
      acceptRed: v.acceptRed,
      resolveYellow: v.resolveYellow,
      resolveRed: v.resolveRed,
    });
    await Promise.all([qc.invalidateQueries({ queryKey: caseKeys.limits }), qc.invalidateQueries({ queryKey: caseKeys.categories })]);
    message.success(t('caseLimits.saved'));
    onClose();
  });
  const initial: Values = rule
    ? { ...rule, category: rule.category ?? ANY, level: rule.level ?? ANY }
    : { category: ANY, level: 'township', priority: 'normal', acceptYellow: 2, acceptRed: 5, resolveYellow: 5, resolveRed: 10 };
  /** A yellow limit no later than its red one (re-checked when the red one changes). */
  const days = (name: keyof Limits, what: string, red?: keyof Limits) => (
    <Form.Item
      name={name}
      label={what}
      dependencies={red ? [red] : undefined}
      rules={[
        { required: true, message: t('caseLimits.required') },
        ...(red
          ? [
              ({ getFieldValue }: { getFieldValue: (k: keyof Values) => number }) => ({
                validator: (_: unknown, v: number) =>
                  v == null || v <= getFieldValue(red) ? Promise.resolve() : Promise.reject(new Error(t('caseCategories.yellowBeforeRed'))),
              }),
            ]
          : []),
      ]}
    >
      <InputNumber min={1} max={90} precision={0} suffix={t('caseLimits.workdays')} style={{ width: '100%' }} />
    </Form.Item>
  );
  const groups = [...new Set(categories.map((c) => c.type))];
  return (
    <Modal
      open
      width={560}
      title={rule ? t('caseLimits.edit') : t('caseLimits.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {alert}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange}>
        <Form.Item name="category" label={t('caseLimits.col.category')} extra={t('caseLimits.category.hint')}>
          <Select
            showSearch
            optionFilterProp="label"
            disabled={!!rule}
            options={[
              { value: ANY, label: t('caseLimits.anyCategory') },
              ...groups.map((g) => ({
                label: label.type(g),
                title: label.type(g),
                options: categories.filter((c) => c.type === g).map((c) => ({ value: c.code, label: c.name })),
              })),
            ]}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="level" label={t('caseLimits.col.level')}>
              <Select
                disabled={!!rule}
                options={[{ value: ANY, label: t('caseLimits.anyLevel') }, ...LIMIT_LEVELS.map((l) => ({ value: l, label: t(`caseLimits.level.${l}`) }))]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="priority" label={t('caseLimits.col.priority')}>
              <Select disabled={!!rule} options={PRIORITIES.map((p) => ({ value: p, label: label.priority(p) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>{days('acceptYellow', t('caseLimits.acceptYellow'), 'acceptRed')}</Col>
          <Col span={12}>{days('acceptRed', t('caseLimits.acceptRed'))}</Col>
          <Col span={12}>{days('resolveYellow', t('caseLimits.resolveYellow'), 'resolveRed')}</Col>
          <Col span={12}>{days('resolveRed', t('caseLimits.resolveRed'))}</Col>
        </Row>
      </Form>
    </Modal>
  );
}
