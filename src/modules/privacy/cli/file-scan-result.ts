import type { Finding } from '../domain/finding.ts';

export type FileScanResult =
  | { file: string; format: string; text: string; findings: Finding[] }
  | { file: string; error: { code: string; message: string } };

export const ERR_PRIVACY_FILE_NOT_FOUND = 'ERR_PRIVACY_FILE_NOT_FOUND';

/** The JSON shape of one finding: what the API and `scan --json` print. */
export function findingJson(f: Finding): Record<string, unknown> {
  return {
    type: f.type,
    text: f.text,
    start: f.start,
    end: f.end,
    severity: f.severity,
    suggestion: f.suggestion,
    ...(f.rule ? { rule: f.rule } : {}),
  };
}
