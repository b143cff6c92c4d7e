// The case's steps as sentences people read (and hear): who — with the role they acted in — did what, and what was
// decided. "马丽娟（一组网格员）办结了这件事", then the result in their words below it.
import type { HistoryEntry } from '../console/api/cases';
import { actionWord, RATING_WORDS } from './labels';

export interface StepWords {
  /** Who did what: one sentence, without the final 。 */
  say: string;
  /** What the step carries in the actor's words, with what it is: 办理结果, 理由, 说明 …; null with none. */
  noteLabel: string | null;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/**
 * The person of a step: 您 for the reader, else the name with the role — 马丽娟（一组网格员） to read, 一组网格员马丽娟 to
 * hear (read aloud, brackets are not heard).
 */
export function whoWord(h: Pick<HistoryEntry, 'by' | 'byName' | 'byRole'>, me?: string, heard = false): string {
  if (!h.by) return '系统';
  if (me && h.by === me) return '您';
  const name = h.byName || '工作人员';
  if (!h.byRole) return name;
  return heard ? `${h.byRole}${name}` : `${name}（${h.byRole}）`;
}

export function stepWords(h: HistoryEntry, me?: string, heard = false): StepWords {
  const who = whoWord(h, me, heard);
  const d = h.data ?? {};
  const n = typeof d.days === 'number' ? d.days : null;
  switch (h.action) {
    case 'report':
      return { say: `${who}上报了这件事`, noteLabel: null };
    case 'accept':
      return { say: `${who}受理了这件事，开始办理`, noteLabel: '说明' };
    case 'reject':
      return { say: `${who}决定不予受理`, noteLabel: '理由' };
    case 'dispatch': {
      const to = str(d.unit) ?? str(d.assigneeName);
      return { say: to ? `${who}把这件事交给${to}办理` : `${who}派人办理这件事`, noteLabel: '说明' };
    }
    case 'start':
      return { say: `${who}开始处置`, noteLabel: '说明' };
    case 'resolve': {
      const outcome = d.outcome === 'agreement' ? '，双方达成调解协议' : d.outcome === 'terminated' ? '，调解终止' : '';
      return { say: `${who}办结了这件事${outcome}`, noteLabel: d.outcome === 'agreement' ? '协议内容' : d.outcome === 'terminated' ? '原因' : '办理结果' };
    }
    case 'escalate': {
      const to = str(d.toRegionName);
      const where = to ? `上报至${to}处理` : '上报上级处理';
      return d.automatic ? { say: `超过办理时限，系统自动${where}`, noteLabel: null } : { say: `${who}${where}`, noteLabel: '原因' };
    }
    case 'return':
      return h.from === 'resolved' ? { say: `${who}认为办理结果还不到位，退回重新办理`, noteLabel: '原因' } : { say: `${who}退回了这件事`, noteLabel: '原因' };
    case 'rate': {
      const stars = typeof d.rating === 'number' ? d.rating : null;
      return { say: stars ? `${who}评价${stars}星：${RATING_WORDS[stars - 1]}` : `${who}作出评价`, noteLabel: '评价' };
    }
    case 'reopen':
      return { say: `${who}重新办理这件事`, noteLabel: '原因' };
    case 'archive':
      return { say: `${who}归档，这件事办完了`, noteLabel: null };
    case 'step':
      return { say: str(d.step) ? `${who}完成代办步骤“${d.step}”` : `${who}记录了代办进展`, noteLabel: '情况' };
    case 'mediate':
      return { say: `${who}组织了一次调解${str(d.place) ? `（地点：${d.place}）` : ''}`, noteLabel: '调解情况' };
    case 'revisit':
      return { say: `${who}进行了回访`, noteLabel: '回访情况' };
    case 'approve_extension':
      return { say: n ? `${who}同意办理期限延长${n}个工作日` : `${who}同意延长办理期限`, noteLabel: null };
    case 'request_extension':
      return { say: n ? `${who}申请延期${n}个工作日` : `${who}申请延期`, noteLabel: '理由' };
    case 'deny_extension':
      return { say: `${who}未同意延期`, noteLabel: '说明' };
    case 'supervise':
      return { say: `${who}督办这件事`, noteLabel: '要求' };
    case 'copy':
      return { say: str(d.userName) ? `${who}抄告给${d.userName}` : `${who}抄告相关人员`, noteLabel: null };
    case 'verify':
      return { say: `${who}核实了办理结果`, noteLabel: '说明' };
    case 'attach': {
      const files = Array.isArray(d.ids) ? d.ids.length : 0;
      return { say: files ? `${who}上传了${files}个附件` : `${who}上传了附件`, noteLabel: null };
    }
    case 'note':
      return { say: `${who}补充了说明`, noteLabel: '说明' };
    case 'consult':
      return { say: str(d.title) ? `${who}记录了会商决定（${d.title}）` : `${who}记录了会商决定`, noteLabel: '决定' };
    case 'merge':
      return { say: `${who}把这件事与同一件事的另一次反映合并办理`, noteLabel: null };
    case 'merge_in':
      return { say: `${who}合并了同一件事的另一次反映`, noteLabel: null };
    case 'follow':
      return { say: `${who}也遇到了这件事`, noteLabel: null };
    case 'card_yellow':
      return { say: '临近办理期限，亮黄牌提醒', noteLabel: null };
    case 'card_red':
      return { say: '超过办理期限，亮红牌督办', noteLabel: null };
    case 'calendar':
      return { say: '工作日历调整，办理期限随之变动', noteLabel: '变动' };
    default:
      return { say: `${who}${actionWord(h.action)}`, noteLabel: '说明' };
  }
}

/** Whether the step's note only repeats the sentence (an upload's 上传附件1个, a card's own words). */
export const noteRepeats = (h: HistoryEntry) =>
  h.action === 'attach' || h.action === 'card_yellow' || h.action === 'card_red' || (h.action === 'escalate' && !!h.data?.automatic);
