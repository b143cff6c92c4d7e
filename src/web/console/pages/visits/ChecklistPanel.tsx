// 巡查清单: the checklist grid members answer item by item on a patrol (e.g. "6类18项") — categories with items, added,
// renamed and removed here and saved as a whole. Items keep their codes, so past patrols still read the same.
import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Popconfirm, Skeleton, Space, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { patrolKeys, putPatrolChecklist, usePatrolChecklist, type Checklist } from '../../api/patrols';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';

const MAX_ITEMS = 60;
interface Item {
  key: string;
  code?: string;
  name: string;
}
interface Group {
  key: string;
  category: string;
  items: Item[];
}
interface Draft {
  name: string;
  groups: Group[];
}

let seq = 0;
const newKey = () => `k${++seq}`;

function toDraft(c: Checklist): Draft {
  const groups: Group[] = [];
  for (const i of c.items) {
    let g = groups.find((x) => x.category === i.category);
    if (!g) {
      g = { key: newKey(), category: i.category, items: [] };
      groups.push(g);
    }
    g.items.push({ key: newKey(), code: i.code, name: i.name });
  }
  return { name: c.name, groups };
}

const flat = (d: Draft) => d.groups.flatMap((g) => g.items.map((i) => ({ code: i.code, category: g.category.trim(), name: i.name.trim() })));

export function ChecklistPanel() {
  const t = useT();
  const f = useFormat();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const q = usePatrolChecklist();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (q.data && !draft) setDraft(toDraft(q.data));
  }, [q.data, draft]);
  const original = useMemo(
    () => (q.data ? JSON.stringify({ name: q.data.name, items: q.data.items.map((i) => ({ code: i.code, category: i.category, name: i.name })) }) : ''),
    [q.data],
  );

  if (q.isPending || !draft) return <Skeleton active paragraph={{ rows: 8 }} />;
  const items = flat(draft);
  const dirty = JSON.stringify({ name: draft.name.trim(), items }) !== original;
  const count = items.length;
  const names = draft.groups.map((g) => g.category.trim());
  const problems = {
    name: !draft.name.trim() ? t('checklist.name.required') : null,
    category: (g: Group) =>
      !g.category.trim()
        ? t('checklist.category.required')
        : names.filter((n) => n === g.category.trim()).length > 1
          ? t('checklist.category.duplicate')
          : g.category.trim().length > 20
            ? t('validate.maxLen', { field: t('checklist.category'), n: 20 })
            : null,
    item: (i: Item) =>
      !i.name.trim() ? t('checklist.item.required') : i.name.trim().length > 40 ? t('validate.maxLen', { field: t('checklist.item'), n: 40 }) : null,
  };
  const invalid =
    !!problems.name || draft.groups.some((g) => problems.category(g) || g.items.some((i) => problems.item(i))) || count === 0 || count > MAX_ITEMS;

  const edit = (fn: (d: Draft) => Draft) => {
    setDraft((d) => (d ? fn(d) : d));
    setError(null);
  };
  const setGroup = (key: string, fn: (g: Group) => Group) => edit((d) => ({ ...d, groups: d.groups.map((g) => (g.key === key ? fn(g) : g)) }));
  const save = async () => {
    setTried(true);
    if (invalid) return;
    setSaving(true);
    try {
      const saved = await putPatrolChecklist({ name: draft.name.trim(), items });
      qc.setQueryData(patrolKeys.checklist, saved);
      setDraft(toDraft(saved));
      setTried(false);
      message.success(t('checklist.saved', { c: new Set(saved.items.map((i) => i.category)).size, n: saved.items.length }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  const show = (msg: string | null, touched: boolean) => (msg && (tried || touched) ? msg : null);

  return (
    <div className="xz-checklist-editor">
      <Alert type="info" showIcon title={t('checklist.hint')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <div className="xz-checklist-head">
        <label className="xz-checklist-name">
          <span>{t('checklist.name')}</span>
          <Input
            value={draft.name}
            maxLength={40}
            onChange={(e) => edit((d) => ({ ...d, name: e.target.value }))}
            status={show(problems.name, true) ? 'error' : undefined}
            style={{ width: 320 }}
          />
        </label>
        <span className={count > MAX_ITEMS ? 'xz-danger-text' : 'xz-muted'}>
          {t('checklist.count', { c: draft.groups.length, n: f.num(count), max: MAX_ITEMS })}
        </span>
        <Space className="xz-checklist-actions">
          {dirty && (
            <span className="xz-warn-text" role="status">
              {t('checklist.unsaved')}
            </span>
          )}
          <Button
            icon={<UndoOutlined />}
            disabled={!dirty || saving}
            onClick={() => {
              setDraft(toDraft(q.data!));
              setError(null);
              setTried(false);
            }}
          >
            {t('checklist.undo')}
          </Button>
          <Button type="primary" loading={saving} disabled={!dirty} onClick={save}>
            {t('checklist.save')}
          </Button>
        </Space>
      </div>
      {problems.name && tried && (
        <div className="xz-field-error" role="alert">
          {problems.name}
        </div>
      )}
      <div className="xz-checklist-grid">
        {draft.groups.map((g, gi) => {
          const catError = show(problems.category(g), !!g.category);
          return (
            <Card
              key={g.key}
              size="small"
              className="xz-checklist-card"
              title={
                <div className="xz-checklist-cat">
                  <span className="xz-checklist-no" aria-hidden>
                    {gi + 1}
                  </span>
                  <Input
                    value={g.category}
                    maxLength={20}
                    placeholder={t('checklist.category.placeholder')}
                    aria-label={t('checklist.category.label', { n: gi + 1 })}
                    status={catError ? 'error' : undefined}
                    onChange={(e) => setGroup(g.key, (x) => ({ ...x, category: e.target.value }))}
                  />
                </div>
              }
              extra={
                <Popconfirm
                  title={t('checklist.category.removeConfirm', { name: g.category || t('checklist.category.unnamed'), n: g.items.length })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => edit((d) => ({ ...d, groups: d.groups.filter((x) => x.key !== g.key) }))}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('checklist.category.remove', { name: g.category || t('checklist.category.unnamed') })}
                  />
                </Popconfirm>
              }
            >
              {catError && <div className="xz-field-error">{catError}</div>}
              <ol className="xz-checklist-items">
                {g.items.map((i, ii) => {
                  const itemError = show(problems.item(i), false);
                  return (
                    <li key={i.key}>
                      <div className="xz-checklist-item">
                        <Input
                          value={i.name}
                          maxLength={40}
                          placeholder={t('checklist.item.placeholder')}
                          aria-label={t('checklist.item.label', { category: g.category || t('checklist.category.unnamed'), n: ii + 1 })}
                          status={itemError ? 'error' : undefined}
                          onChange={(e) =>
                            setGroup(g.key, (x) => ({ ...x, items: x.items.map((y) => (y.key === i.key ? { ...y, name: e.target.value } : y)) }))
                          }
                        />
                        <Tooltip title={g.items.length === 1 ? t('checklist.item.last') : undefined}>
                          <Button
                            type="text"
                            size="small"
                            icon={<DeleteOutlined />}
                            disabled={g.items.length === 1}
                            aria-label={t('checklist.item.remove', { name: i.name || t('checklist.item.unnamed') })}
                            onClick={() => setGroup(g.key, (x) => ({ ...x, items: x.items.filter((y) => y.key !== i.key) }))}
                          />
                        </Tooltip>
                      </div>
                      {itemError && <div className="xz-field-error">{itemError}</div>}
                    </li>
                  );
                })}
              </ol>
              <Button
                type="dashed"
                size="small"
                block
                icon={<PlusOutlined />}
                disabled={count >= MAX_ITEMS}
                onClick={() => setGroup(g.key, (x) => ({ ...x, items: [...x.items, { key: newKey(), name: '' }] }))}
              >
                {t('checklist.item.add')}
              </Button>
            </Card>
          );
        })}
        <button
          type="button"
          className="xz-checklist-add"
          disabled={count >= MAX_ITEMS}
          onClick={() => edit((d) => ({ ...d, groups: [...d.groups, { key: newKey(), category: '', items: [{ key: newKey(), name: '' }] }] }))}
        >
          <PlusOutlined aria-hidden />
          <span>{t('checklist.category.add')}</span>
        </button>
      </div>
    </div>
  );
}
