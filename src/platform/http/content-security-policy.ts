import crypto from 'node:crypto';

/**
 * The Content-Security-Policy of every page the server sends (docs/security.md). Scripts and styles
 * come only from the site's own files: no inline script, no `style` attribute (style-src-attr 'none'),
 * and no `<style>` element but the few stylesheets of a standalone page named here by their hash — a
 * printable document or letter that must also read whole when saved and opened from disk. Markup that
 * got into a page could otherwise style, hide or overlay what the page says. Two directives that
 * default-src does not (fully) cover close the rest: `base-uri 'none'` (no page writes `<base>`; an
 * injected one would redirect every relative link, form and script of the page) and `object-src 'none'`
 * (no page embeds a plugin).
 */
export function contentSecurityPolicy(standaloneStyles: readonly string[] = []): string {
  const hashes = standaloneStyles.map((css) => ` 'sha256-${crypto.createHash('sha256').update(css, 'utf8').digest('base64')}'`).join('');
  return [
    "default-src 'self'",
    'img-src \'self\' data: http: https:',
    `style-src 'self'${hashes}`,
    "style-src-attr 'none'",
    "script-src 'self'",
    "frame-ancestors 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}
