// 照片与附件: photos as thumbnails (click to enlarge), PDFs as links, and an upload button while the case is open to more.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Image, Upload } from 'antd';
import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { attachmentUrl, caseKeys, uploadAttachments, type CaseDetail } from '../../api/cases';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';

export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file the server will refuse anyway, in words; null when it looks fine. */
export function fileProblem(f: File, t: ReturnType<typeof useT>): string | null {
  if (f.size > MAX_FILE_BYTES) return t('case.files.tooBig', { name: f.name });
  if (f.type && !ACCEPT.split(',').includes(f.type)) return t('case.files.badType', { name: f.name });
  return null;
}

const sizeText = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function CaseFiles({ c }: { c: CaseDetail }) {
  const t = useT();
  const f = useFormat();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  // Anyone with a part may add files while the case is not closed (the server checks the same).
  const canAdd = c.actions.length > 0 && c.status !== 'archived' && c.status !== 'rejected';
  const photos = c.attachments.filter((a) => a.mime.startsWith('image/'));
  const docs = c.attachments.filter((a) => !a.mime.startsWith('image/'));

  const add = async (files: File[]) => {
    const bad = files.map((x) => fileProblem(x, t)).find(Boolean);
    if (bad) {
      message.error(bad);
      return;
    }
    setBusy(true);
    try {
      const { items } = await uploadAttachments(c.id, files);
      await qc.invalidateQueries({ queryKey: caseKeys.one(c.id) });
      message.success(t('case.files.added', { n: items.length }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (!c.attachments.length && !canAdd) return null;
  return (
    <Card
      title={t('case.files')}
      variant="borderless"
      extra={
        canAdd && (
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file, list) => {
              if (file === list[0]) void add(list as File[]);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {t('case.files.add')}
            </Button>
          </Upload>
        )
      }
    >
      {!c.attachments.length ? (
        <div className="xz-muted">
          {t('case.files.empty')}
          <span style={{ marginInlineStart: 8 }}>{t('case.files.hint')}</span>
        </div>
      ) : (
        <div className="xz-files">
          <Image.PreviewGroup>
            {photos.map((a) => (
              <figure key={a.id} className="xz-photo">
                <Image src={attachmentUrl(c.id, a.id)} alt={a.name} width={120} height={90} style={{ objectFit: 'cover', borderRadius: 6 }} />
                <figcaption className="xz-muted" title={a.name}>
                  {f.dateTimeShort(a.createdAt)}
                </figcaption>
              </figure>
            ))}
          </Image.PreviewGroup>
          {docs.map((a) => (
            <a key={a.id} className="xz-doc" href={attachmentUrl(c.id, a.id)} target="_blank" rel="noreferrer">
              <FilePdfOutlined style={{ fontSize: 28, color: '#cf1322' }} aria-hidden />
              <span className="xz-doc-name" title={a.name}>
                {a.name}
              </span>
              <span className="xz-muted">{sizeText(a.size)}</span>
            </a>
          ))}
        </div>
      )}
    </Card>
  );
}

/** 办理前后对比: the pictures from the report and the work beside those of the result in force, with the result in words. */
export function BeforeAfter({ c }: { c: CaseDetail }) {
  const t = useT();
  const f = useFormat();
  if (!c.photos.after.length) return null;
  const byId = new Map(c.attachments.map((a) => [a.id, a]));
  const result = c.history.findLast((h) => h.action === 'resolve');
  const column = (title: string, ids: string[], empty: string) => (
    <section className="xz-ba-col" aria-label={title}>
      <h3 className="xz-ba-title">{title}</h3>
      {ids.length ? (
        <div className="xz-files">
          {ids.map((id) => {
            const a = byId.get(id);
            return a ? (
              <figure key={id} className="xz-photo">
                <Image src={attachmentUrl(c.id, id)} alt={`${title}：${a.name}`} width={120} height={90} style={{ objectFit: 'cover', borderRadius: 6 }} />
                <figcaption className="xz-muted">{f.dateTimeShort(a.createdAt)}</figcaption>
              </figure>
            ) : null;
          })}
        </div>
      ) : (
        <div className="xz-muted">{empty}</div>
      )}
    </section>
  );
  return (
    <Card title={t('case.beforeAfter')} variant="borderless">
      {result?.note && (
        <p className="xz-ba-result">
          <span className="xz-muted">{t('caseAction.resolve.note')}：</span>
          {result.note}
        </p>
      )}
      <Image.PreviewGroup>
        <div className="xz-ba">
          {column(t('case.beforeAfter.before'), c.photos.before, t('case.beforeAfter.noBefore'))}
          {column(t('case.beforeAfter.after'), c.photos.after, '')}
        </div>
      </Image.PreviewGroup>
    </Card>
  );
}
