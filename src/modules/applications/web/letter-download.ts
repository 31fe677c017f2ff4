import type { FastifyReply } from 'fastify';
import { LETTER_PAGE_CSS, renderDocumentDocx, renderDocumentHtml, renderDocumentPdf } from '../../../platform/documents/index.ts';
import type { StoredLetter } from '../storage/letters-repository.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';

export const LETTER_FORMATS = ['html', 'docx', 'pdf'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];
export const asLetterFormat = (v: unknown): LetterFormat => (LETTER_FORMATS as readonly unknown[]).includes(v) ? (v as LetterFormat) : 'html';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Sends a stored letter as a printable HTML page, a DOCX for editing or a PDF with the Chinese fonts embedded.
 * `back`: the page the HTML letter links back to (the applicant's status page); not printed.
 */
export async function sendLetter(reply: FastifyReply, letter: Pick<StoredLetter, 'id' | 'document'>, format: LetterFormat, back?: { href: string; label: string }): Promise<FastifyReply> {
  const base = `${letter.document.title}`.replace(/[\\/:*?"<>|]/g, '_');
  reply.header('Cache-Control', 'private, no-store');
  if (format === 'docx') {
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('Content-Disposition', contentDisposition(`${base}.docx`, { asciiName: `letter-${letter.id}.docx` }))
      .send(await renderDocumentDocx(letter.document));
  }
  if (format === 'pdf') {
    return reply
      .type('application/pdf')
      .header('Content-Disposition', contentDisposition(`${base}.pdf`, { asciiName: `letter-${letter.id}.pdf` }))
      .send(await renderDocumentPdf(letter.document));
  }
  // Its own stylesheet, inline, so a saved letter reads whole from disk; the CSP allows exactly it by its hash.
  const backLink = back ? `<nav class="letter-back"><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></nav>` : '';
  const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(letter.document.title)}</title><style>${LETTER_PAGE_CSS}</style></head><body>${backLink}<main>${renderDocumentHtml(letter.document)}</main></body></html>`;
  return reply.type('text/html; charset=utf-8').send(page);
}
