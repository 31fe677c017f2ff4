import type { SnippetPart } from '../domain/snippet.ts';
import { interactionFound, type ConsultationMatch, type InteractionList, type InteractionMatches, type ProposalMatch } from '../use-cases/interaction-matches.ts';

const Marked = ({ parts }: { parts: SnippetPart[] }) => <>{parts.map((p) => (p.hit ? <mark>{p.text}</mark> : p.text))}</>;

/** The matches past the ones listed: how many, and the organs' lists that hold them. */
const More = ({ total, shown, lists, what }: { total: number; shown: number; lists: InteractionList[]; what: string }) => (total > shown ? (
  <p class="interaction-more">共 {total} 项，这里列出 {shown} 项。查看{lists.map((l, i) => <>{i > 0 && '、'}<a href={l.url}>{l.organ.label}的{what}</a></>)}</p>
) : null);

/** A consultation's 征集期 and organ, a result's kind, number, reply date and organ: a muted line under the title. */
const ConsultationMeta = ({ x }: { x: ConsultationMatch }) => (
  <span class="interaction-meta">征集期 <time class="nowrap" dateTime={x.startOn}>{x.startOn}</time> 至 <time class="nowrap" dateTime={x.endOn}>{x.endOn}</time>{' · '}{x.organ.label}</span>
);
const ProposalMeta = ({ x }: { x: ProposalMatch }) => (
  <span class="interaction-meta">{x.kindLabel} {x.year}年{x.number}{' · '}答复 <time class="nowrap" dateTime={x.repliedOn}>{x.repliedOn}</time>{' · '}{x.organ.label}</span>
);

/**
 * The 意见征集 and published 建议提案 results the words find (docs/search.md, "意见征集 and 建议提案"), right under the results'
 * heading (the count) and above the items, kept short so the count and the first items stay in a phone's first screen (an
 * outside tester: the whole block came first and the first item began at 900 px, at 适老化 1,240 px): a heading with how
 * many, the first found — an open consultation comes first — with what it is (正在征集意见, 意见征集已结束, 建议提案办理结果)
 * and its details, and the others folded under 更多 (<details>, no script): a list of each kind under its heading, a
 * consultation with its state and 征集期, a result with its kind, number and reply date, each with its organ, and for more
 * than are listed, how many and the organs' lists. At 大字号 or 适老化 on a phone, where the first found alone would fill what
 * is left of the screen, the whole panel is the fold, its one line saying how many and whether one is open for comments
 * (the heading kept for a screen reader, the first found shown in the fold's list instead — each copy display:none in the
 * other layout, site.css). Nothing when none is found (or none was looked for).
 */
export function InteractionBlock({ found }: { found: InteractionMatches | null }) {
  const total = interactionFound(found);
  if (!found || total === 0) return null;
  const { consultations: c, proposals: p } = found;
  const leadConsultation = c.items[0] ?? null;
  const leadProposal = leadConsultation ? null : p.items[0]!;
  // What 更多 holds besides the first, by kind (those past the lists are counted there, with their organs' lists linked).
  const restC = c.total - (leadConsultation ? 1 : 0);
  const restP = p.total - (leadProposal ? 1 : 0);
  /** The first found again, at the head of its list in the fold: shown only where the panel is all folded. */
  const again = (first: boolean) => (first ? 'interaction-lead-again' : undefined);
  return (
    <section class={`panel search-interaction${restC + restP === 0 ? ' interaction-single' : ''}`} aria-labelledby="interaction-h">
      <h3 id="interaction-h" class="interaction-h">互动交流中的相关内容<span class="count">（{total} 项）</span></h3>
      <p class="interaction-lead">
        {leadConsultation ? <>
          <a href={leadConsultation.url}><Marked parts={leadConsultation.titleParts} /></a>{' '}
          <span class={leadConsultation.open ? 'tag tag-open' : 'tag'}>{leadConsultation.open ? '正在征集意见' : '意见征集已结束'}</span>
          <ConsultationMeta x={leadConsultation} />
        </> : <>
          <a href={leadProposal!.url}><Marked parts={leadProposal!.titleParts} /></a>{' '}
          <span class="tag">建议提案办理结果</span>
          <ProposalMeta x={leadProposal!} />
        </>}
      </p>
      <details class="interaction-fold">
        <summary>
          <span class="interaction-fold-more">更多<span class="count">（{[restC > 0 ? `意见征集 ${restC} 项` : '', restP > 0 ? `建议提案办理结果 ${restP} 项` : ''].filter(Boolean).join('、')}）</span></span>
          <span class="interaction-fold-all">互动交流相关内容 {total} 项{leadConsultation?.open && <> <span class="tag tag-open">有正在征集的意见</span></>}</span>
        </summary>
        {/* A kind whose one match is the first found is shown only where the panel is all folded. */}
        {c.total > 0 && <div class={again(restC === 0)}>
          <h4 id="interaction-consultations-h">意见征集</h4>
          <ul class="interaction-hits" aria-labelledby="interaction-consultations-h">
            {c.items.map((x, i) => (
              <li class={again(!!leadConsultation && restC > 0 && i === 0)}>
                <a href={x.url}><Marked parts={x.titleParts} /></a>{' '}
                <span class={x.open ? 'tag tag-open' : 'tag'}>{x.open ? '正在征集' : '已结束'}</span>
                <ConsultationMeta x={x} />
              </li>
            ))}
          </ul>
          <More total={c.total} shown={c.items.length} lists={c.lists} what="意见征集" />
        </div>}
        {p.total > 0 && <div class={again(restP === 0)}>
          <h4 id="interaction-proposals-h">建议提案办理结果</h4>
          <ul class="interaction-hits" aria-labelledby="interaction-proposals-h">
            {p.items.map((x, i) => (
              <li class={again(!!leadProposal && restP > 0 && i === 0)}>
                <a href={x.url}><Marked parts={x.titleParts} /></a>
                <ProposalMeta x={x} />
              </li>
            ))}
          </ul>
          <More total={p.total} shown={p.items.length} lists={p.lists} what="建议提案办理结果" />
        </div>}
      </details>
    </section>
  );
}
