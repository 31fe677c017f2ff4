import type { Publication } from '../../domain/publication.ts';
import { addDays } from '../../../../shared/iso-date.ts';
import { titleInQuotes } from '../../../../shared/sentences.ts';
import { VALIDITY_LABELS, type Validity } from '../../domain/labels.ts';
import { isInForce } from '../../domain/replacement-chain.ts';

/** A document a 效力 link names, at its own organ's address (a county government's decision may amend a bureau's document). */
export type LinkedDocument = { id: number; title: string; organCode: string; documentNumber: string | null; publishedOn: string | null };

/**
 * 《标题》（文号，日期发布）, the title a link to the document's page. A 《》 name inside the title becomes 〈〉, as
 * a title within a title is written (GB/T 15834): 《关于印发〈…办法〉的通知》, not 《关于印发《…办法》的通知》.
 * The 文号 and the day tell apart an old and a new document of the same title (replacing-policy-line.tsx).
 */
export function Named({ doc }: { doc: LinkedDocument }) {
  const title = titleInQuotes(doc.title);
  // A date is kept on one line (2026- | 11-02 broke at 360 px).
  const day = doc.publishedOn && <><span class="nowrap">{doc.publishedOn}</span>发布</>;
  const facts = doc.documentNumber && day ? <>{doc.documentNumber}，{day}</> : doc.documentNumber || day;
  return <>《<a href={`/organs/${doc.organCode}/items/${doc.id}`}>{title}</a>》{facts && <>（{facts}）</>}</>;
}

const NamedList = ({ docs }: { docs: readonly LinkedDocument[] }) => (
  <>{docs.map((d, i) => <>{i > 0 && '、'}<Named doc={d} /></>)}</>
);

/** A document on the way from a document no longer in force to its 现行 one, with its own 效力. */
export type ChainedDocument = LinkedDocument & { validity: Validity };

/**
 * After a 替代文件 no longer in force itself: 后者也已废止, then the document in force now (现行有效的是《Z》), or,
 * where the line ends at one no longer in force (nothing published after it, or a circle), that it does and that
 * the site records none in force — never a repealed document called 现行. Nothing when the first is in force.
 */
function Onward({ replacements }: { replacements: readonly ChainedDocument[] }) {
  const first = replacements[0]!;
  const last = replacements[replacements.length - 1]!;
  if (isInForce(first.validity)) return null;
  return (
    <>
      ，后者也{VALIDITY_LABELS[first.validity]}
      {last !== first && (isInForce(last.validity) ? <>，现行有效的是<Named doc={last} /></> : <>，最终替代它的<Named doc={last} />也{VALIDITY_LABELS[last.validity]}</>)}
      {!isInForce(last.validity) && '，本站没有记载现行有效的替代文件'}
    </>
  );
}

/** Where a reader finds what came after a document whose amender the site cannot name: its organ's catalog and a search. */
export type LaterDocuments = { organName: string; catalogHref: string; searchWords: string };

/**
 * The words that find the documents after `item`: the name a title quotes in 《》 (关于印发《X办法》的通知 → X办法, as a
 * 关于修改《X办法》的决定 names it), else its 文号, else its title.
 */
export function laterDocumentsWords(item: { title: string; documentNumber: string | null }): string {
  const quoted = /《([^《》]+)》/.exec(item.title)?.[1]?.trim();
  return quoted || item.documentNumber?.trim() || item.title.trim();
}

/** 此后发布的文件可在县住建局公开目录中查看，或检索“X”（最新的在前）。 */
function LookForLater({ where }: { where: LaterDocuments }) {
  const search = `/search?${new URLSearchParams({ q: where.searchWords, sort: 'newest' }).toString().replaceAll('+', '%20')}`;
  return <>修改后的规定请查看此后发布的文件：<a href={where.catalogHref}>{where.organName}公开目录</a>，或<a href={search}>检索“{where.searchWords}”</a>（最新的在前）。</>;
}

/**
 * What the top of an item's page says about its 效力 (docs/rules/proactive-disclosure.md "Validity of
 * documents"): 本文件已被《X》修改 / 废止, naming only published documents — an amender since withdrawn
 * is left out and, with none left, the banner says 本文件已修改 (docs/adr/0026); where none was ever recorded (an
 * imported or older item: `amendersRecorded` false) it says so plainly. Either way, given `laterDocuments`, it points
 * to the organ's catalog and a search for the documents after it, where the current text is. A document lapsed by
 * its 有效期至 says to which day it was in force and from which it lapsed (docs/adr/0027).
 * `replacements`: where its 替代文件 leads (use-cases' publicReplacementsOf, the rule 政策解读's line follows),
 * the direct replacement first — named as before — and, when that one is no longer in force, the document in force
 * now or the truth that none is recorded (Onward). Empty when none is published.
 */
export function ValidityNotice({ item, amendedBy, replacements, laterDocuments, amendersRecorded = amendedBy.length > 0 }: {
  item: Pick<Publication, 'validity' | 'validThroughOn'>; amendedBy: readonly LinkedDocument[]; replacements: readonly ChainedDocument[];
  laterDocuments?: LaterDocuments; amendersRecorded?: boolean;
}) {
  if (item.validity === 'valid') return null;
  const replacement = replacements[0] ?? null;
  return (
    <div class="notice" role="note">
      {item.validity === 'amended' && (amendedBy.length ? <strong>本文件已被<NamedList docs={amendedBy} />修改。</strong> : (
        <>
          <strong>本文件已修改。</strong>
          {!amendersRecorded && '本站没有记载是哪份文件、何时修改了本文件。'}
          {laterDocuments && <LookForLater where={laterDocuments} />}
        </>
      ))}
      {item.validity === 'repealed' && (replacement
        ? <strong>本文件已被<Named doc={replacement} />废止<Onward replacements={replacements} />。</strong>
        : <strong>本文件已废止。</strong>)}
      {item.validity === 'expired' && (
        <>
          <strong>本文件已失效。</strong>
          {/* 有效期至 is the last day in force (docs/adr/0027): it lapsed the day after. */}
          {item.validThroughOn && <>有效期至 <span class="nowrap">{item.validThroughOn}</span>，已于 <span class="nowrap">{addDays(item.validThroughOn, 1)}</span> 失效。</>}
          {replacement && (isInForce(replacement.validity)
            ? <>现行文件：<Named doc={replacement} /></>
            : <>替代文件：<Named doc={replacement} /><Onward replacements={replacements} />。</>)}
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
