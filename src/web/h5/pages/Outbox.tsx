// 待同步: every record saved on this phone and not yet on the server — what it says, when it was saved, whether it waits
// or was refused (in the server's words). A refused one stays until the worker has read it and discards it.
// Saving offline lands here (?saved=<key>), like saving online lands on the record.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog } from 'antd-mobile';
import { CheckCircleFill, RightOutline } from 'antd-mobile-icons';
import { useMe } from '../data';
import { timeWord } from '../labels';
import { BackBar } from '../parts';
import { Tag } from '../cards';
import { discard, useOutbox, type OutboxEntry } from '../outbox';
import { runSync } from '../sync';
import { homePath, METHOD_WORDS } from '../work';

export function OutboxPage() {
  const me = useMe().data;
  const box = useOutbox(me?.id);
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const savedKey = params.get('saved');
  const justSaved = savedKey ? box.all.find((e) => e.key === savedKey) : undefined;
  const justSent = savedKey ? box.sent.find((s) => s.key === savedKey) : undefined;
  const kind = justSaved?.kind ?? justSent?.kind;
  const what = kind === 'patrol' ? '巡查' : kind === 'resolve' ? '办结' : '走访';

  return (
    <div className="xz-page xz-page-back">
      <BackBar title="待同步" fallback={homePath(me)} />
      {justSent ? (
        <p className="xz-saved" role="status">
          <CheckCircleFill aria-hidden /> {what}已上报
        </p>
      ) : justSaved?.status === 'pending' ? (
        <div className="xz-saved xz-saved-phone" role="status">
          <CheckCircleFill aria-hidden />
          <span>{what}已保存在手机上，联网后自动上报</span>
        </div>
      ) : null}

      {!box.loaded ? null : box.all.length === 0 ? (
        <div className="xz-card xz-empty">
          <p className="xz-empty-title">没有待同步的记录</p>
          <p>这部手机上没有等待上报的走访、巡查和办结。</p>
        </div>
      ) : (
        <>
          {box.pending.length > 0 && (
            <section aria-labelledby="h-pending">
              <h2 id="h-pending" className="xz-section">
                等待上报<span className="xz-count xz-count-wait">{box.pending.length}</span>
              </h2>
              <p className="xz-section-hint">按保存的先后上报；每条只会记一次，重复发送也不会多出一条。</p>
              {box.pending.map((e) => (
                <EntryCard key={e.key} e={e} highlight={e.key === savedKey} />
              ))}
            </section>
          )}
          {box.failed.length > 0 && (
            <section aria-labelledby="h-failed">
              <h2 id="h-failed" className="xz-section">
                没有上报成功<span className="xz-count">{box.failed.length}</span>
              </h2>
              <p className="xz-section-hint">服务器没有接收这些记录，原因见每条下面。看过后可以删除，需要的话重新记录一次。</p>
              {box.failed.map((e) => (
                <EntryCard key={e.key} e={e} />
              ))}
            </section>
          )}
        </>
      )}

      {justSent?.kind === 'visit' && justSent.problem && (
        <Link to={`/h5/visits/${encodeURIComponent(justSent.id)}`} className="xz-more-link">
          打开走访记录，转为事件
          <RightOutline aria-hidden />
        </Link>
      )}
      <div className="xz-actionbar xz-outbox-actions">
        {box.pending.length > 0 && me && (
          <Button
            block
            size="large"
            color="primary"
            className="xz-main-btn"
            loading={box.syncing}
            loadingText="正在上报"
            onClick={() => void runSync(me.id, qc)}
          >
            立即同步
          </Button>
        )}
        <Link to={homePath(me)} className="xz-plain-btn">
          {savedKey ? '完成，回到今日' : '回到今日'}
        </Link>
      </div>
    </div>
  );
}

function EntryCard({ e, highlight }: { e: OutboxEntry; highlight?: boolean }) {
  const failed = e.status === 'failed';
  const remove = async () => {
    const ok = await Dialog.confirm({
      content: '删除后这条记录不会再上报，手机上也不再保留。确定删除吗？',
      confirmText: '删除',
      cancelText: '再想想',
    });
    if (ok) await discard(e.key);
  };
  return (
    <article className={`xz-card xz-obx${failed ? ' xz-obx-failed' : ''}${highlight ? ' xz-obx-new' : ''}`} aria-label={e.title}>
      <div className="xz-case-top">
        <h3 className="xz-case-title">{e.title}</h3>
        <Tag word={failed ? '上报失败' : '待同步'} tone={failed ? 'late' : 'work'} />
      </div>
      {e.place && <p className="xz-plan-addr">{e.place}</p>}
      <p className="xz-muted xz-obx-time">{timeWord(new Date(e.savedAt).toISOString())} 保存在手机上</p>
      {e.kind === 'visit' ? (
        <>
          <p className="xz-obx-tags">
            <span className="xz-reason">{METHOD_WORDS[e.body.method]}</span>
            {e.body.problem && <Tag word="发现问题" tone="late" />}
            {e.body.location && <span className="xz-reason">已附位置</span>}
          </p>
          <p className="xz-desc">{e.body.situation}</p>
          {e.body.needs && (
            <>
              <h4 className="xz-sub">群众诉求</h4>
              <p className="xz-desc">{e.body.needs}</p>
            </>
          )}
          {e.body.followUp && (
            <>
              <h4 className="xz-sub">后续跟进</h4>
              <p className="xz-desc">{e.body.followUp}</p>
            </>
          )}
          {e.photo && <Thumb blob={e.photo} name={e.photoName ?? '现场照片'} />}
        </>
      ) : e.kind === 'resolve' ? (
        <>
          <p className="xz-desc">{e.body.note}</p>
          {e.photos.length > 0 && (
            <div className="xz-photo-grid">
              {e.photos.map((p, i) => (
                <Thumb key={p.name} blob={p.blob} name={`第${i + 1}张`} />
              ))}
            </div>
          )}
        </>
      ) : (
        <>
          <p className="xz-obx-line">
            共{e.total}项，{e.issues.length ? <strong className="xz-late-text">{e.issues.length}项有问题</strong> : '全部正常'}
          </p>
          {e.issues.map((i) => (
            <p key={i.name} className="xz-desc">
              <strong>{i.name}：</strong>
              {i.note}
            </p>
          ))}
        </>
      )}
      {failed ? (
        <>
          <p className="xz-error" role="alert">
            {e.error ?? '服务器没有接收这条记录'}
          </p>
          <div className="xz-obx-btns">
            {e.kind === 'visit' && e.visitId && (
              <Link to={`/h5/visits/${encodeURIComponent(e.visitId)}`} className="xz-link-btn xz-obx-open">
                查看走访记录
              </Link>
            )}
            <button type="button" className="xz-link-btn xz-obx-del" onClick={() => void remove()}>
              删除这条
            </button>
          </div>
        </>
      ) : e.error ? (
        <p className="xz-muted xz-obx-why">上次没有发出去：{e.error}</p>
      ) : null}
    </article>
  );
}

function Thumb({ blob, name }: { blob: Blob; name: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  return url ? <img className="xz-obx-photo" src={url} alt={`照片：${name}`} /> : null;
}
