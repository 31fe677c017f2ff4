import type { ImportRecord, Publication } from '../../catalog/index.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';

/** Where and how an item came in: 从文件“items.csv”导入，作为已发布的历史信息 (older records without the mode: from the publish route). */
export function importSummary(r: ImportRecord, p: Publication): string {
  const source = r.from === 'API' ? '通过 API 导入' : `从文件“${r.from}”导入`;
  const mode = r.mode ?? (p.publishRoute === 'system_import' ? 'published' : null);
  // Published history the scan held back is a draft here like any other until it is reviewed.
  if (mode === 'published' && r.heldForReview.length) return `${source}，作为已发布的历史信息；因隐私与保密扫描发现须处理的内容（${r.heldForReview.join('；')}），未随导入发布，转为草稿经审核流程处理`;
  return mode === 'published' ? `${source}，作为已发布的历史信息` : mode === 'draft' ? `${source}，作为草稿` : source;
}

/** The notice at the top of an imported item's page: when, by whom, from which file, how, and its 原网址. */
export function ImportedNotice({ record: r, publication }: { record: ImportRecord; publication: Publication }) {
  return (
    <p class="notice notice-info" id="imported">
      本信息于 {chinaTimeOf(r.at)} 由 {r.by} {importSummary(r, publication)}。
      {r.oldUrls.length > 0 && (
        <>
          原网址：
          {r.oldUrls.map((u, i) => (
            <>{i > 0 && '、'}{/^https?:\/\//i.test(u) ? <a href={u} rel="noopener noreferrer">{u}</a> : <code>{u}</code>}</>
          ))}
          {publication.status === 'published' ? '（已转向本信息的页面）' : '（本信息发布后转向它的页面）'}
        </>
      )}
    </p>
  );
}
