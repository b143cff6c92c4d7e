import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';

const bad = (zh: string, en: string) => new AppError('VALIDATION_FAILED', zh, en);

/** Reads up to `max` files from a multipart request (any field name), each at most `maxBytes`. */
export async function readFiles(req: FastifyRequest, max: number, maxBytes: number): Promise<{ name: string; data: Buffer }[]> {
  if (!req.isMultipart()) throw bad('请以 multipart/form-data 上传文件', 'Upload files as multipart/form-data');
  const out: { name: string; data: Buffer }[] = [];
  try {
    for await (const part of req.files({ limits: { files: max, fileSize: maxBytes } })) {
      const data = await part.toBuffer();
      out.push({ name: part.filename, data });
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', `单个文件不能超过${Math.round(maxBytes / 1048576)}MB，请压缩后重试`, 'File too large');
    if (code === 'FST_FILES_LIMIT') throw bad(`一次最多上传${max}个文件`, `At most ${max} files at once`);
    throw bad('上传内容无法解析，请重试', 'The upload could not be read');
  }
  if (!out.length) throw bad('请选择要上传的文件', 'No file was uploaded');
  return out;
}
