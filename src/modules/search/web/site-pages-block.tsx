import { TelLink } from '../../../platform/views/components.tsx';
import type { SitePageLinks } from '../use-cases/site-page-links.ts';

/** Pages that are not one organ's (the status look-ups): named without the organ. */
const PORTAL_WIDE = new Set(['applicationStatus', 'letterStatus']);

/**
 * 本站栏目/服务 (docs/search.md, "The portal's own pages"): the portal's own pages the words ask for — an organ's 指南, 年报,
 * 依申请公开, 部门信箱, its page with its 联系方式 — each a link (a 44 px target on a phone), the organ's 咨询电话 a tel: link
 * when the words ask how to reach it, with its address and office hours when it has them. Right under the results' heading,
 * above the 互动交流 panel and the items, one or two lines; when no organ is named nor in scope it is the region's
 * government's, and a line says each organ has its own. Nothing when the words ask for no page. No script.
 */
export function SitePagesBlock({ found }: { found: SitePageLinks | null }) {
  if (!found) return null;
  const { organ, contact } = found;
  return (
    <section class="panel search-site-pages" aria-labelledby="site-pages-h">
      <h3 id="site-pages-h">本站栏目/服务</h3>
      <ul class="site-pages">
        {found.pages.map((p) => (
          <li>
            <a href={p.url}>{PORTAL_WIDE.has(p.page) ? p.title : `${organ.label}的${p.title}`}</a>
            {p.page === 'contact' && contact && (contact.phone || contact.address || contact.officeHours) && (
              <span class="site-page-contact">
                {contact.phone && <span>咨询电话：<span class="tel"><TelLink phone={contact.phone} /></span></span>}
                {contact.address && <span>地址：{contact.address}</span>}
                {contact.officeHours && <span>办公时间：{contact.officeHours}</span>}
              </span>
            )}
          </li>
        ))}
      </ul>
      {found.regionWide && <p class="site-pages-others">以上是{organ.label}的；各部门、乡镇另有各自的，<a href="/organs">按机关查看</a>。</p>}
    </section>
  );
}
