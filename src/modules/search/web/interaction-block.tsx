import type { SnippetPart } from '../domain/snippet.ts';
import { interactionFound, type InteractionList, type InteractionMatches } from '../use-cases/interaction-matches.ts';

const Marked = ({ parts }: { parts: SnippetPart[] }) => <>{parts.map((p) => (p.hit ? <mark>{p.text}</mark> : p.text))}</>;

/** The matches past the ones listed: how many, and the organs' lists that hold them. */
const More = ({ total, shown, lists, what }: { total: number; shown: number; lists: InteractionList[]; what: string }) => (total > shown ? (
  <p class="interaction-more">共 {total} 项，这里列出 {shown} 项。查看{lists.map((l, i) => <>{i > 0 && '、'}<a href={l.url}>{l.organ.label}的{what}</a></>)}</p>
) : null);

/**
 * The 意见征集 and published 建议提案 results the words find (docs/search.md, "意见征集 and 建议提案"), at the top of the results:
 * a heading, then a list of each kind — a consultation with its state (正在征集 or 已结束) and 征集期, a result with its kind,
 * number and reply date, each with its organ — and for more than are listed, how many and the organs' lists. Plain links,
 * no script; on a phone each entry's details wrap under its title. Nothing when none is found (or none was looked for).
 */
export function InteractionBlock({ found }: { found: InteractionMatches | null }) {
  if (!found || interactionFound(found) === 0) return null;
  const { consultations: c, proposals: p } = found;
  return (
    <section class="panel search-interaction" aria-labelledby="interaction-h">
      <h2 id="interaction-h" tabindex={-1}>互动交流中的相关内容</h2>
      {c.total > 0 && <>
        <h3 id="interaction-consultations-h">意见征集</h3>
        <ul class="interaction-hits" aria-labelledby="interaction-consultations-h">
          {c.items.map((x) => (
            <li>
              <a href={x.url}><Marked parts={x.titleParts} /></a>{' '}
              <span class={x.open ? 'tag tag-open' : 'tag'}>{x.open ? '正在征集' : '已结束'}</span>
              <span class="interaction-meta">征集期 <time class="nowrap" dateTime={x.startOn}>{x.startOn}</time> 至 <time class="nowrap" dateTime={x.endOn}>{x.endOn}</time>{' · '}{x.organ.label}</span>
            </li>
          ))}
        </ul>
        <More total={c.total} shown={c.items.length} lists={c.lists} what="意见征集" />
      </>}
      {p.total > 0 && <>
        <h3 id="interaction-proposals-h">建议提案办理结果</h3>
        <ul class="interaction-hits" aria-labelledby="interaction-proposals-h">
          {p.items.map((x) => (
            <li>
              <a href={x.url}><Marked parts={x.titleParts} /></a>
              <span class="interaction-meta">{x.kindLabel} {x.year}年{x.number}{' · '}答复 <time class="nowrap" dateTime={x.repliedOn}>{x.repliedOn}</time>{' · '}{x.organ.label}</span>
            </li>
          ))}
        </ul>
        <More total={p.total} shown={p.items.length} lists={p.lists} what="建议提案办理结果" />
      </>}
    </section>
  );
}
