import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../core/errors.js';
import { badTextInput, checkViolation, retryableConflict, uniqueViolation } from '../core/db-errors.js';

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.code(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const FIELD_ZH: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  gender: '性别',
  birthDate: '出生日期',
  phone: '手机号',
  relation: '与户主关系',
  householdId: '户',
  regionId: '区域',
  address: '住址',
  password: '密码',
  newPassword: '新密码',
  oldPassword: '原密码',
  page: '页码',
  pageSize: '每页条数',
  tags: '标签',
  level: '层级',
  parentId: '上级区域',
  code: '区划代码',
  roles: '角色',
};

/** One place mapping every failure to the contract's error body; bad input never becomes a 500. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return send(reply, err.status, err.code, err.message, err.details);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => {
      const field =
        String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean)
          .join('.') || String((v.params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path?.join?.('.') ?? '');
      const leaf =
        field
          .split('.')
          .filter((p) => !/^\d+$/.test(p))
          .at(-1) ?? '';
      const label = FIELD_ZH[leaf] ?? leaf;
      const msg = v.message && /[\u4e00-\u9fa5]/.test(v.message) ? v.message : `${label || '参数'}格式不正确`;
      return { field, message: msg };
    });
    const zh = issues.map((i) => i.message).join('；');
    return send(reply, 400, 'VALIDATION_FAILED', `${zh} / Invalid input: ${issues.map((i) => i.field || 'body').join(', ')}`, issues);
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause?.issues }, 'response serialization');
    return send(reply, 500, 'INTERNAL', '服务器内部错误 / Internal error');
  }
  // A race that a service's own check could not see (two requests registering one ID at once).
  const unique = uniqueViolation(err);
  if (unique) {
    if (unique.target.includes('id_number'))
      return send(reply, 409, 'DUPLICATE_ID_NUMBER', '该身份证号已在系统中登记，不能重复登记 / This ID number is already registered');
    if (unique.target.includes('phone')) return send(reply, 409, 'DUPLICATE_PHONE', '该手机号已有账号 / An account with this phone already exists');
    return send(reply, 409, 'CONFLICT', '数据已被他人修改，请刷新后重试 / Conflicting change; reload and retry');
  }
  // A CHECK constraint caught what a service's guard missed: the request conflicts with the data, not a fault to retry blindly.
  const check = checkViolation(err);
  if (check) {
    req.log.warn({ err, constraint: check.constraint }, 'check constraint');
    if (check.constraint.includes('balance')) return send(reply, 409, 'INSUFFICIENT_POINTS', '该户积分余额不足 / The household has too few points');
    if (check.constraint.includes('stock')) return send(reply, 409, 'OUT_OF_STOCK', '该商品库存不足 / Not enough of this item in stock');
    return send(reply, 409, 'CONFLICT', '数据不符合规则，操作未执行，请刷新后重试 / The change breaks a data rule and was not made; reload and retry');
  }
  // A deadlock or serialization failure outside withRetry, or one that outlasted it: the caller may simply retry.
  if (retryableConflict(err))
    return send(reply, 409, 'CONFLICT_RETRY', '与他人的操作同时发生冲突，请稍后重试 / A concurrent change conflicted with this one; please retry');
  if (badTextInput(err)) return send(reply, 400, 'VALIDATION_FAILED', '输入中含有不允许的字符 / Input contains characters that cannot be stored');
  const status = err.statusCode ?? 500;
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的请求格式 / Unsupported media type');
  if (err.code === 'FST_REQ_FILE_TOO_LARGE' || status === 413) return send(reply, 413, 'PAYLOAD_TOO_LARGE', '上传内容过大 / Payload too large');
  if (status >= 400 && status < 500) {
    const message =
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? '请求内容不是有效的JSON / Body is not valid JSON'
        : `请求有误 / ${err.message}`;
    return send(reply, status, status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', message);
  }
  req.log.error({ err }, 'unhandled');
  return send(reply, 500, 'INTERNAL', '服务器内部错误，请稍后重试 / Internal error');
}

export function notFoundHandler(_req: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, 'NOT_FOUND', '接口不存在 / No such route');
}
