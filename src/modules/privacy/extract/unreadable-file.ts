import { DomainError } from '../../../shared/domain-error.ts';

export const ERR_PRIVACY_UNREADABLE_FILE = 'ERR_PRIVACY_UNREADABLE_FILE';

/** A file the scanner cannot read is reported, never treated as clean. */
export function unreadableFile(fileName: string, why: string): DomainError {
  return new DomainError(ERR_PRIVACY_UNREADABLE_FILE, `无法读取文件“${fileName}”：${why}。该文件未经扫描，不能视为无问题。`, {
    httpStatus: 422,
    field: 'file',
  });
}
