import { renderDocumentHtml, type DocumentModel } from '../documents/index.ts';
import { DOCUMENT_STYLESHEET, RECEIPT_PRINT_STYLESHEET } from './stylesheets.ts';
import { RawHtml } from './components.tsx';

/**
 * A one-page letter carrying a 查询码, shown this once to print: from the browser (the page prints the
 * letter alone) or as PDF or Word, downloaded by posting back what opens the code (`field`). Used by the
 * 申请登记回执 and the 查询码重新设置告知 of an application and of a letter to the mailbox.
 */
export function LetterWithCode({ id, heading, what, document, download }: {
  id: string; heading: string; what: string; document: DocumentModel;
  download: { action: string; csrf: string; field: [name: string, value: string] } | null;
}) {
  return (
    <section id={id} class="receipt-with-code" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {download && (
        // A row of its own (.actions: spaced, wrapping), so the buttons never run into the hint beside them.
        <form method="post" action={download.action} class="actions">
          <input type="hidden" name="_csrf" value={download.csrf} />
          <input type="hidden" name={download.field[0]} value={download.field[1]} />
          <button type="submit" name="format" value="pdf" class="btn">下载PDF打印（一页A4）</button>
          <button type="submit" name="format" value="docx" class="btn btn-secondary">下载Word</button>
          <span class="hint">或用浏览器打印本页（只打印{what}）。</span>
        </form>
      )}
      {/* Stylesheets, not a <style>: the Content-Security-Policy allows none (docs/security.md). */}
      <link rel="stylesheet" href={DOCUMENT_STYLESHEET} />
      <link rel="stylesheet" href={RECEIPT_PRINT_STYLESHEET} />
      <RawHtml html={renderDocumentHtml(document)} />
    </section>
  );
}
