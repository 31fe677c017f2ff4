/**
 * What a consultation's draft document may be: PDF, Word (.docx) or Excel (.xlsx) — the formats the
 * privacy scanner reads, so nothing goes public unscanned — recognised by content, not only by name,
 * up to 20 MB (docs/workflows/consultation.md "Files").
 */
export const CONSULTATION_FILE_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const MAX_CONSULTATION_FILE_BYTES = 20 * 1024 * 1024;

/** A file name as it may be shown and offered: its last path part, without control characters, at most 120 characters. */
export function safeFileName(raw: string): string {
  const base = raw.replace(/\\/g, '/').split('/').pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim().slice(-120);
}

/** Why a file cannot be offered (the Chinese message), or null when it may. */
export function consultationFileRefusal(fileName: string, bytes: Uint8Array): string | null {
  const ext = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  if (!fileName) return '请选择要上传的文件';
  if (!CONSULTATION_FILE_TYPES[ext]) return `“${fileName}”不是 PDF、Word（.docx）或 Excel（.xlsx）文件`;
  if (bytes.length === 0) return `“${fileName}”是空文件`;
  if (bytes.length > MAX_CONSULTATION_FILE_BYTES) return `“${fileName}”超过 20 MB`;
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  const fits = ext === '.pdf' ? head.startsWith('%PDF-') : head.startsWith('PK\u0003\u0004');
  if (!fits) return `“${fileName}”的内容不是它的扩展名所说的格式`;
  return null;
}
