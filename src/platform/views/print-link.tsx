import { SEP } from './components.tsx';

/**
 * 打印本页 on a page a citizen keeps (a receipt): a plain link to the page's print view (`?print=1`,
 * without the site's header and footer), which portal.js turns into the browser's print dialog
 * (`data-print`) — no inline script (CSP). Printing the page itself prints it without the frame and
 * without these links too (@media print in site.css). In the print view: how to print, and the way back.
 */
export function PrintLink({ href, printView, backHref }: { href: string; printView?: boolean; backHref: string }) {
  return printView
    ? <p class="no-print">请用浏览器的“打印”功能打印本页，或在打印时选择“另存为PDF”保存。{SEP}<a href={backHref}>返回正常视图</a></p>
    : <p class="no-print"><a href={href} data-print="">打印本页</a>（可打印或另存为PDF）</p>;
}
