// One award: the facts, its evidence photos, its timeline, then only the actions its state allows.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Image, Input, Modal, Skeleton, Space, Tag, Timeline } from 'antd';
import { decideAward, evidenceUrl, useAward } from '../../api/pointsCore';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../api/errors';
import { AWARD_COLOR, usePointLabels } from '../../lib/pointLabels';
import { PointValue } from './Points';

export function AwardDrawer({
  id,
  canDecide,
  onClose,
  onChanged,
}: {
  id?: string;
  canDecide: boolean;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const t = useT();
  const f = useFormat();
  const label = usePointLabels();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const award = useAward(id);
  const a = award.data;
  const [asking, setAsking] = useState<'reject' | 'object' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ text: string }>();

  const act = async (action: 'approve' | 'reject' | 'object', text?: string) => {
    if (!a) return;
    setBusy(true);
    try {
      await decideAward(a.id, action, text);
      message.success(t(action === 'approve' ? 'pts.awards.approved' : action === 'reject' ? 'pts.awards.rejected' : 'pts.awards.objected'));
      setAsking(null);
      form.resetFields();
      await Promise.all([onChanged(), award.refetch()]);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const missingPhoto = a?.proposerRole === 'villager' && a.status === 'pending' && a.evidenceCount === 0;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={560}
      title={t('pts.awards.detail')}
      extra={
        a &&
        canDecide && (
          <Space>
            {a.status === 'pending' && (
              <Button danger onClick={() => setAsking('reject')}>
                {t('pts.awards.reject')}
              </Button>
            )}
            {a.status === 'pending' && (
              <Button type="primary" loading={busy} disabled={missingPhoto} onClick={() => act('approve')}>
                {t('pts.awards.approve')}
              </Button>
            )}
            {a.status === 'publicized' && <Button onClick={() => setAsking('object')}>{t('pts.awards.object')}</Button>}
          </Space>
        )
      }
    >
      {!a ? (
        <Skeleton active />
      ) : (
        <>
          {missingPhoto && <Alert type="warning" showIcon title={t('pts.awards.villagerNeedsPhoto')} style={{ marginBottom: 16 }} />}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('pts.awards.facts.household')}>{a.householdName || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('pts.awards.facts.grid')}>{a.placeName}</Descriptions.Item>
            <Descriptions.Item label={t('pts.awards.facts.rule')} span={2}>
              {a.ruleName}
              <span className="xz-muted">（{a.category}）</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('pts.awards.facts.value')}>
              <PointValue value={a.value} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t('pts.awards.facts.member')}>{a.residentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('pts.awards.facts.proposer')}>
              {a.proposerName}（{label.proposer(a.proposerRole)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('pts.awards.facts.status')}>
              <Tag color={AWARD_COLOR[a.status]}>{label.status(a.status)}</Tag>
            </Descriptions.Item>
            {a.note && (
              <Descriptions.Item label={t('pts.awards.facts.note')} span={2}>
                {a.note}
              </Descriptions.Item>
            )}
            {a.publicUntil && (
              <Descriptions.Item label={t('pts.awards.facts.until')} span={2}>
                {f.dateTime(a.publicUntil)}
              </Descriptions.Item>
            )}
            {a.reason && (
              <Descriptions.Item label={t('pts.awards.facts.reason')} span={2}>
                {a.reason}
              </Descriptions.Item>
            )}
            {a.objection && (
              <Descriptions.Item label={t('pts.awards.facts.objection')} span={2}>
                {a.objection}
              </Descriptions.Item>
            )}
          </Descriptions>
          {a.evidence.length > 0 && (
            <>
              <h3 className="xz-section-title" style={{ marginTop: 20 }}>
                {t('pts.awards.evidence')}
              </h3>
              <Image.PreviewGroup>
                <div className="xz-pts-thumbs">
                  {a.evidence.map((e) => (
                    <Image key={e.id} src={evidenceUrl(a.id, e.id)} alt={e.name} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} />
                  ))}
                </div>
              </Image.PreviewGroup>
            </>
          )}
          <h3 className="xz-section-title" style={{ marginTop: 20 }}>
            {t('pts.awards.timeline')}
          </h3>
          <Timeline
            items={a.events.map((e) => ({
              color: e.action === 'reject' || e.action === 'object' ? 'red' : e.action === 'take_effect' ? 'green' : 'blue',
              content: (
                <div>
                  <div>
                    <strong>{label.event(e.action)}</strong>{' '}
                    <span className="xz-muted">
                      {e.byName ?? t('pts.system')} · {f.dateTime(e.at)}
                    </span>
                  </div>
                  {e.note && <div className="xz-muted">{e.note}</div>}
                </div>
              ),
            }))}
          />
        </>
      )}
      <Modal
        open={!!asking}
        title={t(asking === 'reject' ? 'pts.awards.rejectTitle' : 'pts.awards.objectTitle')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onCancel={() => setAsking(null)}
        onOk={async () => {
          const v = await form.validateFields();
          await act(asking!, v.text);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="text"
            label={t(asking === 'reject' ? 'pts.awards.rejectReason' : 'pts.awards.objectText')}
            rules={[
              { required: true, whitespace: true, message: t(asking === 'reject' ? 'pts.awards.rejectReason.required' : 'pts.awards.objectText.required') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={300} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
