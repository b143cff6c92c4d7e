// 导入积分规则: choose the village's existing rules as .xlsx, check them first (every row, with its problems), then import
// all of them at once — or nothing when any row is wrong.
import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client';
import { downloadRuleTemplate, importRules, type RuleImportResult } from '../../api/pointsCore';
import { useT } from '../../i18n';
import { useErrorText } from '../../api/errors';

export function RuleImportModal({
  regionId,
  regionName,
  onClose,
  onDone,
}: {
  regionId: string;
  regionName: string;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<RuleImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await importRules(regionId, file, dryRun);
      if (dryRun) setCheck(r);
      else {
        message.success(t('pts.import.done', { created: r.created, updated: r.updated }));
        await onDone();
        onClose();
      }
    } catch (err) {
      const details = err instanceof ApiError ? (err.details as { problems?: RuleImportResult['problems'] } | undefined) : undefined;
      if (details?.problems) setCheck({ dryRun: true, totalRows: 0, created: 0, updated: 0, unchanged: 0, inherited: 0, problems: details.problems });
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const ok = check && !check.problems.length;
  return (
    <Modal
      open
      width={640}
      title={t('pts.import.title', { name: regionName })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={!file} loading={busy && !ok} onClick={() => run(true)}>
            {t('pts.import.check')}
          </Button>
          <Button type="primary" disabled={!ok} loading={busy && !!ok} onClick={() => run(false)}>
            {t('pts.import.run')}
          </Button>
        </Space>
      }
    >
      <p className="xz-muted">{t('pts.import.hint')}</p>
      <Space style={{ marginBottom: 12 }}>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setCheck(null);
            setError(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setCheck(null);
          }}
        >
          <Button icon={<UploadOutlined />}>{t('pts.import.choose')}</Button>
        </Upload>
        <Button type="link" icon={<DownloadOutlined />} onClick={() => downloadRuleTemplate().catch((err) => message.error(errorText(err)))}>
          {t('pts.import.template')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {check && !check.problems.length && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('pts.import.checked', {
            rows: check.totalRows,
            created: check.created,
            updated: check.updated,
            unchanged: check.unchanged + check.inherited,
          })}
        />
      )}
      {check && check.problems.length > 0 && (
        <Table
          rowKey={(p) => `${p.row}-${p.message}`}
          size="small"
          pagination={check.problems.length > 10 ? { pageSize: 10 } : false}
          dataSource={check.problems}
          columns={[
            { title: t('pts.import.row'), dataIndex: 'row', width: 80 },
            { title: t('pts.import.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </Modal>
  );
}
