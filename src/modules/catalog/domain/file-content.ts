// Checks an upload's first bytes against the type its name claims, so that a program renamed `setup.pdf`
// is refused at upload (issue 9). Pure: takes the extension and the bytes, returns null or the refusal.
// The rules are listed in docs/errors.md (ERR_CATALOG_ATTACHMENT_CONTENT).

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[] | string) => {
  const s = typeof sig === 'string' ? [...sig].map((c) => c.charCodeAt(0)) : sig;
  return b.length >= s.length && s.every((v, i) => b[i] === v);
};
// A ZIP starts with a local header, or (as readers find it) ends with an end-of-central-directory record in its last 64 KB.
const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]) || startsWith(b, [0x50, 0x4b, 0x07, 0x08])
  || (startsWith(b, 'PK') && Buffer.from(b.buffer, b.byteOffset, b.byteLength).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= Math.max(0, b.length - 65557));
const isOle = (b: Uint8Array) => startsWith(b, OLE);

/** What the first bytes say the file is, for the kinds we know by signature. */
export function sniffKind(b: Uint8Array): 'pdf' | 'zip' | 'ole' | 'rar' | 'jpeg' | 'png' | 'gif' | 'executable' | 'text' | 'unknown' {
  if (startsWith(b, 'MZ') || startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(b, [0xce, 0xfa, 0xed, 0xfe])
    || startsWith(b, [0xca, 0xfe, 0xba, 0xbe]) || startsWith(b, '#!')) return 'executable';
  if (startsWith(b, '%PDF-')) return 'pdf';
  if (isZip(b)) return 'zip';
  if (isOle(b)) return 'ole';
  if (startsWith(b, 'Rar!\x1a\x07')) return 'rar';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a')) return 'gif';
  if (looksLikeText(b)) return 'text';
  return 'unknown';
}

/** Text: no NUL and no other control bytes except tab, CR, LF, FF, ESC in the first 8 KB (UTF-8 or GB18030 both pass). */
function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) return false;
  }
  return n > 0;
}

// Which content each allowed extension must have. WPS/ET files are OLE (older) or ZIP (newer); OFD is a ZIP package.
const EXPECTED: Record<string, ReadonlyArray<ReturnType<typeof sniffKind>>> = {
  '.pdf': ['pdf'], '.doc': ['ole'], '.xls': ['ole'], '.docx': ['zip'], '.xlsx': ['zip'], '.wps': ['ole', 'zip'], '.et': ['ole', 'zip'],
  '.ofd': ['zip'], '.zip': ['zip'], '.rar': ['rar'], '.jpg': ['jpeg'], '.jpeg': ['jpeg'], '.png': ['png'], '.gif': ['gif'],
  '.txt': ['text'], '.csv': ['text'], '.html': ['text'], '.htm': ['text'],
};

const LABEL: Record<string, string> = {
  pdf: 'PDF 文档', zip: 'ZIP 压缩包或新版 Office 文档', ole: '旧版 Office 文档', rar: 'RAR 压缩包', jpeg: 'JPEG 图片', png: 'PNG 图片', gif: 'GIF 图片',
  executable: '可执行程序', text: '纯文本', unknown: '无法识别的内容',
};

/** null when the bytes match the extension; otherwise a Chinese sentence naming what the file really is. */
export function contentMismatch(ext: string, bytes: Uint8Array): string | null {
  const expected = EXPECTED[ext.toLowerCase()];
  if (!expected) return null; // the extension allowlist is checked separately
  const kind = sniffKind(bytes);
  if (expected.includes(kind)) return null;
  return `文件内容与扩展名“${ext}”不符：内容是${LABEL[kind]}。请上传真实的${ext.slice(1).toUpperCase()}文件`;
}
