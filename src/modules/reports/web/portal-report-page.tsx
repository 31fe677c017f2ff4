import type { Organ } from '../../catalog/index.ts';
import { Breadcrumb } from '../../../platform/views/components.tsx';
import { PortalLayout } from '../../../platform/views/portal-layout.tsx';
import type { ReadingPrefs } from '../../../platform/views/prefs.ts';
import { reportTitle } from '../export/report-document.ts';
import type { ReportVersion } from '../storage/reports-repository.ts';
import { DocumentView } from './report-parts.tsx';

export const portalReportPath = (code: string, year: number, ext = '') => `/organs/${code}/annual-reports/${year}${ext}`;

/** A published annual report on the organ's 公开年报 page: the official document, its downloads and its versions. */
export function PortalReportPage({ prefs, currentPath, organ, year, shown, published, html }: {
  prefs: ReadingPrefs; currentPath: string; organ: Organ; year: number; shown: ReportVersion; published: ReportVersion[]; html: string;
}) {
  const latest = published[published.length - 1];
  const q = shown.versionNo === latest.versionNo ? '' : `?version=${shown.versionNo}`;
  return (
    <PortalLayout title={reportTitle(organ.name, year)} prefs={prefs} currentPath={currentPath} consultPhone={organ.consultPhone} canonicalPath={portalReportPath(organ.code, year) + q}>
      <Breadcrumb items={[
        { label: '首页', href: '/' }, { label: '信息公开', href: '/organs' }, { label: organ.shortName || organ.name, href: `/organs/${organ.code}` },
        { label: '政府信息公开年报', href: `/organs/${organ.code}/annual-reports` }, { label: `${year}年度` },
      ]} />
      {shown.versionNo !== latest.versionNo && (
        <p class="notice" role="note">这是第{shown.versionNo}版，已被更正。<a href={portalReportPath(organ.code, year)}>查看最新版本（第{latest.versionNo}版）</a></p>
      )}
      <p>发布日期：{shown.publishedOn}</p>
      <div class="downloads">下载：<ul class="link-list" aria-label="下载">{[
        [portalReportPath(organ.code, year, '.pdf') + q, 'PDF'], [portalReportPath(organ.code, year, '.docx') + q, 'Word（DOCX）'],
        [portalReportPath(organ.code, year, '.json') + q, '数据（JSON）'], [portalReportPath(organ.code, year, '.html') + q, '打印版'],
        [`${portalReportPath(organ.code, year)}/graphic${q}`, '图解年报'],
      ].map(([href, name]) => <li><a href={href}>{name}</a></li>)}</ul></div>
      <DocumentView html={html} />
      {published.length > 1 && (
        <section aria-labelledby="h-versions">
          <h2 id="h-versions">版本记录</h2>
          <ul>
            {[...published].reverse().map((v) => (
              <li key={v.id}>
                {v.versionNo === shown.versionNo ? <strong>第{v.versionNo}版</strong> : <a href={`${portalReportPath(organ.code, year)}?version=${v.versionNo}`}>第{v.versionNo}版</a>}
                （{v.publishedOn}发布）{v.note ? `更正说明：${v.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </PortalLayout>
  );
}
