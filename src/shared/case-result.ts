// 办结须写明办理结果: a resolve states what was done, so the reporter rates what they can read. Shared by the
// server's rule (modules/cases) and the console's and phone's forms.

/** At least this many characters (Chinese characters count one each). */
export const RESULT_MIN_CHARS = 5;

/** Whether a resolve's note says enough of what was done. */
export const resultStated = (note: string | null | undefined) => [...(note ?? '').trim()].length >= RESULT_MIN_CHARS;
