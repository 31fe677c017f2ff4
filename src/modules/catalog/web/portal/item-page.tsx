import { Breadcrumb, formatBytes, RawHtml, SEP, TelLink } from '../../../../platform/views/components.tsx';
import { endSentence, withoutFinalStop } from '../../../../shared/sentences.ts';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import {
  AUDIENCE_LABELS, DISCLOSURE_MODE_LABELS, DISCLOSURE_PERIOD_LABELS, STAGE_LABELS, VALIDITY_LABELS, WITHDRAW_REASONS,
} from '../../domain/labels.ts';
import type { Organ } from '../../domain/organ.ts';
import type { Attachment, Publication } from '../../domain/publication.ts';
import { attachmentLabel } from '../../domain/attachment-title.ts';
import type { CatalogNode } from '../../storage/catalog-nodes-repository.ts';
import type { DirectoryMatter } from '../../storage/directory-matters-repository.ts';
import { INTERPRETATION_FORM_LABELS } from '../../domain/interpretation.ts';
import type { LinkedItem } from '../../storage/interpretations-repository.ts';
import { organCrumbs } from './organ-home-page.tsx';
import { withScrollableTables } from './scrollable-tables.ts';
import { withWholePhoneNumbers } from './whole-phone-numbers.ts';
import type { PortalRequestInfo } from './portal-request.ts';
import { nodePath } from '../../domain/portal-paths.ts';
import { chinaDateOf } from '../../../../shared/iso-date.ts';
import { laterDocumentsWords, ValidityNotice, ValidityOfOthers, type ChainedDocument, type LinkedDocument } from './validity-notice.tsx';
import { ReplacingPolicyLine } from './replacing-policy-line.tsx';
import { InterpretedValidityNotice } from './interpreted-validity-notice.tsx';

export type ItemPageProps = {
  info: PortalRequestInfo;
  organ: Organ;
  /** The organ an internal unit belongs to, named in the breadcrumb. */
  parent?: Organ | null;
  item: Publication;
  path: CatalogNode[];
  attachments: Attachment[];
  /**
   * Where the 替代文件 of a document no longer in force leads (替代文件编号; use-cases' publicReplacementsOf): the
   * recorded one first, then on while that one is no longer in force either; each at its own organ's address.
   */
  replacements: ChainedDocument[];
  /** 效力 links to published documents: who amended this one, and what this one amended or repealed (docs/adr/0026). */
  /** `amendersRecorded`: whether the site records any amender, published or not (false: the banner says it does not know). */
  validity: { amendedBy: LinkedDocument[]; amends: LinkedDocument[]; repeals: LinkedDocument[]; amendersRecorded?: boolean };
  qrSvg: string;
  printView: boolean;
  /** Amendments: what changed before the current text (修订记录). */
  versions: { versionNo: number; changeNote: string; changedOn: string }[];
  /** 政策解读: the published policies this interpretation explains, and the published interpretations of this policy. */
  links: { policies: LinkedItem[]; interpretations: LinkedItem[] };
  /** The view count as shown, when it is kept live apart from the rest of the page (page cache). */
  viewCountText?: string;
  /** The 标准目录 事项 the item fulfils, with its legal basis and time limit (docs/standard-directories.md). */
  matter?: DirectoryMatter | null;
};

/** One published item: metadata table, body, attachments, views, reading tools and a QR code to open it on a phone. */
/** A 标准目录 事项's facts, as the wide panel and the phone's fold both show them. */
const MatterFacts = ({ matter }: { matter: DirectoryMatter }) => (
  <dl>
    <dt>公开事项</dt><dd>{matter.name}</dd>
    <dt>公开依据</dt><dd>{matter.legalBasis}</dd>
    <dt>公开时限</dt><dd>{matter.timeLimit}</dd>
    <dt>公开主体</dt><dd>{matter.subject}</dd>
    <dt>公开对象与方式</dt><dd>{matter.audience}，{matter.mode}公开</dd>
  </dl>
);

export function ItemPage({ info, organ, parent, item, path, attachments, replacements, validity, qrSvg, printView, versions, links, viewCountText, matter }: ItemPageProps) {
  const url = `/organs/${organ.code}/items/${item.id}`;
  const meta: [string, string | null][] = [
    ['索引号', item.indexNumber],
    ['发布机构', item.publishingOrganName],
    ['成文日期', item.formedOn],
    ['发布日期', item.publishedOn],
    ['文号', item.documentNumber],
    ['主题分类', item.subject || null],
    ['体裁', item.genre || null],
    ['五公开', STAGE_LABELS[item.stage]],
    ['公开方式', DISCLOSURE_MODE_LABELS[item.disclosureMode]],
    ['公开时限', DISCLOSURE_PERIOD_LABELS[item.disclosurePeriod]],
    ['公开范围', AUDIENCE_LABELS[item.audience]],
    // A 政策解读 has no 效力 of its own (its page speaks of its documents', InterpretedValidityNotice): no 有效性 or 有效期至.
    ...(item.itemKind === 'interpretation' ? [] : [['有效性', VALIDITY_LABELS[item.validity]], ['有效期至', item.validThroughOn]] as [string, string | null][]),
    ['关键词', item.keywords.join('　') || null],
    ...(item.itemKind === 'interpretation' && item.interpretationForm ? [['解读形式', INTERPRETATION_FORM_LABELS[item.interpretationForm]] as [string, string]] : []),
  ];
  const interpretation = item.itemKind === 'interpretation';
  // A 图解 shows its picture, the body being its full text alternative (WCAG 1.1.1 with a long description).
  const graphic = interpretation && item.interpretationForm === 'graphic' ? attachments.find((a) => a.id === item.graphicAttachmentId && a.mimeType.startsWith('image/')) ?? null : null;
  const video = interpretation && item.interpretationForm === 'video' ? item.videoUrl : null;
  return (
    <PortalLayout title={item.title} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone} printView={printView} canonicalPath={url}>
      <Breadcrumb items={[...organCrumbs(organ, parent), ...path.map((n) => ({ label: n.name, href: nodePath(organ.code, n.id) })), { label: '正文' }]} />
      {interpretation ? <InterpretedValidityNotice policies={links.policies} /> : (
        <ValidityNotice
          item={item} amendedBy={validity.amendedBy} replacements={replacements} amendersRecorded={validity.amendersRecorded ?? validity.amendedBy.length > 0}
          laterDocuments={{ organName: organ.shortName || organ.name, catalogHref: `/organs/${organ.code}/catalog`, searchWords: laterDocumentsWords(item) }}
        />
      )}
      <article aria-labelledby="item-title">
        {/* Title, date and source first: on a phone they are what the reader came for (issue 15). */}
        <h1 class="article-title" id="item-title">{item.title}</h1>
        <p class="article-info">
          <span>发布时间：<span class="nowrap">{item.publishedOn}</span></span>
          <span>信息来源：{item.source || item.publishingOrganName}</span>
          <span>浏览次数：<span class="view-count">{viewCountText ?? item.viewCount}</span></span>
        </p>
        <table class="meta-table wide-only" aria-label="信息属性">
          <tbody>
            {pairs(meta).map(([a, b]) => (
              <tr>
                <th scope="row">{a[0]}</th><td class={NOWRAP.has(a[0]) ? 'nowrap' : undefined} colSpan={b ? undefined : 3}>{a[1] ?? '—'}</td>
                {b && <><th scope="row">{b[0]}</th><td class={NOWRAP.has(b[0]) ? 'nowrap' : undefined}>{b[1] ?? '—'}</td></>}
              </tr>
            ))}
            <tr><th scope="row">内容概述</th><td colSpan={3}>{item.summary || '—'}</td></tr>
          </tbody>
        </table>
        {/* On a phone the same properties fold under one control (a <details>: no JavaScript needed). */}
        <details class="meta-compact narrow-only">
          <summary>信息属性（索引号、文号、发布机构等）</summary>
          <dl>
            {meta.map(([k, v]) => <><dt>{k}</dt><dd class={NOWRAP.has(k) ? 'nowrap' : undefined}>{v ?? '—'}</dd></>)}
            <dt>内容概述</dt><dd>{item.summary || '—'}</dd>
          </dl>
        </details>
        <ValidityOfOthers amends={validity.amends} repeals={validity.repeals} />
        {matter && (
          <>
            <section class="panel directory-matter wide-only" aria-labelledby="matter-h">
              <h2 id="matter-h">基层政务公开标准目录事项</h2>
              <MatterFacts matter={matter} />
            </section>
            {/* On a phone it folds as the properties do (its basis may run to a screen and more at 字号 大), so the 正文 comes first. */}
            <details class="meta-compact directory-matter-fold narrow-only">
              <summary>基层政务公开标准目录事项<span class="count">（{matter.name}）</span></summary>
              <MatterFacts matter={matter} />
            </details>
          </>
        )}
        {interpretation && links.policies.length > 0 && (
          <section class="panel interpreted-policies" aria-labelledby="policies-h">
            <h2 id="policies-h">本文解读的政策文件</h2>
            <LinkList organ={organ} items={links.policies} />
          </section>
        )}
        {!interpretation && links.interpretations.length > 0 && <p class="no-print"><a href="#interp-h">查看本文件的政策解读（{links.interpretations.length} 篇）</a></p>}
        {graphic && (
          <figure class="article-body interpretation-graphic">
            <img src={`/attachments/${graphic.id}/${encodeURIComponent(graphic.fileName)}`} alt={`${item.title}（图解，文字版见图下）`} />
            <figcaption>图解：{item.title}。文字版见下方。</figcaption>
          </figure>
        )}
        {video && (
          <p class="notice notice-info">
            视频解读：<a href={video} rel="noopener noreferrer">观看“{item.title}”视频</a>（外部网站）。视频内容的文字说明见下方。
          </p>
        )}
        {graphic && <h2>图解文字版</h2>}
        <RawHtml html={withWholePhoneNumbers(withScrollableTables(item.bodyHtml))} class="article-body" />
        {attachments.length > 0 && (
          <section class="attachments" aria-labelledby="att-h">
            <h2 id="att-h">附件</h2>
            <ul>
              {attachments.map((a) => (
                <li key={a.id}>
                  {/* Its 附件名称 as the link (附件1：试点小区名单), the file name in its tooltip and in small text after the type and size. */}
                  <a href={`/attachments/${a.id}/${encodeURIComponent(a.fileName)}`} title={a.title ? a.fileName : undefined}>{attachmentLabel(a)}</a>
                  <span class="count">（{a.fileName.split('.').pop()?.toUpperCase()}，{formatBytes(a.sizeBytes)}{a.title ? <>，文件名：{a.fileName}</> : null}）</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {!interpretation && links.interpretations.length > 0 && (
          <section class="panel interpretations" aria-labelledby="interp-h">
            <h2 id="interp-h">政策解读</h2>
            <LinkList organ={organ} items={links.interpretations} ofInterpretations />
          </section>
        )}
        {versions.length > 0 && (
          <section class="versions" aria-labelledby="ver-h">
            <h2 id="ver-h">修订记录</h2>
            <ul>{versions.map((v) => <li key={v.versionNo}>{v.changedOn}：{v.changeNote}</li>)}</ul>
          </section>
        )}
      </article>
      <div class="article-tools">
        <div class="no-print">
          <p>
            <a href={`${url}?print=1`}>打印本页</a>
            {printView && <>{SEP}<a href={url}>返回正常视图</a></>}
          </p>
          {(item.consultPhone || organ.consultPhone) && <p>政策咨询电话：<strong><TelLink phone={(item.consultPhone || organ.consultPhone)!} /></strong></p>}
        </div>
        <figure class="qr">
          <RawHtml html={qrSvg} />
          <figcaption>扫一扫在手机打开当前页</figcaption>
        </figure>
      </div>
    </PortalLayout>
  );
}

/**
 * Links between a policy and its interpretations: title, form, date, and the organ when it is another one.
 * A linked document (not an interpretation: `ofInterpretations`) no longer in force says so beside its title (（已废止）, （已失效）): a reader of an
 * interpretation must not take the policy it explains for the one in force (国办发〔2017〕47号); one
 * replaced by a published document names it, and its published interpretations, on a line below.
 */
function LinkList({ organ, items, ofInterpretations = false }: { organ: Organ; items: LinkedItem[]; ofInterpretations?: boolean }) {
  return (
    <ul>
      {items.map((l) => (
        <li key={l.id}>
          <a href={`/organs/${l.organCode}/items/${l.id}`}>{l.title}</a>
          {/* A policy's interpretations are never marked: an interpretation has no 效力 of its own. */}
          {!ofInterpretations && (l.validity === 'repealed' || l.validity === 'expired') && <strong class="link-validity">（{VALIDITY_LABELS[l.validity]}）</strong>}
          <span class="count">
            （{[l.interpretationForm ? INTERPRETATION_FORM_LABELS[l.interpretationForm] : l.documentNumber, l.organId !== organ.id ? l.organName : null, l.publishedOn].filter(Boolean).join('，')}）
          </span>
          {l.replacedBy && <ReplacingPolicyLine replacing={l.replacedBy} />}
        </li>
      ))}
    </ul>
  );
}

/** Identifiers and dates are read whole: they never wrap in the middle. */
const NOWRAP = new Set(['索引号', '文号', '成文日期', '发布日期']);

function pairs<T>(list: T[]): [T, T | undefined][] {
  const out: [T, T | undefined][] = [];
  for (let i = 0; i < list.length; i += 2) out.push([list[i], list[i + 1]]);
  return out;
}

const WITHDRAW_LABELS: Record<string, string> = WITHDRAW_REASONS;

/** What stays at a withdrawn item's address: that it was withdrawn, when and why. */
export function WithdrawnPage({ info, organ, parent, title, indexNumber, reason, note, withdrawnAt }: {
  info: PortalRequestInfo; organ: Organ; parent?: Organ | null; title: string; indexNumber: string | null; reason: string | null; note: string | null; withdrawnAt: string | null;
}) {
  return (
    <PortalLayout title={`已撤回：${title}`} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <Breadcrumb items={[...organCrumbs(organ, parent), { label: '已撤回的信息' }]} />
      <h1>{title}</h1>
      <div class="notice" role="note">
        <p><strong>本信息已于 {withdrawnAt ? chinaDateOf(new Date(withdrawnAt)) : ''} 撤回。</strong>{endSentence(`撤回原因：${WITHDRAW_LABELS[reason ?? ''] ?? '其他原因'}${note?.trim() ? `（${withoutFinalStop(note)}）` : ''}`)}</p>
        {indexNumber && <p class="count">索引号：{indexNumber}</p>}
        <p>如有疑问，请致电 {organ.consultPhone || '本机关'} 咨询。</p>
      </div>
    </PortalLayout>
  );
}
