// 随手拍: what kind of problem, a short title, a few words, a photo from the camera; the place is my own grid.
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Input, TextArea, Toast } from 'antd-mobile';
import { EnvironmentOutline } from 'antd-mobile-icons';
import { api } from '../../shared/api-client';
import type { CaseDetail } from '../../console/api/cases';
import { homeGrant, useIncidentCategories, useMe } from '../data';
import { PhotoField, uploadPhoto, usePhotoPick } from '../photo';
import { errorMessage, newKey } from '../errors';
import { PageTitle, Skeletons } from '../parts';
import { homePath } from '../work';

/** The catalog's cadre terms (八必报 / 五必到) in words a villager uses. */
const GROUP_WORDS: Record<string, string> = { 八必报: '村里的问题', 五必到: '生活与邻里' };

export function ReportPage() {
  const me = useMe().data;
  const grant = homeGrant(me);
  const cats = useIncidentCategories();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [category, setCategory] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const shot = usePhotoPick();
  const { photo, shrinking } = shot;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [key, setKey] = useState(() => newKey('h5'));
  /** Set once the case exists, so a failed photo upload is retried on the same case. */
  const [createdId, setCreatedId] = useState<string | null>(null);

  const groups = useMemo(() => {
    const m = new Map<string, { code: string; name: string }[]>();
    for (const c of cats.data ?? []) {
      const g = GROUP_WORDS[c.group ?? ''] ?? c.group ?? '其他';
      if (!m.has(g)) m.set(g, []);
      m.get(g)!.push({ code: c.code, name: c.name });
    }
    return [...m.entries()];
  }, [cats.data]);

  const submit = async () => {
    if (!category) return setError('请选择是什么问题');
    if (!title.trim()) return setError('请用一句话说说是什么事');
    if (!description.trim()) return setError('请简单描述一下情况');
    if (!grant) return setError('您的账号还没有登记所在村，请联系网格员');
    setBusy(true);
    setError('');
    try {
      let id = createdId;
      if (!id) {
        const created = await api.post<CaseDetail>('/api/cases', {
          type: 'incident',
          category,
          title: title.trim(),
          description: description.trim(),
          regionId: grant.regionId,
          householdId: grant.householdId ?? undefined,
          idempotencyKey: key,
        });
        id = created.id;
        setCreatedId(id);
      }
      if (photo) await uploadPhoto(`/api/cases/${encodeURIComponent(id)}/attachments`, photo);
      await qc.invalidateQueries({ queryKey: ['h5', 'cases'] });
      Toast.show({ icon: 'success', content: '已上报，村里会尽快处理' });
      setKey(newKey('h5'));
      navigate(homePath(me));
    } catch (err) {
      setError(createdId ? `事情已上报，照片没有传上去：${errorMessage(err)}` : errorMessage(err, '没有上报成功，请再试一次'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="xz-page">
      <PageTitle sub="看到问题拍下来，村里会安排人处理">随手拍</PageTitle>
      <div className="xz-card">
        <fieldset className="xz-fieldset">
          <legend className="xz-label">是什么问题</legend>
          {cats.isPending ? (
            <Skeletons n={1} />
          ) : (
            groups.map(([g, list]) => (
              <div key={g} className="xz-chip-group">
                <div className="xz-chip-group-name">{g}</div>
                <div className="xz-chips">
                  {list.map((c) => (
                    <button
                      key={c.code}
                      type="button"
                      aria-pressed={category === c.code}
                      className={category === c.code ? 'xz-chip xz-chip-on' : 'xz-chip'}
                      onClick={() => setCategory(c.code)}
                    >
                      {c.name}
                    </button>
                  ))}
                </div>
              </div>
            ))
          )}
        </fieldset>

        <div className="xz-field">
          <label htmlFor="rep-title">一句话说明</label>
          <Input id="rep-title" placeholder="如：村口路灯不亮了" value={title} onChange={setTitle} maxLength={60} clearable />
        </div>
        <div className="xz-field">
          <label htmlFor="rep-desc">详细情况</label>
          <TextArea
            id="rep-desc"
            placeholder="在哪里、什么情况、持续多久了"
            value={description}
            onChange={setDescription}
            maxLength={500}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
          />
        </div>

        <PhotoField id="rep-photo" label="现场照片" state={shot} onError={setError} />

        <p className="xz-place">
          <EnvironmentOutline aria-hidden /> 地点：{grant?.regionName ?? '未登记'}
        </p>
        {error && (
          <p className="xz-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="xz-actionbar">
        <Button color="primary" block size="large" className="xz-main-btn" loading={busy} loadingText="正在上报" disabled={shrinking} onClick={submit}>
          提交上报
        </Button>
      </div>
    </div>
  );
}
