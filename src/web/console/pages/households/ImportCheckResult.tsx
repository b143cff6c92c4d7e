import { Alert, Col, Row, Statistic, Table } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ImportError, ImportResult } from '../../api/households';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';

/** Counts and the error table of a 预检 (or of a rejected import). */
export function ImportCheckResult({ result, rejected, fileName }: { result: ImportResult; rejected?: string | null; fileName?: string }) {
  const t = useT();
  const f = useFormat();
  const n = result.errors.length;
  const stat = (title: string, value: number, unit: string, color?: string) => (
    <Col span={6}>
      <Statistic title={title} value={value < 0 ? '—' : f.num(value)} suffix={value < 0 ? undefined : unit} styles={{ content: { color, fontSize: 22 } }} />
    </Col>
  );
  return (
    <>
      {fileName && (
        <div className="xz-muted" style={{ marginBottom: 12 }}>
          <FileExcelOutlined style={{ color: '#389e0d', marginInlineEnd: 6 }} aria-hidden />
          {fileName}
          <span style={{ margin: '0 8px' }}>·</span>
          {t(result.mode === 'all' ? 'import.mode.all' : 'import.mode.partial')}
        </div>
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {stat(t('import.rows'), result.totalRows, t('import.unitRows'))}
        {stat(t('import.households'), result.households, t('import.unitHouseholds'))}
        {stat(
          t('import.willImport'),
          result.importedHouseholds,
          `${t('import.unitHouseholds')} / ${f.num(result.importedResidents)} ${t('import.unitResidents')}`,
          result.importedHouseholds > 0 ? '#237804' : undefined,
        )}
        {stat(t('import.errorsCount'), n, t('import.unitErrors'), n ? '#cf1322' : undefined)}
      </Row>
      {rejected ? (
        <Alert type="error" showIcon title={rejected} style={{ marginBottom: 12 }} role="alert" />
      ) : n === 0 ? (
        <Alert type="success" showIcon title={t('import.noErrors')} style={{ marginBottom: 12 }} />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t(result.mode === 'all' ? 'import.hasErrors.all' : 'import.hasErrors.partial', { n })}
          style={{ marginBottom: 12 }}
        />
      )}
      {n > 0 && (
        <Table<ImportError & { key: number }>
          size="small"
          aria-label={t('import.errorsCount')}
          dataSource={result.errors.map((e, i) => ({ ...e, key: i }))}
          pagination={n > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
          columns={[
            { title: t('import.col.row'), dataIndex: 'row', width: 80, render: (v: number) => t('import.rowN', { n: v }) },
            { title: t('import.col.column'), dataIndex: 'column', width: 120, render: (v?: string) => v ?? '—' },
            { title: t('import.col.reason'), dataIndex: 'reason' },
          ]}
        />
      )}
    </>
  );
}
