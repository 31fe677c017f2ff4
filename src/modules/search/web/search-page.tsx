import { PagedList, Pagination } from '../../../platform/views/components.tsx';
import { PortalLayout } from '../../../platform/views/portal-layout.tsx';
import type { ReadingPrefs } from '../../../platform/views/prefs.ts';
import { DISCLOSURE_STAGES, GENRES, scopeLabel, STAGE_LABELS, VALIDITIES, VALIDITY_LABELS, type Organ } from '../../catalog/index.ts';
import { snippetOf, type SnippetPart } from '../domain/snippet.ts';
import type { SearchHit, SearchResult } from '../use-cases/search-publications.ts';
import type { AddressedItem } from '../use-cases/addressed-item.ts';
import { offerShown } from '../use-cases/offer-shown.ts';
import type { MissingDocumentNumber, MissingIndexNumber } from '../use-cases/search-offers.ts';
import { MAX_QUERY_CHARS, type QueryCut } from '../domain/query-cut.ts';
import { TOTAL_CAP } from '../domain/search-request.ts';
import { searchUrl, type RawSearchParams } from './search-params.ts';
import { InteractionBlock } from './interaction-block.tsx';
import { interactionFound, type InteractionMatches } from '../use-cases/interaction-matches.ts';
import { SitePagesBlock } from './site-pages-block.tsx';
import type { SitePageLinks } from '../use-cases/site-page-links.ts';


const Marked = ({ parts }: { parts: SnippetPart[] }) => <>{parts.map((p) => (p.hit ? <mark>{p.text}</mark> : p.text))}</>;

/**
 * A result's 文号 or 索引号 with what the search matched in it marked (found by an outside tester: the badge said
 * 文号或索引号完全一致 and the number was not marked; 2026-00430, part of an 索引号, showed neither): the whole number
 * when it is the query (the exact look-up's key: any bracket spelling, with or without 第), else each keyword in it.
 */
export function numberParts(text: string, exactly: boolean, keywords: string[]): SnippetPart[] {
  if (exactly) return [{ text, hit: true }];
  return keywords.length ? snippetOf(text, keywords, text.length + 1) : [{ text, hit: false }];
}

/** An 索引号 kept whole between its /s (as WholeParts, components.tsx), its matched part marked. */
function MarkedWholeParts({ parts }: { parts: SnippetPart[] }) {
  const segments: SnippetPart[][] = [[]];
  for (const p of parts) {
    for (const piece of p.text.split(/(?<=\/)/)) {
      if (piece) segments[segments.length - 1].push({ text: piece, hit: p.hit });
      if (piece.endsWith('/')) segments.push([]);
    }
  }
  return <>{segments.filter((seg) => seg.length).map((seg, i) => <>{i > 0 && <wbr />}<span class="nowrap"><Marked parts={seg} /></span></>)}</>;
}

type FacetKey = 'organ' | 'node' | 'stage' | 'genre' | 'year' | 'validity';

/**
 * The portal's search page: the form, facets as plain links, ranked results with highlights. Works without JavaScript.
 * An organ as a scope or a facet is worded as in the header's box (scopeLabel: its short name). The page's form is
 * its one search box (the header's is not repeated here). 范围 offers the organs, never an internal unit (股室,
 * which publishes nothing in its own name); a unit's code in the address searches its organ and says so
 * (`scopeUnit`). On a phone 范围, 排序 and the dates fold under 检索选项 (open when the sort is chosen or a parameter refused) and
 * the facets under one 按条件筛选 control, each facet again folded (<details>), so the first result is in the
 * first screen.
 */
export function SearchPage({ prefs, currentPath, raw, result, organs, years = [], numberExample = null, scopeOrgan, scopeUnit = null, pageSize, page, error, regionTotal = null, regionSplit = null, regionDidYouMean = null, unfilteredTotal = null, queryCut = null, datesSwapped = false, addressed = null, interaction = null, sitePages = null }: {
  prefs: ReadingPrefs; currentPath: string; raw: RawSearchParams; result: SearchResult | null; organs: Organ[]; scopeOrgan: Organ | null;
  /** The years that have items, newest first: the form's 年份 choices (search-routes.tsx reads them once per content version). */
  years?: number[];
  /**
   * The hint's example of a 文号: the portal's own, the newest published in the scope (search-routes.tsx), never the demo's;
   * null when none has one, and the hint then gives none.
   */
  numberExample?: string | null;
  scopeUnit?: Organ | null; pageSize: number; page: number; error: { field?: string; message: string } | null;
  /** When a search within an organ found nothing: what the same search finds over the whole region, and its words apart there. */
  regionTotal?: number | null;
  regionSplit?: { q: string; total: number } | null;
  /** When neither finds anything there either: the whole region's 您是不是要找 (a keyword's wrong character corrected). */
  regionDidYouMean?: { q: string; total: number } | null;
  /** What the same words find in the same scope without the filters chosen, when those left nothing (else null). */
  unfilteredTotal?: number | null;
  /** A query over the limit, searched by its start (raw.q): how many characters were typed and searched. */
  queryCut?: QueryCut['cut'];
  /** A reversed date range, swapped (raw.from, raw.to as searched). */
  datesSwapped?: boolean;
  /** The query was an item page's address: that item, or what the public may know of it, in place of results. */
  addressed?: AddressedItem | null;
  /** The 意见征集 and 建议提案 results the words find (use-cases/interaction-matches.ts), shown above the items; null when not looked for. */
  interaction?: InteractionMatches | null;
  /** The portal's own pages the words ask for (use-cases/site-page-links.ts), shown above 互动交流; null when none. */
  sitePages?: SitePageLinks | null;
}) {
  /** A count as the page says it: past the cap, 超过 1,000. */
  const countWords = (n: number) => (n > TOTAL_CAP ? `超过 ${TOTAL_CAP.toLocaleString('zh-CN')}` : String(n));
  /** A count after a word (共, 全站): 共 132, but 共超过 1,000 — no space between two words (an outside tester). */
  const countAfter = (lead: string, n: number) => (n > TOTAL_CAP || !lead ? `${lead}${countWords(n)}` : `${lead} ${n}`);
  // The 机关 facet's values are organ codes (what organ= takes).
  const organName = (code: string) => organs.find((o) => o.code === code);
  const label: Record<FacetKey, (v: string) => string> = {
    organ: (v) => { const o = organName(v); return o ? scopeLabel(o) : v; },
    // A path's separator stays with the name before it (no-break space), so a wrapped label never starts a line with ›.
    node: (v) => (result?.facets.node.find((n) => n.value === v)?.label ?? v).replaceAll(' › ', '\u00a0› '),
    stage: (v) => STAGE_LABELS[v as keyof typeof STAGE_LABELS] ?? v,
    genre: (v) => v,
    year: (v) => `${v}年`,
    validity: (v) => VALIDITY_LABELS[v as keyof typeof VALIDITY_LABELS] ?? v,
  };
  const facetParam = (_key: FacetKey, value: string) => value;
  const titles: [FacetKey, string][] = [['organ', '机关'], ['node', '目录栏目'], ['stage', '五公开'], ['genre', '体裁'], ['year', '年份'], ['validity', '效力']];
  // As the search reads it (search-params.ts trims it): a query of spaces only is no query.
  const q = (raw.q ?? '').trim();
  // Submitted with nothing in the box (or only spaces) and no filter: the form asks for a word, never 「“ ”的检索结果」 (an
  // outside tester). With a filter the search lists what it lets through (`listing`).
  const blank = raw.q !== undefined && q === '' && !error && !result;
  // A page of results (or of none, or a refusal) is not for search engines: only the form first opened, with nothing asked,
  // may be indexed; its links are followed (docs/search.md, "Search engines"). search-routes.tsx sends X-Robots-Tag alike.
  const searched = Object.keys(raw).length > 0;
  const listing = !!result?.listing;
  // Once a search has run: what is chosen (each with a link to drop it, the date range as one), and the facets with their counts.
  const active: { title: string; value: string; drop: RawSearchParams }[] = titles.filter(([k]) => raw[k]).map(([k, t]) => (
    { title: t, value: k === 'organ' ? (scopeOrgan ? scopeLabel(scopeOrgan) : raw.organ!) : label[k](raw[k]!), drop: { [k]: '' } }
  ));
  if (raw.from || raw.to) active.push({ title: '发布日期', value: raw.from && raw.to ? `${raw.from} 至 ${raw.to}` : raw.from ? `${raw.from} 起` : `至 ${raw.to}`, drop: { from: '', to: '' } });
  // A listing by filters is named by them, what is listed first and whose last: 按条件列出：已废止 · 县住建局.
  const listedAs = `按条件列出：${[...active.filter((c) => c.title !== '机关'), ...active.filter((c) => c.title === '机关')].map((c) => c.value).join(' · ')}`;
  // Everything, newest first (sort=newest, no word, no filter: the home page's 最新公开信息 › 更多) is named as such.
  const heading = q ? null : listing ? (active.length ? listedAs : '全部公开信息（最新在前）') : '站内检索';
  // An address names one item whatever the scope and filters: none is listed as applied.
  const Chosen = () => (active.length > 0 && !addressed ? (
    <div class="panel search-chosen">
      <strong>已选条件：</strong>
      <ul>{active.map((c) => <li>{c.title}：{c.value} <a href={searchUrl('/search', raw, { ...c.drop, page: '1' })} aria-label={`取消${c.title}条件`} class="nowrap">取消</a></li>)}</ul>
    </div>
  ) : null);
  const withFacets = result ? titles.filter(([k]) => result.facets[k].length > 0) : [];
  const FacetValues = ({ k, t }: { k: FacetKey; t: string }) => (
    <nav class="panel facet keep-words" aria-label={`按${t}筛选`}>
      {/* Folded on a phone, the summary names the facet; the heading would say it twice. */}
      <h2 class="wide-only">{t}</h2>
      <ul>{result!.facets[k].map((f) => (
        <li>{raw[k] === facetParam(k, f.value) ? <strong>{label[k](f.value)}</strong> : <a href={searchUrl('/search', raw, { [k]: facetParam(k, f.value), page: '1' })}>{label[k](f.value)}</a>} <span class="count">({f.count})</span></li>
      ))}</ul>
      {/* An item placed in two listed columns is counted under each: said, so equal counts are not read as a mistake. */}
      {k === 'node' && !!result!.facets.nodeShared && <p class="count">其中 {result!.facets.nodeShared} 条同时列在以上两个或更多栏目中，在每个栏目各计一次，所以各栏目的条数相加可多于结果数（{countWords(result!.facetsSampled ?? result!.total)} 条）。</p>}
    </nav>
  );
  const Sampled = () => (result?.facetsSampled != null ? <p class="count">以下数量按最新的 {result.facetsSampled.toLocaleString('zh-CN')} 条结果统计；选择条件可缩小范围。</p> : null);
  // Two copies of the facets, as of the header's links: each is display:none in the other layout, so a screen reader meets one.
  const Facets = () => (result ? (
    <>
      <Sampled />
      {withFacets.map(([k, t]) => <FacetValues k={k} t={t} />)}
    </>
  ) : null);
  const FoldedFacets = () => (result ? (
    <>
      <Sampled />
      {withFacets.map(([k, t]) => (
        <details class="facet-fold">
          <summary>{t}<span class="count">（{result.facets[k].length} 项{raw[k] ? '，已选' : ''}）</span></summary>
          <FacetValues k={k} t={t} />
        </details>
      ))}
    </>
  ) : null);
  // The query as the page quotes it: one typed in quotes is not quoted again (“公租房”, not ““公租房””).
  const said = q.replace(/^[“"](.+)[”"]$/u, '$1');
  // A refused query of many characters is not repeated in full as the heading.
  const shownQ = [...said].length > 30 ? `${[...said].slice(0, 30).join('')}…` : said;
  // Only the organs: a unit (股室) publishes through its organ, so as a scope it would always find nothing.
  const scopes = organs.filter((o) => o.kind !== 'unit');
  // Open for the sort chosen or a parameter refused; a scope (a search from an organ's header box has one) or a
  // date range is listed under 已选条件 and leaves the fold shut, so the first result stays in the first screen.
  const optionsSet = !!(raw.sort === 'newest' || (error && error.field !== 'q'));
  // Found nothing: the sentence names what the search was kept to — the organ in scope, the other conditions — so
  // nothing found there is not read as nothing on the site (an outside tester: 县政府 had no 危房 of 203 items).
  const conditioned = active.some((c) => c.title !== '机关');
  const within = [scopeOrgan ? `${scopeLabel(scopeOrgan)}范围内` : '', conditioned ? '所选条件下' : ''].filter(Boolean).join('、');
  // Keywords as searched, for marking them in a result's 文号 and 索引号.
  const keywords = result ? result.query.keywords.flatMap((k) => k.alternatives.map((a) => a.text)) : [];
  /** One result line: title, the exact-number note, the snippet and the item's 发布机构, 发布日期, 目录, 索引号 and 文号. */
  const Hit = ({ h }: { h: SearchHit }) => (
    <li class="search-hit">
      <h3><a href={`/organs/${h.organCode}/items/${h.id}`}><Marked parts={h.titleParts} /></a>{h.validity !== 'valid' && <span class="count">（{label.validity(h.validity)}）</span>}</h3>
      {h.exactNumber && <p class="count"><strong>{h.exactNumberMatch?.kind === 'indexNumber' ? '索引号' : h.exactNumberMatch?.kind === 'documentNumber' ? '文号' : '文号或索引号'}完全一致</strong></p>}
      {h.snippet.length > 0 && <p class="snippet">{h.attachmentHit && <span class="tag">附件命中：{h.attachmentHit}</span>} <Marked parts={h.snippet} /></p>}
      {/* Each property on a line of its own, in one order — 发布机构, 发布日期, 目录, 索引号, 文号 — so every result reads alike (an outside
          tester on a phone: 发布日期 shared the 目录 line in some results, had its own in others); a value too long for its line
          breaks after the label's start (site.css). */}
      <dl class="hit-meta">
        <div><dt>发布机构</dt><dd>{h.organName}</dd></div>
        <div><dt>发布日期</dt><dd><time dateTime={h.publishedOn}>{h.publishedOn}</time></dd></div>
        {h.catalogPath.length > 0 && <div><dt>目录</dt><dd>{h.catalogPath.join('\u00a0› ')}</dd></div>}
        {/* A 索引号 is never broken inside a number: too long for the rest of its label's line, it moves to the next, and
            only where even a line of its own is too short (320 px at 字号 大) after its / (site.css). */}
        {h.indexNumber && <div class="hit-whole"><dt>索引号</dt><dd><MarkedWholeParts parts={numberParts(h.indexNumber, h.exactNumberMatch?.kind === 'indexNumber', keywords)} /></dd></div>}
        {/* Every line has its 文号, one without saying 无 (an outside tester: a missing row read as a line cut short; the item page says —). */}
        <div><dt>文号</dt><dd>{h.documentNumber ? <Marked parts={numberParts(h.documentNumber, h.exactNumberMatch?.kind === 'documentNumber', keywords)} /> : '无'}</dd></div>
      </dl>
    </li>
  );
  // 住建局 公示: the other words within the organ named (the name as a keyword also matches every item it signed);
  // 住建局 alone: the organ's own pages. Above the results, and in place of them when nothing was found.
  /** Other searches offered (the words apart, a correction, fewer keywords): each query a link with what it finds; `region` over the whole region. */
  const Offered = ({ kind, label, offers, region = false, counted = '' }: { kind: string; label: string; offers: { q: string; total: number }[]; region?: boolean; counted?: string }) => (
    <p class={`${kind} wrap-anywhere`}>{label}：{offers.map((o, i) => <>{i > 0 && '；'}<a class="keep-words" href={searchUrl('/search', raw, { ...(region ? { organ: '' } : {}), q: o.q, page: '1' })}>{o.q}</a>（{countAfter(counted, o.total)} 条）</>)}</p>
  );
  const organNamed = result?.organNamed ?? null;
  const OrganNamed = () => (organNamed ? (
    <p class="organ-named wrap-anywhere">{organNamed.q
      ? <><a href={searchUrl('/search', raw, { q: organNamed.q, organ: organNamed.organ, page: '1' })}>在{organNamed.organName}范围内检索“{organNamed.q}”</a>（{countWords(organNamed.total ?? 0)} 条）</>
      : <>查看<a href={`/organs/${organNamed.organ}`}>{organNamed.organName}的政府信息公开</a>（公开目录、指南、年报）</>}</p>
  ) : null);
  // A pasted address that shows an item (docs/search.md, "A pasted address"): the item first, as a result line; withdrawn,
  // its title and the address where the public notice of the withdrawal stands; an item page's address the portal
  // answers 404, one sentence that tells nothing of an unpublished item (a draft reads as an address no item has).
  // An old site's address the portal redirects is named so (原网址), the link being the item's address now.
  const Addressed = () => (addressed ? (
    addressed.status === 'published' ? <>
      <h2 id="results-h" class="count" tabindex={-1}>{addressed.redirected ? '这是本站一条公开信息的原网址，现在的地址是：' : '这是本站一条公开信息的地址：'}</h2>
      <ol class="search-results"><Hit h={addressed.hit} /></ol>
    </> : addressed.status === 'withdrawn' ? <>
      <h2 id="results-h" class="count" tabindex={-1}>{addressed.redirected ? '这是本站一条已撤回信息的原网址' : '这是本站一条已撤回信息的地址'}</h2>
      <p class="wrap-anywhere">“{addressed.title}”已撤回，不再公开。<a href={addressed.url}>查看撤回说明</a></p>
    </> : addressed.status === 'page' ? <>
      {/* A column's address, an organ's catalog or home page (issue 13: a column's address got spelling advice): that page, named with its organ. */}
      <h2 id="results-h" class="count" tabindex={-1}>这是本站一个页面的地址：</h2>
      <p class="wrap-anywhere"><a href={addressed.url}>{addressed.kind === 'column' ? `${addressed.organ.label}的栏目“${addressed.title}”` : addressed.kind === 'catalog' ? `${addressed.organ.label}的政府信息公开目录` : `${addressed.organ.label}的政府信息公开`}</a>{addressed.kind === 'organ' && addressed.organ.label !== addressed.organ.name ? `（${addressed.organ.name}）` : ''}</p>
    </> : addressed.of !== 'item' ? <>
      <h2 id="results-h" class="count" tabindex={-1}>本站没有这一地址</h2>
      <p>请核对地址；也可以<a href="/organs">按机关查看政府信息公开目录</a>，或输入词语检索。</p>
    </> : <>
      <h2 id="results-h" class="count" tabindex={-1}>本站没有这一地址的公开信息</h2>
      <p>请核对地址；也可以用信息标题中的词语检索。</p>
    </>
  ) : null);
  // A 文号 that no item has (docs/search.md, "A 文号 that no item has"): said in a citizen's words, the documents of the
  // same 代字 and year nearest to it (newest first), and the list of the organ whose 代字 it is (a listing by organ).
  // `headed`: the heading above has said it was not found (an offer's items shown: the advice and neighbours only).
  const MissingNumber = ({ m, headed = false }: { m: MissingDocumentNumber; headed?: boolean }) => (
    <div class="missing-number">
      <p class="wrap-anywhere">{headed ? '' : <>{within ? `在${within}` : ''}没有找到文号为 <span class="nowrap">{m.documentNumber}</span> 的文件。</>}请核对发文机关代字、年份和序号。</p>
      {m.nearby.length > 0 && <>
        <p>同一发文机关代字、同一年份的相近文件：</p>
        <ul class="missing-number-nearby">
          {m.nearby.map((n) => <li><a href={n.url}>{n.title}</a>（<span class="nowrap">{n.documentNumber}</span>，<time datetime={n.publishedOn}>{n.publishedOn}</time>）</li>)}
        </ul>
      </>}
      {m.organ && <p><a href={`/search?organ=${encodeURIComponent(m.organ.code)}`}>查看{m.organ.label}发布的全部信息</a>（按发布日期排列）</p>}
    </div>
  );
  // The form's filters, each preselected from the address. A value asked for that is not on the list (a 体裁 an import
  // brought, a year with no item yet) is offered too, so the form sends back what was asked.
  const withAsked = (options: [string, string][], name: 'genre' | 'year', text: (v: string) => string): [string, string][] =>
    raw[name] && !options.some(([v]) => v === raw[name]) ? [...options, [raw[name]!, text(raw[name]!)]] : options;
  const choices: { name: 'validity' | 'year' | 'genre' | 'stage'; label: string; options: [string, string][] }[] = [
    { name: 'validity', label: '效力', options: VALIDITIES.map((v) => [v, VALIDITY_LABELS[v]]) },
    { name: 'year', label: '年份', options: withAsked(years.map((y) => [String(y), `${y}年`]), 'year', (v) => `${v}年`) },
    { name: 'genre', label: '体裁', options: withAsked(GENRES.map((g) => [g, g]), 'genre', (v) => v) },
    { name: 'stage', label: '五公开', options: DISCLOSURE_STAGES.map((v) => [v, STAGE_LABELS[v]]) },
  ];
  // A listing is newest first whatever was asked: the form shows the order the page has, so a word typed next is ranked
  // newest first too unless 按相关度 is chosen (docs/search.md, "Filters without a word").
  const newestShown = raw.sort === 'newest' || listing;
  // An 索引号 that no item has (docs/search.md): said as a number, the organ whose code it starts with and how its 索引号 are made.
  const MissingIndex = ({ m }: { m: MissingIndexNumber }) => (
    <div class="missing-number">
      <p class="wrap-anywhere">请核对索引号：{m.organ ? `${m.organ.label}的` : ''}索引号由 <span class="wrap-anywhere">{m.format}</span> 组成。</p>
      {m.organ && <p><a href={`/search?organ=${encodeURIComponent(m.organ.code)}`}>查看{m.organ.label}发布的全部信息</a>（按发布日期排列）</p>}
    </div>
  );
  // Searched within an organ and nothing found there: the whole region's offer that keeps every keyword — as typed
  // (在全站检索), apart (在全站分开检索) or corrected (您是不是要找 … 全站) — when there is one (search-routes.tsx searches it).
  // When the in-scope offer is fewer keywords, which drop what was asked, the region's stands first and no item is shown
  // in place of none; one rule for the page and the API (offerShown, use-cases/offer-shown.ts; docs/search.md).
  const shown = result && !addressed && raw.organ && regionTotal !== null
    ? offerShown(result, { total: regionTotal, splitSuggestion: regionSplit, didYouMean: regionDidYouMean })
    : result && !addressed ? offerShown(result, null) : null;
  const regionOffer = shown?.regionOffer?.kind ?? null;
  const regionFirst = !!shown?.regionFirst;
  // Nothing found as typed, and an offer's first items shown in their place (search-publications.ts, shownInstead).
  const instead = shown?.shownInstead ?? null;
  /** What was looked for and not found, as the heading over an offer's items starts (after the scope named). */
  const NotFound = () => (result?.missingDocumentNumber ? <>没有找到文号为 <span class="nowrap">{result.missingDocumentNumber.documentNumber}</span> 的文件</>
    : result?.missingIndexNumber ? <>没有找到索引号为 <span class="nowrap">{result.missingIndexNumber.indexNumber}</span> 的信息</>
    : <>没有找到包含<span class="keep-words">“{said}”</span>的公开信息</>);
  /** Why the offered query finds what the typed one did not: one sentence above its items. */
  const insteadWhy = (() => {
    if (!instead) return '';
    if (instead.kind === 'splitSuggestion') return '连在一起输入的词语须原样相连出现；分开检索时各词只须同时出现。';
    // Which slip the correction mends (an outside tester read 读音相同 under a correction of another shape).
    if (instead.kind === 'didYouMean') {
      const kind = result?.missingDocumentNumber ? 'documentNumber' : result?.didYouMean?.kind;
      return `您是不是要找“${instead.q}”？${kind === 'documentNumber' ? '文号中的发文机关代字可能有误。' : kind === 'shape' ? '检索词中可能有错别字（如字形相近的字）。' : '检索词中可能有错别字（如读音相同的字）。'}`;
    }
    // Fewer words: the keyword left out, or the one shortened (物业费 → 物业), named.
    const typed = result!.query.keywords.map((k) => k.text);
    const offered = instead.q.split(' ');
    const dropped = typed.filter((w) => !offered.includes(w));
    const added = offered.filter((w) => !typed.includes(w));
    const what = added.length ? `已将“${dropped.join(' ')}”改为“${added.join(' ')}”` : dropped.length ? `已去掉“${dropped.join(' ')}”` : '已减少检索词';
    return `没有同时包含全部检索词的信息，${what}。`;
  })();
  /**
   * The offers besides the one shown (each query a link with its count), under the sentence that nothing was found or
   * under the offer's items: 您是不是要找, the organ named, the words apart, fewer words, without the filters, the whole region.
   */
  const OtherOffers = () => (result ? <>
    {regionFirst && <RegionOffers />}
    {/* A keyword typed with a wrong character (a homophone from a pinyin IME), or a 文号 one character off: the corrected
        search in the same scope and filters, when it finds something (docs/search.md, 您是不是要找). */}
    {result.didYouMean && instead?.kind !== 'didYouMean' && (
      <Offered kind="did-you-mean" label="您是不是要找" offers={[result.didYouMean]} />
    )}
    <OrganNamed />
    {/* Words typed without spaces are one phrase: the same words apart, when they find something (docs/search.md).
        The words stay whole when the line breaks (keep-words); only an unbroken run longer than the line wraps. */}
    {result.splitSuggestion && instead?.kind !== 'splitSuggestion' && (
      <Offered kind="split-suggestion" label="试试分开检索" offers={[result.splitSuggestion]} />
    )}
    {/* Keywords that together find nothing: each left out in turn, the shorter queries that find something (docs/search.md); the one shown not again. */}
    {result.fewerWords.filter((o) => !(instead?.kind === 'fewerWords' && o.q === instead.q)).length > 0 && (
      <Offered kind="fewer-words" label={instead?.kind === 'fewerWords' ? '也可以减少检索词' : '减少检索词'} offers={result.fewerWords.filter((o) => !(instead?.kind === 'fewerWords' && o.q === instead.q))} />
    )}
    {/* Nothing under the filters chosen: the same words in the same scope without them, when they find something. */}
    {unfilteredTotal !== null && unfilteredTotal > 0 && (
      <p class="wrap-anywhere"><a href={searchUrl('/search', raw, { node: '', stage: '', genre: '', year: '', validity: '', from: '', to: '', page: '1' })}>不限筛选条件检索“{said}”</a>（{countWords(unfilteredTotal)} 条）</p>
    )}
    {!regionFirst && <RegionOffers />}
  </> : null);
  /**
   * Nothing within one organ (a 文号 of another organ, say): the same search over the whole region, when it finds something
   * there; when it finds nothing there either, its words apart over the whole region; when neither, the correction there.
   */
  const RegionOffers = () => (regionOffer === 'typed' ? (
    <p class="wrap-anywhere"><a href={searchUrl('/search', raw, { organ: '', page: '1' })}>在全站检索“{said}”</a>（{countWords(regionTotal!)} 条）</p>
  ) : regionOffer === 'splitSuggestion' ? (
    <Offered kind="split-suggestion" label="在全站分开检索" offers={[regionSplit!]} region />
  ) : regionOffer === 'didYouMean' ? (
    <Offered kind="did-you-mean" label="您是不是要找" offers={[regionDidYouMean!]} region counted="全站" />
  ) : null);
  // What to try next, said plainly, when words found nothing and nothing is shown in their place (a 文号 or 索引号 no
  // item has gets its own advice; a listing by filters has no words).
  const tips = !!result && result.total === 0 && !listing && !addressed && !instead && !result.missingDocumentNumber && !result.missingIndexNumber && interactionFound(interaction) === 0 && !sitePages;
  // Found nothing: the information may still be had by asking — the organ a missing 文号's 代字 or 索引号's code names (an
  // outside tester: 岚建〔2031〕999号 linked 县住建局's list, then 向县政府申请), else the organ in scope, else the county's government.
  const numberOrgan = result?.missingDocumentNumber?.organ ?? result?.missingIndexNumber?.organ ?? null;
  const askOrgan = (numberOrgan && organs.find((o) => o.code === numberOrgan.code)) ?? scopeOrgan ?? organs.find((o) => o.kind === 'government' && o.parentId === null) ?? null;
  return (
    <PortalLayout title={heading ?? `“${shownQ}”的检索结果`} prefs={prefs} currentPath={currentPath} noindex={searched ? 'follow' : undefined}>
      {/* Broken between words only (keep-words), after the quoted query rather than inside 检索结果. */}
      <h1 class="keep-words">{heading ?? <>“{shownQ}”<wbr />的检索结果</>}</h1>
      {/* Past the form and every facet link in one Tab (a keyboard reached the first result after 61 presses). */}
      {result && <a class="skip-link" href="#results-h">跳到检索结果</a>}
      <form method="get" action="/search" class="panel search-form" role="search" aria-label="检索公开信息">
        {error && <div class="error-summary" role="alert"><p>{error.message}</p></div>}
        {/* In reading order: the box with its button (as in the header), then the options. */}
        <p class="search-box-row">
          <label for="search-q">检索词</label>
          {/* autocomplete off: Back to this page would otherwise give the box back as it was last typed, not the words of
              the results shown, and 按以上选项检索 would search those (an outside tester). */}
          <input type="search" id="search-q" name="q" value={q} autocomplete="off" aria-describedby={blank ? 'search-blank search-hint' : 'search-hint'} aria-invalid={error?.field === 'q' ? 'true' : undefined} autofocus={blank || undefined} />
          <button type="submit" class="btn">检索</button>
        </p>
        {blank && <p class="notice notice-info" id="search-blank">请输入检索词：关键词、文号或索引号。</p>}
        {scopeUnit && scopeOrgan && <p class="notice notice-info">{scopeUnit.name}是{scopeLabel(scopeOrgan)}的下属单位，不单独发布信息，已在{scopeLabel(scopeOrgan)}范围内检索。</p>}
        {/* What was done with what was typed, above the results (docs/search.md, "Limits"): a pasted long text, a range typed the other way round. */}
        {/* Cut at a space or punctuation before the 100th character (query-cut.ts), the page says why it is fewer: an outside tester asked "why 86?". */}
        {queryCut && <p class="notice notice-info" id="search-cut">检索词过长（{queryCut.typedChars} 个字），已按前 {queryCut.searchedChars} 个字检索{queryCut.searchedChars < MAX_QUERY_CHARS
          ? `：最多 ${MAX_QUERY_CHARS} 个字，在此前最近的标点或空格处截断，以免切开词语。`
          : `（最多 ${MAX_QUERY_CHARS} 个字）。`}</p>}
        {datesSwapped && <p class="notice notice-info" id="search-swapped">起止日期已对调：按发布日期从 <span class="nowrap">{raw.from}</span> 至 <span class="nowrap">{raw.to}</span> 检索。</p>}
        {/* Folded on a phone (open when an option is set or refused); on a wide screen always shown, without the summary (site.css). */}
        <details class="search-options" open={optionsSet}>
          <summary>检索选项<span class="count fold-detail">（范围、效力、年份、体裁、五公开、排序、发布日期）</span></summary>
        <p>
          {/* Each label with its control (.search-pair): they wrap together on a narrow screen, the control shrinking to fit. */}
          <span class="search-pair"><label for="search-scope">范围</label>
          <select id="search-scope" name="organ">
            <option value="">全站</option>
            {scopes.map((o) => <option value={o.code} selected={raw.organ === o.code}>{scopeLabel(o)}</option>)}
          </select></span>{' '}
          {/* Every filter the facets offer, reachable from the form: the facets are counted over the newest 1,000 matches, so an
              organ's 已废止 or older years could not be chosen there (an outside tester). 不限 is sent empty and dropped. */}
          {choices.map(({ name, label: title, options }) => <><span class="search-pair"><label for={`search-${name}`}>{title}</label>
          <select id={`search-${name}`} name={name}>
            <option value="">不限</option>
            {options.map(([value, text]) => <option value={value} selected={raw[name] === value}>{text}</option>)}
          </select></span>{' '}</>)}
          <span class="search-pair"><label for="search-sort">排序</label>
          <select id="search-sort" name="sort">
            <option value="relevance" selected={!newestShown}>按相关度</option>
            <option value="newest" selected={newestShown}>按发布日期（最新在前）</option>
          </select></span>{' '}
          <span class="search-pair date-pair"><label for="search-from">发布日期从</label>
          <input type="date" id="search-from" name="from" value={raw.from ?? ''} aria-invalid={error?.field === 'from' ? 'true' : undefined} /></span>{' '}
          <span class="search-pair date-pair"><label for="search-to">至</label>
          <input type="date" id="search-to" name="to" value={raw.to ?? ''} aria-invalid={error?.field === 'to' ? 'true' : undefined} /></span>
          {raw.node && <input type="hidden" name="node" value={raw.node} />}
        </p>
        {/* The options end with a button of their own (an outside tester: at 适老化 + 大 on a 360 px phone the opened options
            took some 900 px, the only 检索 button above them). The same form: it sends the box's words with the options. */}
        <p class="search-options-send"><button type="submit" class="btn">按以上选项检索</button></p>
        <p class="count" id="search-hint">最多 100 个字。多个词用空格分开，须同时出现；可直接输入文号{numberExample ? `（如 ${numberExample}）` : ''}或索引号。</p>
        </details>
      </form>
      {result && (
        <div class="grid search-grid">
          <aside aria-label="筛选" class="wide-only">
            <Chosen />
            <Facets />
          </aside>
          <section aria-labelledby="results-h">
            {/* A phone shows the chosen conditions, the facets folded into one control, then the results (issue 15). */}
            <div class="narrow-only">
              <Chosen />
              {withFacets.length > 0 && (
                <details class="tree-toggle facet-toggle keep-words">
                  <summary>按条件筛选<span class="fold-detail">（{withFacets.map(([, t]) => t).join('、')}）</span></summary>
                  <FoldedFacets />
                </details>
              )}
            </div>
            {addressed && <Addressed />}
            {/* Nothing found as typed, and an offer's items shown in their place (docs/search.md, "What a search that found
                nothing shows"): the heading says what was not found and whose items follow, with their count — never 共找到 0 条
                above items (two outside testers read that as a failure). It is the skip link's target, so it reads so too.
                A query in it breaks between words only (keep-words), a long unbroken one anywhere. */}
            {!addressed && instead && <>
            <h2 id="results-h" class="search-instead-h" tabindex={-1}>{within ? `在${within}` : ''}<NotFound />；以下是{instead.kind === 'splitSuggestion' ? '分开检索' : ''}<span class="keep-words">“{instead.q}”</span>的结果（{countAfter('共', instead.total)} 条{instead.total > instead.hits.length ? `，这里列出前 ${instead.hits.length} 条` : ''}）</h2>
            <SitePagesBlock found={sitePages} />
            <InteractionBlock found={interaction} />
            <section class="offer-preview">
              <p class="wrap-anywhere">{insteadWhy}</p>
              <ol class="search-results">
                {instead.hits.map((h) => <Hit h={h} />)}
              </ol>
              {instead.total > instead.hits.length && <p><a href={searchUrl('/search', raw, { q: instead.q, page: '1' })}>{instead.total > TOTAL_CAP ? `查看“${instead.q}”的全部结果（${countWords(instead.total)} 条）` : `查看“${instead.q}”的全部 ${instead.total} 条结果`}</a></p>}
            </section>
            {result.missingDocumentNumber && <MissingNumber m={result.missingDocumentNumber} headed />}
            <OtherOffers />
            </>}
            {/* Nothing found has nothing to sort: the order and its switch only with results. */}
            {/* Words that found nothing, and nothing shown in their place: the heading names what was not found, as the one over
                an offer's items does (a screen reader landing on 共找到 0 条 heard no search words; an outside tester). */}
            {!addressed && !instead && result.total === 0 && !listing && (
              <h2 id="results-h" class="search-instead-h" tabindex={-1}>{within ? `在${within}` : ''}<NotFound /></h2>
            )}
            {!addressed && !instead && <>
            {(result.total > 0 || listing) && <h2 id="results-h" class="count" tabindex={-1}>{result.totalCapped ? `找到超过 ${TOTAL_CAP.toLocaleString('zh-CN')} 条，显示前 ${TOTAL_CAP.toLocaleString('zh-CN')} 条` : `共找到 ${result.total} 条`}{result.total > 0 && (listing
              // Without words there is no relevance: the order is said, with no switch to offer.
              ? '，按发布日期排列（未输入检索词，不按相关度排序）'
              : <>{raw.sort === 'newest' ? '，按发布日期排列' : '，按相关度排列'}{' '}
              <a href={searchUrl('/search', raw, { sort: raw.sort === 'newest' ? 'relevance' : 'newest', page: '1' })}>{raw.sort === 'newest' ? '改为按相关度' : '改为最新在前'}</a></>)}
            </h2>}
            {/* 意见征集 and 建议提案 the words find — what a resident often wants (docs/search.md, "意见征集 and 建议提案") — right
                under the heading with the count (or the one saying no item was found), before the notes on the items and the
                items: one found shown, the rest under 更多, so the count and the first items stay in a phone's first screen. */}
            <SitePagesBlock found={sitePages} />
            <InteractionBlock found={interaction} />
            {/* Keywords found only inside longer words, synonyms searched too (docs/search.md, "Telling the reader"). */}
            {result.total > 0 && ((result.notWholeWords?.length ?? 0) > 0 || result.synonyms.length > 0) && (
              <p class="count search-notes">
                {result.notWholeWords?.length ? `${result.notWholeWords.map((w) => `「${w}」`).join('')}未作为独立词语出现，以下结果中${result.notWholeWords.length > 1 ? '它们' : '它'}是较长词语的一部分。` : ''}
                {result.synonyms.length ? `已同时检索：${result.synonyms.flatMap((s) => s.added).join('、')}` : ''}
              </p>
            )}
            {result.total > 0 && <OrganNamed />}
            {/* A 文号 no item has, while its characters are found in others (岚建〔2026〕6 inside 岚建〔2026〕63号): said above them. */}
            {result.total > 0 && result.missingDocumentNumber && (
              <p class="count wrap-anywhere">没有找到文号为 <span class="nowrap">{result.missingDocumentNumber.documentNumber}</span> 的文件，以下是包含“{said}”的信息。</p>
            )}
            {/* Very few found, and the words apart find more: the offer above the results (docs/search.md). */}
            {result.total > 0 && result.splitSuggestion && (
              <Offered kind="split-suggestion" label="试试分开检索" offers={[result.splitSuggestion]} />
            )}
            {/* An echoed query wraps anywhere (wrap-anywhere): a pasted address is one unbroken word, which widened the page to 816 px at 390. */}
            <PagedList page={page} pageSize={pageSize} total={Math.min(result.total, TOTAL_CAP)} empty={listing ? (
              <p>{within ? `在${within}` : ''}没有公开信息。请放宽或取消筛选条件，或输入检索词。</p>
            ) : <>
              {/* A 文号 no item has: said as a number, not as words, with its neighbours and the organ's list (docs/search.md). */}
              {result.missingDocumentNumber ? <MissingNumber m={result.missingDocumentNumber} headed /> : result.missingIndexNumber ? <MissingIndex m={result.missingIndexNumber} /> : (
                raw.organ && regionTotal === 0 && <p class="wrap-anywhere">全站范围内也没有找到。</p>
              )}
              <OtherOffers />
            </>}>
              <ol class="search-results" start={(page - 1) * pageSize + 1}>
                {result.hits.map((h) => <Hit h={h} />)}
              </ol>
              {result.hits.length === 0 && <p>没有更多结果了。</p>}
            </PagedList>
            </>}
            {/* The natural next steps when nothing is found: what to try (for words that found nothing and were offered
                nothing shown), and asking for the information (依申请公开, 条例第二十七条) or writing (部门信箱). */}
            {result.total === 0 && askOrgan && (
              <div class="panel" id="search-next-steps">
                {tips && <>
                  <p>可以这样再试：</p>
                  <ul>
                    <li>检查用字：有没有错别字、同音字；</li>
                    <li>减少检索词，或换用更短、更常用的词语；</li>
                    <li>几个词语之间用空格分开：各词只须同时出现，不必相连；</li>
                    {conditioned && <li>放宽或取消筛选条件；</li>}
                    <li>查找某一文件，可以直接输入文号{numberExample ? `（如 ${numberExample}）` : ''}或索引号（信息页面上标有）；</li>
                    <li>按目录查看：{scopeOrgan
                      ? <a href={`/organs/${scopeOrgan.code}`}>{scopeLabel(scopeOrgan)}的政府信息公开目录</a>
                      : <a href="/organs">各机关的政府信息公开目录</a>}。</li>
                  </ul>
                </>}
                <p>所需信息没有主动公开的，可以依申请公开（《中华人民共和国政府信息公开条例》第二十七条）：</p>
                <ul>
                  <li><a href={`/organs/${askOrgan.code}/apply`}>向{scopeLabel(askOrgan)}申请政府信息公开</a>（依申请公开，无需注册）</li>
                  <li><a href={`/organs/${askOrgan.code}/letters/new`}>给{scopeLabel(askOrgan)}写信</a>（部门信箱：咨询、建议、投诉）</li>
                </ul>
              </div>
            )}
            {result.totalCapped && <p class="count">结果较多，只列出前 {(result.total - 1).toLocaleString('zh-CN')} 条；请增加检索词或选择筛选条件缩小范围。</p>}
            {/* The heading gives the count: the pager only when there is more than one page (or this one is past the end), never a second 共 N 条. */}
            {(Math.min(result.total, TOTAL_CAP) > pageSize || page > 1) && <Pagination page={page} pageSize={pageSize} total={Math.min(result.total, TOTAL_CAP)} href={(p) => searchUrl('/search', raw, { page: String(p) })} capped={result.totalCapped} />}
          </section>
        </div>
      )}
    </PortalLayout>
  );
}
