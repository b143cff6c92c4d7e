import { useState } from 'react';
import { App, Button, Table, Tooltip, type TableColumnsType } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { revealResident, type Resident } from '../../api/households';
import { useErrorText } from '../../api/errors';
import { useI18n } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { relationLabel } from '../../i18n/relations';
import { TagList } from '../../components/TagList';
import { Ellipsis } from '../../components/Ellipsis';

export function ResidentTable({
  residents,
  headId,
  canReveal,
  canEdit,
  onEdit,
}: {
  residents: Resident[];
  headId: string | null;
  canReveal: boolean;
  canEdit: boolean;
  onEdit: (r: Resident) => void;
}) {
  const { t, locale } = useI18n();
  const relation = (v: string) => relationLabel(v, locale);
  const f = useFormat();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [loadingId, setLoadingId] = useState<string | null>(null);

  const reveal = async (r: Resident) => {
    setLoadingId(r.id);
    try {
      const full = await revealResident(r.id);
      setRevealed((m) => ({ ...m, [r.id]: full.idNumber }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setLoadingId(null);
    }
  };

  const columns: TableColumnsType<Resident> = [
    { title: t('resident.name'), dataIndex: 'name', width: 110, ellipsis: { showTitle: false }, render: (v: string) => <Ellipsis text={v} /> },
    { title: t('resident.gender'), dataIndex: 'gender', width: 80, render: (v: string) => (v === 'male' ? t('common.male') : t('common.female')) },
    {
      title: t('resident.birth'),
      dataIndex: 'birthDate',
      width: 170,
      render: (v: string | null, r) => (
        <span>
          {v ? f.date(v) : t('resident.birthYear', { y: r.birthYear })}
          <span className="xz-muted">（{t('common.years', { n: r.age })}）</span>
        </span>
      ),
    },
    {
      title: t('resident.idNumber'),
      dataIndex: 'idNumber',
      width: 250,
      render: (v: string, r) => {
        const full = revealed[r.id];
        return (
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <span className="xz-id">{full ?? v}</span>
            {canReveal &&
              (full ? (
                <Tooltip title={t('household.revealed')}>
                  <Button
                    type="link"
                    size="small"
                    icon={<EyeInvisibleOutlined />}
                    aria-label={`${t('common.close')} ${r.name}`}
                    onClick={() => setRevealed(({ [r.id]: _, ...rest }) => rest)}
                  />
                </Tooltip>
              ) : (
                <Button
                  type="link"
                  size="small"
                  icon={<EyeOutlined />}
                  loading={loadingId === r.id}
                  onClick={() => reveal(r)}
                  aria-label={`${t('common.view')} ${r.name} ${t('resident.idNumber')}`}
                >
                  {t('common.view')}
                </Button>
              ))}
          </span>
        );
      },
    },
    {
      title: t('resident.relation'),
      dataIndex: 'relation',
      width: 110,
      render: (v: string, r) => (r.id === headId ? <strong>{relation(v)}</strong> : relation(v)),
    },
    { title: t('resident.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? <span className="xz-muted">—</span> },
    { title: t('resident.tags'), dataIndex: 'tags', render: (v: string[]) => <TagList tags={v} /> },
  ];
  if (canEdit) {
    columns.push({
      title: t('resident.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => onEdit(r)} aria-label={`${t('household.editResident')} ${r.name}`}>
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return <Table<Resident> rowKey="id" columns={columns} dataSource={residents} pagination={false} tableLayout="fixed" scroll={{ x: 960 }} size="middle" />;
}
