// 积分规则: the rules that apply in a region — its own (editable by the village committee or township) and those it
// inherits from above (read-only here) — with Excel export, and the region's points settings.
import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  createRule,
  downloadRules,
  RULE_CATEGORIES,
  saveSettings,
  updateRule,
  useRules,
  useSettings,
  type Proposer,
  type Rule,
  type Settings,
} from '../../api/pointsCore';
import { useRegion } from '../../api/regions';
import { useT } from '../../i18n';
import { useErrorText } from '../../api/errors';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { Ellipsis } from '../../components/Ellipsis';
import { useSession } from '../../layout/session';
import { hasAbility } from '../../lib/access';
import { usePointLabels } from '../../lib/pointLabels';
import { PointValue, SplitWithTree, usePageRegion } from './Points';
import { RuleImportModal } from './RuleImportModal';

const PROPOSERS: Proposer[] = ['cadre', 'grid', 'villager'];
type RuleForm = {
  code: string;
  name: string;
  category: string;
  value: number;
  cap?: number | null;
  capPeriod?: 'month' | 'year' | null;
  proposers: Proposer[];
  needsApproval: boolean;
  description?: string;
};

export default function RulesPage() {
  const t = useT();
  const label = usePointLabels();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { me } = useSession();
  const { filter, update, rootId, regionId, region, showTree } = usePageRegion(['category']);
  const rules = useRules(regionId, true);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const canKeep = hasAbility(me, 'points.manage') && (region?.level === 'village' || region?.level === 'township' || region?.level === 'county');
  // Rules come from the region itself or one above it: their names are on the region's own record.
  const regionNames = new Map<string, string>(region ? [[region.id, region.name], ...region.ancestors.map((a) => [a.id, a.name] as [string, string])] : []);
  const rows = (rules.data ?? []).filter((r) => !filter.category || r.category === filter.category);
  const refresh = () => qc.invalidateQueries({ queryKey: ['points'] });
  const toggle = async (r: Rule) => {
    try {
      await updateRule(r.id, { active: !r.active });
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const columns: TableColumnsType<Rule> = [
    { title: t('pts.rules.code'), dataIndex: 'code', width: 72 },
    {
      title: t('pts.rules.name'),
      key: 'name',
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => (
        <div className="xz-two-lines">
          <Ellipsis text={r.name} />
          {r.description && (
            <span className="xz-muted xz-small">
              <Ellipsis text={r.description} />
            </span>
          )}
        </div>
      ),
    },
    { title: t('pts.rules.category'), dataIndex: 'category', width: 96, render: (v: string) => <Tag>{v}</Tag> },
    { title: t('pts.rules.value'), dataIndex: 'value', width: 64, align: 'right', render: (v: number) => <PointValue value={v} strong /> },
    { title: t('pts.rules.cap'), key: 'cap', width: 116, render: (_: unknown, r) => label.cap(r.cap, r.capPeriod) },
    { title: t('pts.rules.proposers'), dataIndex: 'proposers', width: 140, render: (v: Proposer[]) => v.map((p) => label.proposer(p)).join('、') },
    { title: t('pts.rules.review'), dataIndex: 'needsApproval', width: 64, render: (v: boolean) => t(v ? 'pts.rules.yes' : 'pts.rules.no') },
    {
      title: t('pts.rules.source'),
      dataIndex: 'regionId',
      width: 130,
      render: (v: string) =>
        v === regionId ? t('pts.rules.own') : <span className="xz-muted">{t('pts.rules.inherited', { name: regionNames.get(v) ?? '' })}</span>,
    },
    {
      title: t('pts.rules.status'),
      dataIndex: 'active',
      width: 72,
      render: (v: boolean) => (v ? <Tag color="green">{t('pts.rules.active')}</Tag> : <Tag>{t('pts.rules.inactive')}</Tag>),
    },
    {
      title: t('pts.awards.col.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, r) =>
        canKeep &&
        r.regionId === regionId && (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing(r)}>
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => toggle(r)}>
              {r.active ? t('pts.rules.disable') : t('pts.rules.enable')}
            </Button>
          </Space>
        ),
    },
  ];
  return (
    <PageContainer
      title={t('pts.rules.title')}
      subTitle={t('pts.rules.sub')}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} disabled={!regionId} onClick={() => downloadRules(regionId!).catch((err) => message.error(errorText(err)))}>
            {t('pts.rules.export')}
          </Button>
          {canKeep && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('pts.import.open')}
            </Button>
          )}
          {canKeep && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('pts.rules.add')}
            </Button>
          )}
        </Space>
      }
    >
      <SplitWithTree rootId={rootId} selectedId={filter.regionId} showTree={showTree} onChange={(id) => update({ regionId: id })}>
        <div className="xz-table-toolbar">
          <Select
            allowClear
            placeholder={t('pts.rules.category')}
            style={{ width: 160 }}
            value={filter.category}
            onChange={(v) => update({ category: v })}
            options={RULE_CATEGORIES.map((c) => ({ value: c, label: c }))}
            aria-label={t('pts.rules.category')}
          />
          <span className="xz-muted">{region?.name}</span>
        </div>
        <Table<Rule>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          size="middle"
          tableLayout="fixed"
          scroll={{ x: 980 }}
          loading={rules.isLoading}
          pagination={false}
          locale={{ emptyText: rules.isLoading ? ' ' : <EmptyState title={t('pts.rules.empty')} hint={t('pts.rules.empty.hint')} /> }}
        />
        {regionId && <SettingsCard regionId={regionId} editable={canKeep} />}
      </SplitWithTree>
      {importing && regionId && <RuleImportModal regionId={regionId} regionName={region?.name ?? ''} onClose={() => setImporting(false)} onDone={refresh} />}
      {editing && regionId && <RuleModal rule={editing === 'new' ? null : editing} regionId={regionId} onClose={() => setEditing(null)} onSaved={refresh} />}
    </PageContainer>
  );
}

function RuleModal({ rule, regionId, onClose, onSaved }: { rule: Rule | null; regionId: string; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleForm>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const body = {
        name: v.name,
        category: v.category,
        value: v.value,
        cap: v.cap ?? null,
        capPeriod: v.cap ? (v.capPeriod ?? 'month') : null,
        proposers: v.proposers,
        needsApproval: v.needsApproval,
        description: v.description?.trim() || null,
      };
      if (rule) await updateRule(rule.id, body);
      else await createRule({ ...body, regionId, code: v.code });
      message.success(t('common.saved'));
      await onSaved();
      onClose();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={600}
      title={t(rule ? 'pts.rules.edit' : 'pts.rules.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          rule
            ? { ...rule, description: rule.description ?? undefined }
            : { proposers: ['cadre', 'grid'], needsApproval: true, capPeriod: 'month', category: RULE_CATEGORIES[0] }
        }
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="code" label={t('pts.rules.code')} rules={[{ required: true, whitespace: true, message: t('pts.rules.code') }]}>
              <Input maxLength={20} disabled={!!rule} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={t('pts.rules.name')} rules={[{ required: true, whitespace: true, message: t('pts.rules.name') }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="category" label={t('pts.rules.category')}>
              <Select options={RULE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="value"
              label={t('pts.rules.value')}
              extra={t('pts.rules.value.help')}
              rules={[
                { required: true, message: t('pts.rules.value') },
                { validator: (_, v) => (v === 0 ? Promise.reject(new Error(t('pts.rules.value.help'))) : Promise.resolve()) },
              ]}
            >
              <InputNumber min={-100} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="needsApproval" label={t('pts.rules.needsApproval')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="cap" label={t('pts.rules.capValue')}>
              <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} placeholder={t('pts.rule.cap.none')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="capPeriod" label={t('pts.rules.capPeriod')}>
              <Radio.Group
                options={[
                  { value: 'month', label: t('pts.rules.capPeriod.month') },
                  { value: 'year', label: t('pts.rules.capPeriod.year') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="proposers" label={t('pts.rules.proposers')} rules={[{ required: true, message: t('pts.rules.proposers') }]}>
          <Checkbox.Group options={PROPOSERS.map((p) => ({ value: p, label: t(`pts.proposer.${p}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('pts.rules.description')}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SettingsCard({ regionId, editable }: { regionId: string; editable: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const settings = useSettings(regionId);
  const from = useRegion(settings.data?.fromRegionId ?? undefined);
  const [form] = Form.useForm<Settings>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await saveSettings({ ...v, regionId });
      message.success(t('pts.settings.saved'));
      await qc.invalidateQueries({ queryKey: ['points', 'settings'] });
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  const whence = !settings.data
    ? ''
    : settings.data.fromRegionId === regionId
      ? t('pts.settings.own')
      : settings.data.fromRegionId
        ? t('pts.settings.inherited', { name: from.data?.name ?? '' })
        : t('pts.settings.defaults');
  return (
    <Card size="small" title={t('pts.settings.title')} extra={<span className="xz-muted">{whence}</span>} style={{ marginTop: 20 }}>
      <Form form={form} layout="inline" disabled={!editable} style={{ rowGap: 12 }}>
        <Form.Item name="publicDays" label={t('pts.settings.publicDays')}>
          <InputNumber min={1} max={15} precision={0} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="monthlyBase" label={t('pts.settings.monthlyBase')}>
          <InputNumber min={0} max={1000} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="mediatorPoints" label={t('pts.settings.mediatorPoints')}>
          <InputNumber min={0} max={1000} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="volunteerRate" label={t('pts.settings.volunteerRate')}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="settlementMode" label={t('pts.settings.settlementMode')}>
          <Radio.Group
            options={[
              { value: 'carry', label: t('pts.settings.carry') },
              { value: 'reset', label: t('pts.settings.reset') },
            ]}
          />
        </Form.Item>
        {editable && (
          <Button type="primary" loading={saving} onClick={save}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
