import type { Publication } from '../../domain/publication.ts';
import { addDays } from '../../../../shared/iso-date.ts';

/** A document a 效力 link names, at its own organ's address (a county government's decision may amend a bureau's document). */
export type LinkedDocument = { id: number; title: string; organCode: string; documentNumber: string | null; publishedOn: string | null };

/**
 * 《标题》（文号，日期发布）, the title a link to the document's page. A 《》 name inside the title becomes 〈〉, as
 * a title within a title is written (GB/T 15834): 《关于印发〈…办法〉的通知》, not 《关于印发《…办法》的通知》.
 * The 文号 and the day tell apart an old and a new document of the same title (replacing-policy-line.tsx).
 */
export function Named({ doc }: { doc: LinkedDocument }) {
  const title = doc.title.trim().replace(/^《(.*)》$/, '$1').replace(/《/g, '〈').replace(/》/g, '〉');
  const facts = [doc.documentNumber, doc.publishedOn && `${doc.publishedOn}发布`].filter(Boolean).join('，');
  return <>《<a href={`/organs/${doc.organCode}/items/${doc.id}`}>{title}</a>》{facts && `（${facts}）`}</>;
}

const NamedList = ({ docs }: { docs: readonly LinkedDocument[] }) => (
  <>{docs.map((d, i) => <>{i > 0 && '、'}<Named doc={d} /></>)}</>
);

/**
 * What the top of an item's page says about its 效力 (docs/rules/proactive-disclosure.md "Validity of
 * documents"): 本文件已被《X》修改 / 废止, naming only published documents — an amender since withdrawn
 * is left out and, with none left, the banner says only 本文件已修改 (docs/adr/0026). A document lapsed by
 * its 有效期至 says to which day it was in force and from which it lapsed (docs/adr/0027).
 */
export function ValidityNotice({ item, amendedBy, replacement }: {
  item: Pick<Publication, 'validity' | 'validThroughOn'>; amendedBy: readonly LinkedDocument[]; replacement: LinkedDocument | null;
}) {
  if (item.validity === 'valid') return null;
  return (
    <div class="notice" role="note">
      {item.validity === 'amended' && (amendedBy.length ? <strong>本文件已被<NamedList docs={amendedBy} />修改。</strong> : <strong>本文件已修改。</strong>)}
      {item.validity === 'repealed' && (replacement ? <strong>本文件已被<Named doc={replacement} />废止。</strong> : <strong>本文件已废止。</strong>)}
      {item.validity === 'expired' && (
        <>
          <strong>本文件已失效。</strong>
          {/* 有效期至 is the last day in force (docs/adr/0027): it lapsed the day after. */}
          {item.validThroughOn && `有效期至 ${item.validThroughOn}，已于 ${addDays(item.validThroughOn, 1)} 失效。`}
          {replacement && <>现行文件：<Named doc={replacement} /></>}
        </>
      )}
    </div>
  );
}

/** On an amending or repealing document's page: 本文件修改了《Y》 / 本文件废止了《Y》, each a link back. */
export function ValidityOfOthers({ amends, repeals }: { amends: readonly LinkedDocument[]; repeals: readonly LinkedDocument[] }) {
  if (!amends.length && !repeals.length) return null;
  return (
    <div class="notice validity-of-others" role="note">
      {amends.length > 0 && <p>本文件修改了<NamedList docs={amends} />。</p>}
      {repeals.length > 0 && <p>本文件废止了<NamedList docs={repeals} />。</p>}
    </div>
  );
}
