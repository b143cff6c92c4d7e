// One error type with stable codes, mapped to HTTP in one handler (server/errors.ts).
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_ID_NUMBER'
  | 'UNKNOWN_REGION'
  | 'UNKNOWN_HOUSEHOLD'
  | 'AUTH_REQUIRED'
  | 'AUTH_FAILED'
  | 'RATE_LIMITED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DUPLICATE_ID_NUMBER'
  | 'DUPLICATE_PHONE'
  | 'WRONG_PASSWORD'
  | 'WEAK_PASSWORD'
  | 'IMPORT_INVALID_FILE'
  | 'IMPORT_HAS_ERRORS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INVALID_TRANSITION'
  | 'CAP_EXCEEDED'
  | 'INSUFFICIENT_POINTS'
  | 'OUT_OF_STOCK'
  | 'EVIDENCE_REQUIRED'
  | 'ALREADY_DONE'
  | 'HOLIDAY_IS_WORKDAY'
  | 'WORKDAY_NOT_WEEKEND'
  | 'AWARDS_PENDING'
  | 'CONFLICT_RETRY'
  | 'RESULT_REQUIRED'
  | 'RESULT_PHOTO_REQUIRED'
  | 'UNKNOWN_PHOTO'
  | 'HANDLER_NOT_STARTED'
  | 'CATEGORY_REQUIRED';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_ID_NUMBER: 400,
  UNKNOWN_REGION: 400,
  UNKNOWN_HOUSEHOLD: 400,
  AUTH_REQUIRED: 401,
  AUTH_FAILED: 401,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_ID_NUMBER: 409,
  DUPLICATE_PHONE: 409,
  WRONG_PASSWORD: 400,
  WEAK_PASSWORD: 400,
  IMPORT_INVALID_FILE: 400,
  IMPORT_HAS_ERRORS: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_TRANSITION: 409,
  CAP_EXCEEDED: 409,
  INSUFFICIENT_POINTS: 409,
  OUT_OF_STOCK: 409,
  EVIDENCE_REQUIRED: 409,
  ALREADY_DONE: 409,
  HOLIDAY_IS_WORKDAY: 400,
  WORKDAY_NOT_WEEKEND: 400,
  AWARDS_PENDING: 409,
  CONFLICT_RETRY: 409,
  RESULT_REQUIRED: 400,
  RESULT_PHOTO_REQUIRED: 400,
  UNKNOWN_PHOTO: 400,
  HANDLER_NOT_STARTED: 409,
  CATEGORY_REQUIRED: 400,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(`${zh} / ${en}`);
    this.status = STATUS[code];
  }
}

export const notFound = (what = '记录', whatEn = 'Record') => new AppError('NOT_FOUND', `${what}不存在或不在您的管辖范围内`, `${whatEn} not found`);
export const forbidden = (zh = '您没有执行此操作的权限', en = 'You are not allowed to do this') => new AppError('FORBIDDEN', zh, en);
