import { FINDING_TYPE_ADVICE, FINDING_TYPE_LABELS, SEVERITY_LABELS, suggestionInContext } from '../../privacy/index.ts';
import type { StoredFinding } from '../storage/review-repository.ts';
import { htmlToText } from '../domain/body-text.ts';
import { isSecrecyMarking, whyNotMaskable } from '../domain/mask-finding.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';

const label = (type: string) => (FINDING_TYPE_LABELS as Record<string, string>)[type] ?? (type === 'unreadable_attachment' ? '无法读取的附件' : type);
const advice = (type: string) => (FINDING_TYPE_ADVICE as Record<string, string>)[type] ?? '';
const severity = (s: string) => (SEVERITY_LABELS as Record<string, string>)[s] ?? s;
/**
 * The suggestion as read with what it keeps (幸福小区********* for a house detail). A 密级标志 has none:
 * it is never masked (保守国家秘密法), so the page does not show stars for it (outside tester).
 */
export const MARKING_SUGGESTION = '不能遮盖，须解密或由起草人修改';
const suggested = (f: StoredFinding) => (isSecrecyMarking(f) ? MARKING_SUGGESTION : suggestionInContext(f, f.before));

/**
 * Every finding first, as a list — where, what, whether it stops publication, what to do and why — so
 * one at the end of a long notice is seen at once; then the body text with each body finding
 * highlighted (the list links to it) and its suggested mask.
 */
/** Where 应用建议遮盖 posts, when the person may use it on this item now. */
export type MaskAction = { action: string; csrf: string };

/** `bodyHtml` is the body the findings were made from (a pending revision's, on a published item's page). */
export function FindingsView({ bodyHtml, findings, mask = null }: { bodyHtml: string; findings: StoredFinding[]; mask?: MaskAction | null }) {
  if (findings.length === 0) return <p>未发现身份证号、手机号、银行卡号、电子邮箱、住址门牌、密级标志等敏感内容。</p>;
  const text = htmlToText(bodyHtml);
  const inBody = findings.filter((f) => f.source === '正文').sort((a, b) => a.start - b.start);
  // Anchors of the findings marked in the text below (the list links to them).
  const anchorOf = new Map<StoredFinding, string>();
  const pieces: preact.ComponentChildren[] = [];
  let at = 0;
  for (const f of inBody) {
    // A finding whose text is no longer at its offsets (the body changed since the scan) is listed, never marked on other characters.
    if (f.start < at || text.slice(f.start, f.end) !== f.text) continue;
    anchorOf.set(f, `finding-${anchorOf.size + 1}`);
    pieces.push(text.slice(at, f.start));
    pieces.push(
      <mark id={anchorOf.get(f)} class={`finding finding-${f.severity}`} title={`${label(f.type)}；建议：${suggested(f)}`}>
        {text.slice(f.start, f.end)}
        <span class="finding-tag">〔{label(f.type)} → {suggested(f)}〕</span>
      </mark>,
    );
    at = f.end;
  }
  pieces.push(text.slice(at));
  const listed = [...inBody, ...findings.filter((f) => f.source !== '正文')];
  return (
    <div class="findings">
      {/* Cards on a phone (table.list.cards, each cell named by data-label): five columns squeezed to 390 px left 位置, 类型 and 处理要求 a character a line. */}
      <table class="list cards findings-list">
        <caption>扫描发现（共{listed.length}处）</caption>
        <thead><tr><th scope="col">位置</th><th scope="col">类型</th><th scope="col">处理要求</th><th scope="col">上下文</th><th scope="col">建议处理</th></tr></thead>
        <tbody>
          {listed.map((f) => (
            <tr class={`finding-${f.severity}`}>
              <td data-label="位置">{anchorOf.has(f) ? <a href={`#${anchorOf.get(f)}`}>{f.source}</a> : f.source}</td>
              <td data-label="类型">{label(f.type)}</td>
              <td data-label="处理要求">{severity(f.severity)}</td>
              <td data-label="上下文">{f.before && `…${f.before}`}<mark class={`finding finding-${f.severity}`}>{f.text}</mark>{f.after && `${f.after}…`}</td>
              <td data-label="建议处理">{suggested(f)}{advice(f.type) && <p class="hint">{advice(f.type)}</p>}{f.accepted ? <Accepted f={f} /> : mask && <MaskButton f={f} mask={mask} />}{!mask && !f.accepted && isSecrecyMarking(f) && <p class="hint finding-not-maskable">{whyNotMaskable(f)}</p>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* A box that scrolls (max-height): reached by Tab so its text scrolls with the arrow keys, and named as a region (axe scrollable-region-focusable at 390 px). */}
      {anchorOf.size > 0 && <div class="finding-text" role="region" tabindex={0} aria-label="正文扫描结果">{pieces}</div>}
    </div>
  );
}

/** A finding a reviewer accepted: who, when and the reason it may stand; and when a revision kept the acceptance (carryIntoRevision). */
function Accepted({ f }: { f: StoredFinding }) {
  const a = f.accepted!;
  return (
    <p class="finding-accepted">
      <strong>已接受</strong>（{a.byLabel}，{chinaTimeOf(a.at)}）：{a.reason}
      {a.carriedAt && <span class="hint">（{chinaTimeOf(a.carriedAt)}修订时沿用：该处所在句子未改动）</span>}
    </p>
  );
}

/**
 * 应用建议遮盖 on one finding: a plain form (no script needed) naming the finding by where it is and
 * what it found, so the server masks exactly that occurrence or refuses when the text has moved.
 * A finding that cannot be masked here says why instead.
 */
function MaskButton({ f, mask }: { f: StoredFinding; mask: MaskAction }) {
  const why = whyNotMaskable(f);
  if (why) return <p class="hint finding-not-maskable">{why}</p>;
  return (
    <form method="post" action={mask.action} class="mask-finding">
      <input type="hidden" name="_csrf" value={mask.csrf} />
      <input type="hidden" name="source" value={f.source} />
      <input type="hidden" name="start" value={String(f.start)} />
      <input type="hidden" name="end" value={String(f.end)} />
      <input type="hidden" name="text" value={f.text} />
      <button class="btn btn-secondary" type="submit" aria-label={`应用建议遮盖：将${f.source}中的${label(f.type)}改为“${suggested(f)}”`}>应用建议遮盖</button>
    </form>
  );
}
