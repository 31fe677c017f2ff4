/**
 * The one Content-Disposition of the platform's answers (RFC 6266): `attachment` (the browser saves
 * the file) or `inline` (it shows it), under a name that may hold Chinese.
 *
 * - A name of plain printable ASCII (no `"`, `\` or `%`) goes as it is: `attachment; filename="a.xlsx"`.
 * - Any other name goes as `filename*=UTF-8''…` (RFC 8187, formerly 5987): UTF-8, every byte that is
 *   not an attr-char percent-encoded — also `'`, `(`, `)` and `*`, which encodeURIComponent leaves —
 *   so every current browser saves `保密审查表.pdf` under that name. With `asciiName` an ASCII
 *   `filename="…"` comes first, for a client that does not read `filename*`.
 */
export function contentDisposition(fileName: string, opts: { inline?: boolean; asciiName?: string } = {}): string {
  const type = opts.inline ? 'inline' : 'attachment';
  if (isPlainAscii(fileName)) return `${type}; filename="${fileName}"`;
  const fallback = opts.asciiName !== undefined && isPlainAscii(opts.asciiName) ? `; filename="${opts.asciiName}"` : '';
  return `${type}${fallback}; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

/**
 * The types a file may be shown as (`inline`) rather than saved: a PDF, which a phone opens in its viewer
 * instead of a download it then has to find (found by an outside tester), and the raster pictures. Nothing
 * a browser would run as a page in the site's name (HTML, SVG, XML, script) is ever inline; every answer
 * also carries `nosniff` (security-headers.ts), so a browser never guesses another type.
 */
const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/gif']);
export const opensInline = (mimeType: string) => INLINE_TYPES.has(mimeType.split(';')[0]!.trim().toLowerCase());

const isPlainAscii = (s: string) => s.length > 0 && /^[\x20-\x7e]+$/.test(s) && !/["\\%]/.test(s);

const encodeRfc8187 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
