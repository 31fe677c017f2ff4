import { createReadStream, existsSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../../shared/domain-error.ts';
import { ConsultationErrorCode } from '../domain/consultation.ts';
import type { ConsultationFile } from '../storage/consultations-repository.ts';
import { consultationFilePath } from '../use-cases/consultation-files.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';

/** A consultation's draft document as a download under its own name (never shown inline), or 404 when its bytes are gone. */
export function sendConsultationFile(reply: FastifyReply, dataDir: string, f: ConsultationFile) {
  const file = consultationFilePath(dataDir, f.storageKey);
  if (!existsSync(file)) throw new DomainError(ConsultationErrorCode.notFound, '文件不存在', { httpStatus: 404 });
  return reply.type(f.mimeType).header('Content-Disposition', contentDisposition(f.fileName))
    .header('Content-Length', f.sizeBytes).header('X-Content-Type-Options', 'nosniff').send(createReadStream(file));
}
