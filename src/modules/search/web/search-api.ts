import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DISCLOSURE_STAGES, scopeLabel, STAGE_LABELS, VALIDITIES, VALIDITY_LABELS } from '../../catalog/index.ts';
import type { SearchFn } from '../use-cases/search-cache.ts';
import { organListOf } from '../use-cases/search-publications.ts';
import { searchVisitorOf, type SearchTermCounter } from '../use-cases/search-terms.ts';
import { portalHostsOf, readSearchParams, refuseRepeated } from './search-params.ts';
import { addressedSearch, type AddressedItem } from '../use-cases/addressed-item.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { listsWithoutWord, narrowedBeyondScope } from '../domain/search-request.ts';
import { offerShown } from '../use-cases/offer-shown.ts';
import { interactionFound, interactionMatches, looksForInteraction } from '../use-cases/interaction-matches.ts';
import { sitePageLinks } from '../use-cases/site-page-links.ts';
import { SITE_PAGE_WORDS } from '../domain/site-pages.ts';

const str = (d: string) => z.string().optional().describe(d);
// Read as text and checked by readSearchParams (a refusal in Chinese with its ERR_SEARCH_ code, never the validator's), but
// described as what they take (an outside tester: every parameter was {"type":"string"} in /api/openapi.json).
const int = (d: string, minimum: number, maximum: number) => str(d).meta({ type: 'integer', minimum, maximum });
const oneOf = (values: readonly string[], d: string) => str(d).meta({ enum: [...values] });
/** What a 400 of the search may say (docs/errors.md): listed in the OpenAPI text, not checked on the way out. */
const SEARCH_ERRORS = ['ERR_SEARCH_EMPTY_QUERY', 'ERR_SEARCH_UNKNOWN_ORGAN', 'ERR_SEARCH_INVALID_DATE', 'ERR_SEARCH_BAD_PARAMETER'] as const;
const searchQuery = z.object({
  // Optional here so that a missing q gets the API's own refusal (ERR_SEARCH_EMPTY_QUERY, in Chinese), not the validator's.
  q: z.string().optional().describe('检索词，多个词用空格分开（须同时出现）；也可以是文号或索引号。缺少、为空或只有空格时：给出了至少一个筛选条件（organ、node、stage、genre、year、validity、from、to）则按发布日期列出符合条件的信息（最新在前，不按相关度，listing 为 true，sort 为 newest）；没有筛选条件而 sort 为 newest 时按发布日期列出全部公开信息（同样有上限）；两者都没有时答 400 ERR_SEARCH_EMPTY_QUERY / keywords separated by spaces (all must occur), or a 文号 / index number; missing, empty or only spaces: with at least one filter (organ, node, stage, genre, year, validity, from, to) the items they let through are listed newest first (no relevance; listing true, sort newest); with no filter but sort=newest, every published item is listed newest first (bounded alike); with neither, 400 ERR_SEARCH_EMPTY_QUERY'),
  organ: str('机关代码（facets.organ 的 value）：只查该机关自己发布的信息（含其下属单位报送、由它发布的），不含其下的其他机关，与 facets.organ 的数量一致；下属单位不单独发布信息，给出其代码时检索其所属机关（见回答的 scope）；不是机关代码时答 400 ERR_SEARCH_UNKNOWN_ORGAN / organ code (a facets.organ value): the items that organ publishes itself (its internal units\' included), not those of the organs under it, as facets.organ counts them; an internal unit\'s code searches the organ that publishes for it (see scope in the answer)'),
  node: int('目录栏目编号（含子栏目），正整数；没有该栏目时答 400 ERR_SEARCH_BAD_PARAMETER / catalog node id, including sub-nodes', 1, 2 ** 31 - 1),
  stage: oneOf(DISCLOSURE_STAGES, '五公开阶段：decision（决策公开） execution（执行公开） management（管理公开） service（服务公开） result（结果公开）；其他值答 400 ERR_SEARCH_BAD_PARAMETER / disclosure stage'),
  genre: str('体裁，如 通知（facets.genre 的 value）；没有该体裁的信息时答 400 ERR_SEARCH_BAD_PARAMETER / genre'),
  year: int('发布年份 / year published', 1949, 2200),
  validity: oneOf(VALIDITIES, '效力：valid（有效） amended（已修改） repealed（已废止） expired（已失效）；其他值答 400 ERR_SEARCH_BAD_PARAMETER / validity'),
  from: str('发布日期起（YYYY-MM-DD） / published on or after'),
  to: str('发布日期止（YYYY-MM-DD） / published on or before'),
  sort: oneOf(['relevance', 'newest'], 'relevance（默认，相关度）或 newest（最新在前） / relevance (default) or newest first'),
  page: int('页码，从 1 开始，最多 1000 / page, from 1', 1, 1000),
  pageSize: int('每页条数，1–50，默认 20 / items per page, 1–50, default 20', 1, 50),
});
const part = z.object({ text: z.string(), hit: z.boolean().describe('是否为命中的检索词 / a matched keyword') });
const facet = z.array(z.object({
  value: z.string().describe('同名参数接受的值（机关为机关代码） / what the parameter of the same name takes (an organ: its code)'),
  label: z.string().describe('门户上显示的中文名称 / the Chinese label the portal shows'),
  count: z.number().int().describe('以此值筛选时的结果数（facetsSampled 不为 null 时按样本统计） / the results filtering by this value gives (over the sample when facetsSampled is set)'),
}));
const organRef = z.object({ code: z.string(), name: z.string(), label: z.string().describe('门户上的称呼（简称） / how the portal words it (short name)') });
const interactionList = z.object({ organ: organRef, url: z.string().describe('该机关的列表地址 / the organ’s list') });
const searchAnswer = z.object({
  query: z.string().describe('规范化后的检索词 / the query as understood'),
  total: z.number().int().describe('符合条件的信息总数，最多计到 1,001 / number of matching items, counted up to 1,001'),
  totalCapped: z.boolean().describe('超过 1,000 条时为 true，只能翻到第 1,000 条 / true when more than 1,000 items match; pages stop at the 1,000th'),
  facetsSampled: z.number().int().nullable().describe('为 null 时各维度数量按全部结果统计，否则按最新的这么多条统计 / null when facet counts cover every match, else the number of newest matches they cover'),
  page: z.number().int(), pageSize: z.number().int(),
  sort: z.enum(['relevance', 'newest']).describe('实际采用的排序：按条件列出（listing 为 true）时总是 newest / the order used: always newest for a listing'),
  listing: z.boolean().describe('未给检索词、按筛选条件（或 sort=newest 列出全部）列出时为 true：按发布日期排列（最新在前），不计相关度，摘录中没有命中词（有内容概述的显示内容概述，否则显示正文开头） / true when no q was given and the filters alone (or, with sort=newest, everything) are listed: newest first, no relevance, nothing marked in the snippet (the item’s summary when it has one, else the start of its text)'),
  scope: z.object({
    code: z.string(), name: z.string(), label: z.string().describe('门户上的称呼（简称，无简称时为全称） / how the portal words it (short name)'),
    unit: z.object({ code: z.string(), name: z.string() }).nullable().describe('给出的是下属单位时为该单位，检索的是其所属机关 / the internal unit asked for, when organ named one'),
  }).nullable().describe('检索的机关，全站检索时为 null / the organ searched, null for the whole site'),
  items: z.array(z.object({
    id: z.number().int(), title: z.string(), url: z.string().describe('门户上的地址 / portal address'),
    titleParts: z.array(part).describe('标题，命中词已标出 / title with matches marked'),
    organ: z.object({ code: z.string(), name: z.string() }),
    catalogPath: z.array(z.string()).describe('目录栏目路径 / catalog path'),
    publishedOn: z.string(), indexNumber: z.string().nullable(), documentNumber: z.string().nullable(), validity: z.string(),
    snippet: z.array(part).describe('摘录，命中词已标出 / snippet with matches marked'),
    attachmentHit: z.string().nullable().describe('只在附件中命中时为附件文件名 / file name when found only in an attachment'),
    exactNumber: z.boolean().describe('文号或索引号与检索词完全一致 / the 文号 or index number is the query'),
    exactNumberMatch: z.object({
      kind: z.enum(['documentNumber', 'indexNumber']).describe('documentNumber（文号）或 indexNumber（索引号） / which number matched: the field of that name'),
      value: z.string().describe('该条信息中的写法 / the number as the item writes it'),
    }).nullable().describe('exactNumber 为 true 时，与检索词一致的是文号（documentNumber）还是索引号（indexNumber），否则为 null / when exactNumber is true, which number the query is: documentNumber or indexNumber; else null'),
  })),
  facets: z.object({ organ: facet, node: facet, stage: facet, genre: facet, year: facet, validity: facet }),
  notWholeWords: z.array(z.string()).nullable().describe('排在前面的结果都只在较长词语中含有的检索词（如“危房改造”中的“房改”）；按发布日期排序、无结果或文号完全一致时为 null / keywords that the ranked results hold only inside longer words; null when not worked out (newest first, no match, an exact number)'),
  synonyms: z.array(z.object({ keyword: z.string(), added: z.array(z.string()) })).describe('同时检索的同义词 / synonyms searched as well, per keyword'),
  splitSuggestion: z.object({ q: z.string(), total: z.number().int() }).nullable().describe('没有结果时，把连写的检索词分开后的检索式及其结果数（有结果才给出）；结果不超过 3 条时，分开后结果更多才给出 / nothing found: the same words apart and how many items they find, when any; up to 3 found: the same, when apart they find more'),
  didYouMean: z.object({
    q: z.string(), total: z.number().int(),
    kind: z.enum(['homophone', 'shape', 'documentNumber']).describe('改正的是什么：homophone（读音相同的字）、shape（字形相近或其他的字）、documentNumber（文号的发文机关代字） / which slip was mended: a homophone, a character of another shape, or a 文号’s 代字'),
  }).nullable().describe('您是不是要找：没有结果（分开检索也没有）时，把检索词中打错的一个字（同音字，或形近等其他字）改正后的检索式（其他检索词、范围和筛选条件不变）及其结果数，有结果才给出，否则为 null / did you mean: nothing found (nor with the words apart), the query with a keyword’s wrong character replaced — by a homophone, else by a character of another shape — so that it makes a known word (the other keywords, scope and filters kept) and how many items it finds; only when it finds any, else null'),
  organNamed: z.object({ organ: z.string(), organName: z.string(), q: z.string(), total: z.number().int().nullable() }).nullable().describe('检索词中有一个是某机关的名称（如“住建局 公示”）时：其余检索词 q 在该机关范围内的结果数 total（有结果才给出；在全站或该机关本身范围内检索时）；只输入机关名称时 q 为空、total 为 null，指向该机关的政府信息公开页面；否则为 null / a keyword names one organ: the other words q within that organ and how many items they find there (only when any; searching the whole region or that organ); the name alone: q empty, total null (the organ’s pages); else null'),
  queryTruncated: z.object({ typedChars: z.number().int(), searchedChars: z.number().int() }).nullable().describe('检索词超过 100 个字时，只按前面的部分检索（query 即所检索的部分，尽量在空格或标点处截断，不拆开任何字符）：typedChars 为输入的字数，searchedChars 为检索的字数；否则为 null / a query over 100 characters is searched by its start (query gives it; cut at a space or punctuation near the limit where there is one, never inside a character): how many characters were typed and searched; else null'),
  datesSwapped: z.boolean().describe('起始日期晚于截止日期时已将二者对调后检索 / from was after to: they were swapped before searching'),
  addressedItem: z.object({
    status: z.enum(['published', 'withdrawn', 'page', 'notFound']).describe('published（已发布，即 items 的唯一一条） withdrawn（已撤回） page（本站的机关首页、政府信息公开目录或栏目页面，见 kind） notFound（本站没有这一地址：信息不存在或未公开，或页面不存在） / published (the one item of items), withdrawn, page (an organ’s home, its catalog or a column: see kind), or notFound (no such item or page, or not public)'),
    kind: z.enum(['item', 'organ', 'catalog', 'column']).describe('地址所指：item（一条信息） organ（机关的政府信息公开首页） catalog（机关的政府信息公开目录） column（目录中的一个栏目）；notFound 时为所查地址的种类 / what the address is: an item, an organ’s home, its whole catalog, a column; for notFound, what the address would be'),
    id: z.number().int().nullable().describe('信息的编号；页面或 notFound 时为 null / the item’s id; null for a page or notFound'),
    title: z.string().nullable().describe('信息标题；页面为栏目名称、“政府信息公开目录”或机关名称 / the item’s title; for a page, the column’s name, 政府信息公开目录 or the organ’s name'),
    organ: z.object({ code: z.string(), name: z.string() }).nullable().describe('信息或页面所属的机关；notFound 时为 null / the organ of the item or page; null for notFound'),
    url: z.string().nullable().describe('该信息在门户上的地址（已撤回的，该地址说明撤回） / the item’s portal address (for a withdrawn item, where its withdrawal is stated)'),
    redirected: z.boolean().nullable().describe('true：检索词是该信息的原网址（如迁移前旧网站的地址），门户将其转到该信息的地址；false：即该信息的地址；notFound 时为 null / true: the query is an older address of the item (an old site’s) that the portal redirects to its page; false: the item’s own address; null for notFound'),
  }).nullable().describe('检索词是网址（完整网址、不带 http:// 或只有路径，可带 ? 参数或 # 片段）时，按门户对该地址的应答给出：本站某条信息页面的地址，或门户转到某条信息页面的原网址（如迁移前旧网站的地址），不按文字检索，而给出该信息——已发布的为 items 中唯一的一条；已撤回的给出标题和地址。本站机关首页、政府信息公开目录或栏目的地址（/organs/代码、/organs/代码/catalog、/organs/代码/catalog/编号）给出该页面（status 为 page，见 kind、title、organ、url）。本站信息页面或上述页面的地址在门户上不存在（编号不存在、未发布，或机关代码不是该信息的机关、该栏目的机关）时只说没有（notFound），id、title、organ、url、redirected 为 null。其他网址（含转到未发布信息的原网址）照常按文字检索，此处为 null / the query is an address, answered as the portal answers it: one of this portal’s item pages (full, without the scheme, or the path; a query string or #fragment allowed), or an older address the portal redirects to an item’s page (an old site’s) — that item instead of a search of the words: published, the one item of items; withdrawn, its title and address. An organ’s home, its catalog or a column (/organs/code, /organs/code/catalog, /organs/code/catalog/id): that page (status page; see kind, title, organ, url). Such an address or an item page’s that the portal answers 404 (no such item or page, not published, another organ’s code): only that (notFound), id, title, organ, url and redirected null. Any other address (an old one leading to an item not published included) is searched as words and this is null'),
  missingDocumentNumber: z.object({
    documentNumber: z.string().describe('所查文号的规范写法，如 岚建〔2026〕6号 / the 文号 asked for, written one way'),
    nearby: z.array(z.object({ id: z.number().int(), title: z.string(), url: z.string(), documentNumber: z.string(), publishedOn: z.string() }))
      .describe('同一发文机关代字、同一年份、序号最接近的已发布文件（在同一范围和筛选条件下，最多 5 件，新发布的在前） / the published documents of the same 代字 and year with the nearest serials (same scope and filters; at most 5, newest first)'),
    organ: z.object({ code: z.string(), label: z.string() }).nullable().describe('使用该代字的机关（可按 organ=code 不带检索词列出其全部信息）；不知道时为 null / the organ whose 代字 it is (organ=code without q lists its items); null when not known'),
  }).nullable().describe('检索词是一个文号（代字、年份、序号）而在范围内没有这一文号的文件时给出，否则为 null / the query is a 文号 (代字, year, serial) and no item in the scope has it; else null'),
  missingIndexNumber: z.object({
    indexNumber: z.string().describe('所查的索引号 / the 索引号 asked for'),
    organ: z.object({ code: z.string(), label: z.string() }).nullable().describe('索引号开头的代码所属的机关（可按 organ=code 不带检索词列出其全部信息）；没有这样的机关时为 null / the organ whose code the 索引号 starts with (organ=code without q lists its items); null when none'),
    format: z.string().describe('该机关索引号的组成，如 11341525000007021K/发布年份（4 位）-5 位流水号 / how that organ’s 索引号 are made, in words'),
  }).nullable().describe('没有结果，且检索词是一个索引号（机关代码/年份-流水号）而在范围内没有这一索引号的信息时给出，否则为 null / nothing found and the query is an 索引号 (organ code/period-serial) no item in the scope has; else null'),
  regionOffer: z.object({
    kind: z.enum(['typed', 'splitSuggestion', 'didYouMean']).describe('typed（同一检索词在全站）、splitSuggestion（在全站分开检索）或 didYouMean（全站范围内改正错字后） / the same words over the whole region as typed, apart, or corrected'),
    q: z.string().describe('该检索式（不带 organ 检索） / the offered query (searched without organ)'),
    total: z.number().int().describe('该检索式在全站的结果数 / how many items it finds over the whole region'),
  }).nullable().describe('在某一机关范围内（organ）没有结果时，全站范围内保留全部检索词的推荐（门户的“在全站检索”“在全站分开检索”“您是不是要找（全站 N 条）”）；范围内只有减少检索词可推荐时它排在最前，shownInstead 为 null（门户不以减少检索词的结果代替）。否则为 null / nothing found within an organ (organ given): the whole region’s offer that keeps every keyword — as typed, apart or corrected — as the portal makes it; when the only in-scope offer is fewer words, this one comes first and shownInstead is null (the portal shows no fewer-words items in place of none). Else null'),
  shownInstead: z.object({
    kind: z.enum(['splitSuggestion', 'didYouMean', 'fewerWords']).describe('splitSuggestion（分开检索）、didYouMean（您是不是要找）或 fewerWords（减少检索词，其中第一个） / which offer: the field of that name (for fewerWords, its first)'),
    q: z.string().describe('该检索式 / the offered query'),
    total: z.number().int().describe('该检索式的结果数（同一范围和筛选条件） / how many items it finds (same scope and filters)'),
  }).nullable().describe('没有结果（total 为 0，items 为空）而有检索式可推荐且有结果时，门户在“没有找到包含“…”的公开信息；以下是“…”的结果（共 N 条）”下列出其前 5 条的那个检索式：分开检索，否则您是不是要找，否则减少检索词的第一个；用 q 再检索即得其结果。否则为 null（包括只在全站范围内有结果的推荐） / nothing found (total 0, no items) and an offered query finds something: the one whose first 5 items the portal shows under "no item holds …; these are the results of … (N)" — the words apart, else the correction, else the first of fewerWords; search q for its items. Else null (also when only the whole region’s offers find something)'),
  fewerWords: z.array(z.object({ q: z.string(), total: z.number().int() })).describe('没有结果（分开检索、错字改正也没有）且有 2–6 个检索词时：去掉其中一个检索词后有结果的检索式及其结果数，结果多的在前，最多 3 个（该词缩短或拆成其中的词后仍有结果的检索式在前：物业费 → 物业，被拖欠 → 拖欠）；去掉哪一个都没有结果时，为同时出现能找到信息的尽量多的词（先整词、从最长的起，再试未保留的词拆出的词：工人工资 → 工人 工资；至少 2 个，至多 6 个）这一个检索式 / nothing found (nor apart or corrected) with 2–6 keywords: the query with one keyword left out, for those that find something, most found first, at most 3 (before them the query with that keyword shortened or cut into its words, when it finds something); when none does, the one query of the most words that find something together (whole keywords longest first, then the words of those not kept; at least 2, at most 6)'),
  interaction: z.object({
    consultations: z.object({
      total: z.number().int().describe('标题包含全部检索词的意见征集数（已开始的） / how many consultations (started ones) hold every keyword in their titles'),
      items: z.array(z.object({
        id: z.number().int(), title: z.string(), titleParts: z.array(part).describe('标题，命中词已标出 / title with matches marked'),
        url: z.string().describe('门户上的地址 / portal address'), organ: organRef,
        startOn: z.string().describe('征集开始日期 / first day of comments'), endOn: z.string().describe('征集截止日期 / last day of comments'),
        open: z.boolean().describe('true：正在征集（今天在征集期内）；false：已结束 / true while comments are taken (today within the period), false once it has ended'),
      })).describe('最多 3 项：正在征集的在前，其余按开始日期（新的在前） / at most 3: open ones first, then newest first'),
      lists: z.array(interactionList).describe('total 多于 items 时，包含其余各项的机关意见征集列表（最多 3 个，项数多的在前）；否则为空 / when total exceeds items: the organs’ 意见征集 lists holding the rest (at most 3, most first); else empty'),
    }),
    proposals: z.object({
      total: z.number().int().describe('标题包含全部检索词的已公开建议提案办理结果数 / how many published proposal results hold every keyword in their titles'),
      items: z.array(z.object({
        id: z.number().int(), title: z.string(), titleParts: z.array(part).describe('标题，命中词已标出 / title with matches marked'),
        url: z.string().describe('门户上的地址 / portal address'), organ: organRef,
        kind: z.enum(['suggestion', 'proposal']).describe('suggestion（人大代表建议）或 proposal（政协提案） / a deputy’s suggestion or a CPPCC member’s proposal'),
        kindLabel: z.string().describe('人大代表建议 或 政协提案 / the kind in Chinese'),
        year: z.number().int(), number: z.string().describe('编号，如 第0123号 / the number'),
        repliedOn: z.string().describe('答复日期 / replied on'), publishedOn: z.string().describe('公开日期 / published on'),
      })).describe('最多 3 项，新公开的在前 / at most 3, newest published first'),
      lists: z.array(interactionList).describe('total 多于 items 时，包含其余各项的机关建议提案办理结果列表（最多 3 个）；否则为空 / when total exceeds items: the organs’ result lists holding the rest (at most 3); else empty'),
    }),
  }).nullable().describe('标题包含全部检索词（与信息相同的匹配规则：全角半角、大小写不计，同义词同时检索）的意见征集和已公开的建议提案办理结果，范围与 organ 相同（某一机关自己的，或全站）；只在第 1 页、有检索词且除 organ 外没有筛选条件（node、stage、genre、year、validity、from、to 只适用于公开信息）时给出，否则为 null；不计入 total。/ the consultations and published proposal results whose titles hold every keyword (the items’ rule: full-width and case not counted, synonyms too), in the scope organ gives (one organ’s own, or the whole region); given on page 1 of a search with words and no filter but organ (node, stage, genre, year, validity, from and to apply to items only), else null; not counted in total'),
  sitePages: z.object({
    organ: organRef.describe('这些页面所属的机关：检索词中提到的机关，否则 organ 所指的机关，否则全站的县级人民政府 / whose pages: the organ the words name, else the organ in scope, else the region’s government'),
    pages: z.array(z.object({
      page: z.enum(SITE_PAGE_WORDS.map((p) => p.page) as [string, ...string[]]).describe('guide（政府信息公开指南）、rules（制度）、annualReports（年报）、statutory（法定主动公开内容）、catalog（公开目录）、apply（依申请公开）、applicationStatus（依申请公开办理进度查询）、letters（部门信箱写信）、letterStatus（信件办理进度查询）、contact（联系方式，机关首页）、functions（机构职能、内设机构和领导信息，机关首页） / which page'),
      title: z.string().describe('页面名称 / what the page is called'), url: z.string().describe('门户上的地址 / portal address'),
    })).describe('检索词所问的页面，按门户列出的顺序 / the pages asked for, in the portal’s order'),
    contact: z.object({ phone: z.string().nullable().describe('咨询电话 / the organ’s 咨询电话'), address: z.string().nullable().describe('办公地址 / address'), officeHours: z.string().nullable().describe('办公时间 / office hours') })
      .nullable().describe('问联系方式时给出该机关公开的联系方式中所问的：问电话（或只问怎么联系）给 phone，问地址、在哪里给 address，问办公时间、上班时间给 officeHours，问联系方式三者都给；未问到或未填写的为 null。不问联系方式时为 null / asked how to reach the organ: the public contact details asked for — phone for 电话, address for 地址/在哪里, officeHours for 办公时间/上班时间, all three for 联系方式; null where not asked or not filled in. Else null'),
    regionWide: z.boolean().describe('true：检索词未提到机关、也没有 organ，给出的是县级人民政府的页面，各机关另有各自的（/organs） / true: no organ named nor in scope — the region’s government’s pages; each organ has its own (/organs)'),
  }).nullable().describe('检索词只由门户页面的名称或常用叫法（公开指南、年报、依申请公开、信箱、电话、办公时间、机构职能等）、提问的字词和至多一个机关名称组成时，门户自己的这些页面（门户在结果上方的“本站栏目/服务”）；只在第 1 页、有检索词且除 organ 外没有筛选条件时给出，否则为 null；不计入 total / the words ask only for the portal’s own pages (their names or what people call them, words that only ask, at most one organ’s name): those pages, as the portal’s 本站栏目/服务 panel; on page 1 of a search with words and no filter but organ, else null; not counted in total'),
});
/** The API's addressedItem: the same fields whatever the status, null where the public may not know them. */
const addressedJson = (a: AddressedItem) => {
  if (a.status === 'notFound') return { status: a.status, kind: a.of, id: null, title: null, url: null, redirected: null, organ: null };
  const organ = { code: a.organ.code, name: a.organ.name };
  if (a.status === 'page') return { status: a.status, kind: a.kind, id: null, title: a.title, url: a.url, redirected: false, organ };
  return { status: a.status, kind: 'item' as const, id: a.id, title: a.title, url: a.url, redirected: a.redirected, organ };
};
const errorAnswer = z.object({ error: z.object({ code: z.string().meta({ enum: [...SEARCH_ERRORS] }).describe('ERR_SEARCH_ 错误码（docs/errors.md） / the error code'), message: z.string().describe('中文说明，指出参数及应如何填写 / what is wrong, in Chinese'), field: z.string().optional().describe('有误的参数名 / the parameter at fault'), reasons: z.array(z.object({ code: z.string().meta({ enum: [...SEARCH_ERRORS] }), message: z.string(), field: z.string().optional() })) }) });

/** GET /api/v1/search — the same search, facets and ranking as the portal page. */
export const searchApi = (deps: AppDeps, search: SearchFn, terms: SearchTermCounter): FastifyPluginAsyncZod => async (app) => {
  app.get('/search', {
    schema: {
      tags: ['search'], summary: '检索已发布信息',
      description: '按相关度（默认）或发布日期排序，附各维度的数量统计；检索词以子串方式匹配（两字词、复合词中的词都能找到）。 / Full-text search of published items with facet counts.',
      querystring: searchQuery,
      response: {
        200: { description: '一页检索结果 / a page of results', content: { 'application/json': { schema: searchAnswer } } },
        400: { description: '参数有误（error.field 指出参数）：ERR_SEARCH_EMPTY_QUERY（没有检索词也没有筛选条件）、ERR_SEARCH_UNKNOWN_ORGAN（没有该机关代码）、ERR_SEARCH_INVALID_DATE（from/to 不是有效日期）、ERR_SEARCH_BAD_PARAMETER（其他参数有误或重复给出） / invalid parameter: the codes listed', content: { 'application/json': { schema: errorAnswer } } },
      },
    },
    // A repeated parameter (q=…&q=…) gets the search's own refusal naming it, not the validator's 期望 string，实际接收 数组.
    preValidation: async (request) => refuseRepeated(request.query as Record<string, unknown>),
  }, async (request) => {
    // One read of the organ list for the whole answer: the scope, the facets' codes and their labels.
    const organList = organListOf(deps);
    const { request: req, scopeOrgan, scopeUnit, queryCut, datesSwapped, address } = await readSearchParams(deps, request.query, { pageSize: 20, organs: organList, portalHosts: portalHostsOf(request, deps.publicUrl) });
    // Missing, empty or only spaces, with no filter either (readSearchParams trims it): the same refusal. With a filter, or
    // sort=newest, it is a listing (everything, newest first, when no filter).
    if (!req.q && !listsWithoutWord(req)) throw new DomainError('ERR_SEARCH_EMPTY_QUERY', '请输入检索词', { httpStatus: 400, field: 'q', reasons: [{ code: 'ERR_SEARCH_EMPTY_QUERY', message: '请输入检索词', field: 'q' }] });
    // An address that shows an item (an item page's, an old one redirected there): that item, not the address as words. Neither it nor a query cut to its start is counted as a search term (search-routes.tsx).
    const addressedAnswer = address ? await addressedSearch(deps, req.q, address) : null;
    const r = addressedAnswer?.result ?? await search(req, organList);
    // Nothing within an organ: the same search over the whole region, as the portal page asks it (the same cached search),
    // and the offer the page makes first decided by the page's one rule (offerShown).
    const region = !address && r.total === 0 && !r.listing && req.q && req.filters.scopeOrganId !== null
      ? await search({ ...req, filters: { ...req.filters, scopeOrganId: null }, page: 1 }, organList)
      : null;
    const shown = offerShown(r, region);
    // 意见征集 and 建议提案 the words find, as the portal page lists them (docs/search.md, "意见征集 and 建议提案").
    const interaction = looksForInteraction(req, address) ? await interactionMatches(deps, r.query, req.filters.scopeOrganId, await organList()) : null;
    const organs = await organList();
    // The portal's own pages the words ask for (docs/search.md, "The portal's own pages"), from the organ list read already.
    const sitePages = looksForInteraction(req, address) ? sitePageLinks(r.query, req.filters.scopeOrganId, organs) : null;
    // Nothing under filters besides the scope: what the words find without them (the portal's same search for its offer, cached), so
    // a search its filters left empty is not counted as one whose words find nothing (检索统计's 无结果, docs/search.md).
    const counted = req.page === 1 && req.q && !address && !queryCut;
    const wordsFound = counted && r.total === 0 && !r.listing && narrowedBeyondScope(req.filters)
      ? (await search({ ...req, filters: { scopeOrganId: req.filters.scopeOrganId }, page: 1 }, organList)).total : r.total;
    if (counted) terms.count(r.query, req.filters.scopeOrganId, wordsFound + interactionFound(interaction) + (sitePages ? 1 : 0), searchVisitorOf(request));
    // Labelled as the portal shows them: an organ by its short name (the value is its code, what organ= takes), 五公开 and 效力 in Chinese.
    const organLabel = new Map(organs.map((o) => [o.code, scopeLabel(o)]));
    const labelled = (list: { value: string; count: number; label?: string }[], label: (v: string) => string = (v) => v) => list.map((f) => ({ value: f.value, count: f.count, label: f.label ?? label(f.value) }));
    return {
      query: r.query.display, total: r.total, totalCapped: r.totalCapped, facetsSampled: r.facetsSampled, page: req.page, pageSize: req.pageSize, sort: r.listing ? 'newest' as const : req.sort, listing: r.listing,
      scope: scopeOrgan ? { code: scopeOrgan.code, name: scopeOrgan.name, label: scopeLabel(scopeOrgan), unit: scopeUnit ? { code: scopeUnit.code, name: scopeUnit.name } : null } : null,
      items: r.hits.map((h) => ({
        id: h.id, title: h.title, url: `/organs/${h.organCode}/items/${h.id}`, titleParts: h.titleParts, organ: { code: h.organCode, name: h.organName },
        catalogPath: h.catalogPath, publishedOn: h.publishedOn, indexNumber: h.indexNumber, documentNumber: h.documentNumber, validity: h.validity,
        snippet: h.snippet, attachmentHit: h.attachmentHit, exactNumber: h.exactNumber, exactNumberMatch: h.exactNumberMatch,
      })),
      facets: {
        organ: labelled(r.facets.organ, (v) => organLabel.get(v) ?? v), node: labelled(r.facets.node),
        stage: labelled(r.facets.stage, (v) => STAGE_LABELS[v as keyof typeof STAGE_LABELS] ?? v), genre: labelled(r.facets.genre),
        year: labelled(r.facets.year, (v) => `${v}年`), validity: labelled(r.facets.validity, (v) => VALIDITY_LABELS[v as keyof typeof VALIDITY_LABELS] ?? v),
      },
      notWholeWords: r.notWholeWords, synonyms: r.synonyms, splitSuggestion: r.splitSuggestion && { q: r.splitSuggestion.q, total: r.splitSuggestion.total },
      didYouMean: r.didYouMean, organNamed: r.organNamed, fewerWords: r.fewerWords,
      regionOffer: shown.regionOffer, shownInstead: shown.shownInstead && { kind: shown.shownInstead.kind, q: shown.shownInstead.q, total: shown.shownInstead.total }, missingDocumentNumber: r.missingDocumentNumber, missingIndexNumber: r.missingIndexNumber,
      queryTruncated: queryCut, datesSwapped, addressedItem: addressedAnswer ? addressedJson(addressedAnswer.addressed) : null,
      interaction, sitePages,
    };
  });
};
