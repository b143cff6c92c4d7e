// 粘贴国务院通知: the text is read in the browser (shared/holiday-notice) and shown for confirmation before it fills the calendar.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useT } from '../../i18n';
import { parseHolidayNotice, type NoticeItem, type ParsedNotice } from '../../../../shared/holiday-notice';
import { rangesText } from './days';

export function NoticeImportModal({ year, open, onClose, onApply }: { year: number; open: boolean; onClose: () => void; onApply: (p: ParsedNotice) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<ParsedNotice | null>(null);
  const [empty, setEmpty] = useState(false);
  const close = () => {
    setParsed(null);
    onClose();
  };
  const read = () => {
    if (!text.trim()) {
      setEmpty(true);
      return;
    }
    setParsed(parseHolidayNotice(text, year));
  };
  const inYear = (d: string) => d.startsWith(`${year}-`);

  const footer = parsed ? (
    <Space>
      <Button onClick={() => setParsed(null)}>{t('calendar.import.back')}</Button>
      <Button
        type="primary"
        disabled={!parsed.holidays.length && !parsed.workdays.length}
        onClick={() => {
          onApply(parsed);
          close();
        }}
      >
        {t('calendar.import.apply')}
      </Button>
    </Space>
  ) : (
    <Space>
      <Button onClick={close}>{t('common.cancel')}</Button>
      <Button type="primary" onClick={read}>
        {t('calendar.import.read')}
      </Button>
    </Space>
  );

  return (
    <Modal open={open} title={t('calendar.import.title', { year })} onCancel={close} footer={footer} width={760} destroyOnHidden>
      {!parsed ? (
        <Form layout="vertical">
          <Form.Item
            label={t('calendar.import.label')}
            htmlFor="xz-notice"
            extra={t('calendar.import.readHint', { year })}
            validateStatus={empty ? 'error' : undefined}
            help={empty ? t('calendar.import.empty') : undefined}
          >
            <Input.TextArea
              id="xz-notice"
              rows={10}
              value={text}
              placeholder={t('calendar.import.placeholder')}
              onChange={(e) => {
                setText(e.target.value);
                setEmpty(false);
              }}
            />
          </Form.Item>
        </Form>
      ) : (
        <>
          {parsed.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
          ))}
          <Typography.Paragraph style={{ marginTop: 4 }}>
            {t('calendar.import.total', { holidays: parsed.holidays.length, workdays: parsed.workdays.length, year })}
          </Typography.Paragraph>
          <Table<NoticeItem>
            size="small"
            pagination={false}
            rowKey={(i) => `${i.name}-${i.holidays[0] ?? i.workdays[0]}`}
            dataSource={parsed.items}
            aria-label={t('calendar.import.result')}
            columns={[
              { title: t('calendar.import.col.name'), dataIndex: 'name', width: 130, render: (n: string) => n || '—' },
              {
                title: t('calendar.import.col.holidays'),
                key: 'h',
                render: (_, i) => <span className="xz-cal-review-days">{rangesText(i.holidays.filter(inYear)) || t('calendar.import.none')}</span>,
              },
              {
                title: t('calendar.import.col.days'),
                key: 'n',
                width: 150,
                render: (_, i) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {t('calendar.import.days', { n: i.holidays.filter(inYear).length })}
                    {i.declaredDays !== null && i.declaredDays !== i.holidays.filter(inYear).length && (
                      <Typography.Text type="warning">{t('calendar.import.declared', { n: i.declaredDays })}</Typography.Text>
                    )}
                  </span>
                ),
              },
              {
                title: t('calendar.import.col.workdays'),
                key: 'w',
                render: (_, i) => <span className="xz-cal-review-days">{rangesText(i.workdays.filter(inYear)) || t('calendar.import.none')}</span>,
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
