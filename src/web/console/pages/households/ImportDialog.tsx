// 导入Excel: choose region, mode and file → 预检 (dry run) → 确认导入.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Radio, Result, Space, Steps, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { downloadImportTemplate, householdKeys, importHouseholds, type ImportError, type ImportResult } from '../../api/households';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useSession } from '../../layout/session';
import { ImportCheckResult } from './ImportCheckResult';

type Mode = 'partial' | 'all';

export function ImportDialog({ open, defaultRegionId, onClose }: { open: boolean; defaultRegionId?: string; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const { current } = useSession();
  const [regionId, setRegionId] = useState<string | undefined>(defaultRegionId ?? current?.regionId);
  const [mode, setMode] = useState<Mode>('partial');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [rejected, setRejected] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const step = done ? 2 : check ? 1 : 0;

  const run = async (dryRun: boolean) => {
    if (!file) {
      setFileError(t('import.file.required'));
      return;
    }
    if (!regionId) return;
    setBusy(true);
    setBanner(null);
    try {
      const out = await importHouseholds(file, { regionId, mode, dryRun });
      setRejected(null);
      if (dryRun) setCheck(out);
      else {
        setDone(out);
        await qc.invalidateQueries({ queryKey: householdKeys.all });
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'IMPORT_HAS_ERRORS') {
        const d = (err.details ?? {}) as { totalRows?: number; errors?: ImportError[] };
        const errors = d.errors ?? [];
        // The server does not count households when it rejects the whole file; -1 shows as "—".
        setCheck({
          mode,
          dryRun,
          totalRows: d.totalRows ?? check?.totalRows ?? 0,
          households: check?.households ?? -1,
          importedHouseholds: 0,
          importedResidents: 0,
          errors,
        });
        setRejected(dryRun ? null : errorText(err) || t('import.rejected'));
      } else setBanner(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setCheck(null);
    setDone(null);
    setRejected(null);
    setFile(null);
    setBanner(null);
  };
  const template = async () => {
    try {
      await downloadImportTemplate(regionId, '村情户情档案导入模板.xlsx');
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const footer =
    step === 0
      ? [
          <Button key="c" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button key="d" type="primary" loading={busy} disabled={!regionId} onClick={() => run(true)}>
            {t('import.dryRun')}
          </Button>,
        ]
      : step === 1
        ? [
            <Button key="r" onClick={restart}>
              {t('import.reselect')}
            </Button>,
            <Button
              key="i"
              type="primary"
              loading={busy}
              disabled={!check || check.importedHouseholds === 0 || (check.mode === 'all' && check.errors.length > 0)}
              onClick={() => run(false)}
            >
              {t('import.confirm')}
            </Button>,
          ]
        : [
            <Button key="a" onClick={restart}>
              {t('import.again')}
            </Button>,
            <Button key="v" type="primary" onClick={onClose}>
              {t('import.viewList')}
            </Button>,
          ];

  return (
    <Modal open={open} title={t('import.title')} width={760} onCancel={onClose} footer={footer} mask={{ closable: false }} destroyOnHidden>
      <Steps
        size="small"
        current={step}
        style={{ margin: '8px 0 24px' }}
        items={[{ title: t('import.step.file') }, { title: t('import.step.check') }, { title: t('import.step.done') }]}
      />
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} role="alert" />}
      {step === 0 && (
        <Form layout="vertical">
          <Alert
            type="info"
            showIcon
            title={t('import.templateHint')}
            action={
              <Button size="small" icon={<DownloadOutlined />} onClick={template}>
                {t('import.template')}
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
          <Form.Item label={t('import.region')} htmlFor="xz-import-region" required>
            <RegionTreeSelect
              id="xz-import-region"
              rootId={current?.regionId}
              value={regionId}
              onChange={(v) => setRegionId(v)}
              placeholder={t('import.region.placeholder')}
            />
          </Form.Item>
          <Form.Item label={t('import.mode')} required>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} aria-label={t('import.mode')}>
              <Space orientation="vertical">
                <Radio value="partial">
                  {t('import.mode.partial')}
                  <span className="xz-muted"> — {t('import.mode.partialHint')}</span>
                </Radio>
                <Radio value="all">
                  {t('import.mode.all')}
                  <span className="xz-muted"> — {t('import.mode.allHint')}</span>
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('import.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: '1', name: file.name, status: 'done', size: file.size }] : []}
              beforeUpload={(fl) => {
                if (!/\.xlsx$/i.test(fl.name)) {
                  setFileError(t('import.file.type'));
                  return Upload.LIST_IGNORE;
                }
                setFile(fl);
                setFileError(null);
                return false;
              }}
              onRemove={() => {
                setFile(null);
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.file.drag')}</p>
              <p className="ant-upload-hint">{t('import.file.hint')}</p>
            </Upload.Dragger>
          </Form.Item>
        </Form>
      )}
      {step === 1 && check && <ImportCheckResult result={check} rejected={rejected} fileName={file?.name} />}
      {step === 2 && done && (
        <Result
          status="success"
          title={t('import.success', { h: f.num(done.importedHouseholds), r: f.num(done.importedResidents) })}
          subTitle={
            <>
              {t('import.success.desc')}
              {done.errors.length > 0 && <div>{t('import.skipped', { n: done.errors.length })}</div>}
            </>
          }
        />
      )}
    </Modal>
  );
}
