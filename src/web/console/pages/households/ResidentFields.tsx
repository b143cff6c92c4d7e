// The facts of one resident, shared by 添加成员 / 编辑成员 and the 户主 part of 新增户.
import dayjs from 'dayjs';
import { Col, DatePicker, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useDictionaries } from '../../api/tags';
import { useI18n } from '../../i18n';
import { relationLabel } from '../../i18n/relations';
import { birthDateFromId, genderFromId, idNumberMessage, normalizeIdNumber, phoneOk } from '../../lib/idnumber';

type Path = (string | number)[];

export interface ResidentFieldsProps {
  form: FormInstance;
  prefix?: Path;
  /** Fixed relation (户主 in 新增户) hides the relation select. */
  fixedRelation?: string;
  /** Editing: the ID may be left empty to keep the stored one. */
  maskedId?: string;
}

const today = () => dayjs().format('YYYY-MM-DD');

/** Fills gender and birth date once the ID number is complete and valid. */
export function autofillFromId(form: FormInstance, prefix: Path, raw: string | undefined) {
  const id = normalizeIdNumber(raw ?? '');
  if (id.length !== 18 || idNumberMessage(id, today())) return;
  form.setFieldValue([...prefix, 'gender'], genderFromId(id));
  form.setFieldValue([...prefix, 'birthDate'], dayjs(birthDateFromId(id)));
  void form
    .validateFields([
      [...prefix, 'gender'],
      [...prefix, 'birthDate'],
    ])
    .catch(() => {});
}

export function ResidentFields({ form, prefix = [], fixedRelation, maskedId }: ResidentFieldsProps) {
  const { t, locale } = useI18n();
  const dict = useDictionaries();
  const p = (name: string) => [...prefix, name];
  const idValue: string | undefined = Form.useWatch(p('idNumber'), form);
  const validId = !!idValue && normalizeIdNumber(idValue).length === 18 && !idNumberMessage(idValue, today());
  const editing = maskedId !== undefined;

  const idRules: Rule[] = [
    { required: !editing, whitespace: true, message: t('validate.required', { field: t('resident.idNumber') }) },
    {
      validateTrigger: 'onChange',
      validator: async (_, v?: string) => {
        const id = normalizeIdNumber(v ?? '');
        if (id.length < 18) return;
        const problem = idNumberMessage(id, today());
        if (problem) throw new Error(t(problem));
      },
    },
    {
      validateTrigger: ['onBlur', 'onSubmit'],
      validator: async (_, v?: string) => {
        const id = normalizeIdNumber(v ?? '');
        if (id && id.length !== 18) throw new Error(t('validate.id.format'));
      },
    },
  ];
  const genderRule: Rule = {
    validator: async (_, v?: string) => {
      if (validId && v && v !== genderFromId(normalizeIdNumber(idValue!))) throw new Error(t('validate.gender.mismatch'));
    },
  };
  const birthRule: Rule = {
    validator: async (_, v?: dayjs.Dayjs) => {
      if (validId && v && v.format('YYYY-MM-DD') !== birthDateFromId(normalizeIdNumber(idValue!))) throw new Error(t('validate.birth.mismatch'));
    },
  };

  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label={t('resident.name')}
            name={p('name')}
            rules={[
              { required: true, whitespace: true, message: t('validate.required', { field: t('resident.name') }) },
              { max: 30, message: t('validate.maxLen', { field: t('resident.name'), n: 30 }) },
            ]}
          >
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          {fixedRelation ? (
            <Form.Item label={t('resident.relation')} name={p('relation')}>
              <Input disabled />
            </Form.Item>
          ) : (
            <Form.Item
              label={t('resident.relation')}
              name={p('relation')}
              rules={[{ required: true, message: t('validate.select', { field: t('resident.relation') }) }]}
            >
              <Select
                options={(dict.data?.relations ?? []).map((r) => ({ value: r, label: relationLabel(r, locale) }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item
        label={t('resident.idNumber')}
        name={p('idNumber')}
        rules={idRules}
        validateTrigger={['onChange', 'onBlur']}
        extra={editing ? undefined : t('resident.idNumber.auto')}
        normalize={(v: string) => v?.replace(/\s/g, '').toUpperCase()}
      >
        <Input
          className="xz-id"
          maxLength={18}
          autoComplete="off"
          placeholder={editing ? t('resident.idNumber.keep', { masked: maskedId }) : t('resident.idNumber.placeholder')}
          onChange={(e) => autofillFromId(form, prefix, e.target.value)}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label={t('resident.gender')}
            name={p('gender')}
            rules={[genderRule]}
            dependencies={[p('idNumber')]}
            extra={validId ? t('resident.idNumber.fromId') : undefined}
          >
            <Radio.Group
              disabled={editing && !idValue}
              options={[
                { value: 'male', label: t('common.male') },
                { value: 'female', label: t('common.female') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('resident.birthDate')} name={p('birthDate')} rules={[birthRule]} dependencies={[p('idNumber')]}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabled={editing && !idValue} maxDate={dayjs()} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label={t('resident.phone')}
            name={p('phone')}
            validateTrigger={['onBlur']}
            rules={[
              {
                validator: async (_, v?: string) => {
                  if (v && !phoneOk(v.trim())) throw new Error(t('validate.phone'));
                },
              },
            ]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="off" placeholder={t('common.optional')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('resident.tags')} name={p('tags')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('resident.tags.placeholder')}
              maxTagCount="responsive"
              options={(dict.data?.tags ?? []).map((d) => ({ value: d.code, label: locale === 'zh-CN' ? d.zh : d.en }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('resident.note')} name={p('note')}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('resident.note.placeholder')} />
      </Form.Item>
    </>
  );
}

export interface ResidentFormValues {
  name: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthDate?: dayjs.Dayjs;
  phone?: string;
  relation: string;
  tags?: string[];
  note?: string;
}

/** Form values → API body (dates as YYYY-MM-DD, empty strings dropped). */
export function residentBody(v: ResidentFormValues) {
  return {
    name: v.name.trim(),
    idNumber: v.idNumber ? normalizeIdNumber(v.idNumber) : undefined,
    gender: v.idNumber ? v.gender : undefined,
    birthDate: v.idNumber && v.birthDate ? v.birthDate.format('YYYY-MM-DD') : undefined,
    phone: v.phone?.trim() || null,
    relation: v.relation,
    tags: v.tags ?? [],
    note: v.note?.trim() || null,
  };
}
