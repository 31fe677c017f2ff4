/**
 * What a result's snippet is taken from (docs/search.md, "The results page"), decided when the page is shown, so no
 * reindex is needed: the index keeps an attachment's text whole, its file name first (a search by the file name finds
 * it) and a PDF's page footers in it (a search for 共2页 finds them). Two outside testers read those in snippets as
 * noise: `fujian.docx 附件：…` beside the badge 附件命中：fujian.docx said the name twice, and 第 2 页 共 2 页 stood between
 * sentences. So an attachment's text is shown without its 附件名称 and file name (the badge gives them), and a line that is only a
 * page footer — 第 2 页 共 2 页, 共 2 页 第 2 页, 第 2 页, — 2 —, - 2 -, Page 2 of 2 — is left out, unless it holds a
 * word searched (`holdsWord`), which is then shown marked. A footer run into a line of text is not told apart.
 */
const PAGE_FOOTER = /^[\s\u3000]*(?:第\s*\d{1,4}\s*页\s*[,，、/／]?\s*(?:共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，、/／]?\s*第\s*\d{1,4}\s*页|[-—–－]{1,2}\s*\d{1,4}\s*[-—–－]{1,2}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)[\s\u3000]*$/iu;

/** Whether a line is only a page footer (above). */
export const isPageFooter = (line: string): boolean => PAGE_FOOTER.test(line);

export function snippetSource(text: string, opts: { fileName?: string | null; title?: string | null; holdsWord: (line: string) => boolean }): string {
  const { fileName, title } = opts;
  // An attachment's entry starts with its 附件名称 when it has one (index version 3), then its file name; the badge names it.
  const untitled = title && text.startsWith(`${title}\n`) ? text.slice(title.length + 1) : text;
  const body = fileName && untitled.startsWith(`${fileName}\n`) ? untitled.slice(fileName.length + 1) : untitled;
  if (!/页|[-—–－]\s*\d|page/i.test(body)) return body;
  return body.split('\n').filter((line) => !isPageFooter(line) || opts.holdsWord(line)).join('\n');
}
