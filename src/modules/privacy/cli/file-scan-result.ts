import type { Finding } from '../domain/finding.ts';

export type FileScanResult =
  | { file: string; format: string; text: string; findings: Finding[] }
  | { file: string; error: { code: string; message: string } };

export const ERR_PRIVACY_FILE_NOT_FOUND = 'ERR_PRIVACY_FILE_NOT_FOUND';
