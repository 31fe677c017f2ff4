import type { FieldChange } from '../domain/revision-changes.ts';
import type { DiffBlock, DiffSpan } from '../domain/text-diff.ts';

/**
 * What a pending revision changes, on its review panel (ADR 0052): for each changed field the current
 * and the revised text one above the other, the removed part struck through (<del>) and the added one
 * underlined (<ins>), each also said in words a screen reader reads (〔删除：…〕, 〔新增：…〕) — marks
 * that a black-and-white print keeps too, never colour alone. Unchanged paragraphs and long unchanged
 * stretches are folded; the whole texts stay one click away.
 */
export function RevisionChangesView({ changes }: { changes: FieldChange[] }) {
  return (
    <div class="revision-changes">
      <p class="hint diff-legend">删除的文字加删除线（如<del>旧文字</del>），新增的文字加下划线（如<ins>新文字</ins>）；未改动的段落和长句已折叠，可展开“完整文本”查看全文。</p>
      <table class="list cards revision-diff">
        <caption>修订改动的内容</caption>
        <thead><tr><th scope="col">项目</th><th scope="col">改动（现行版本与修订后）</th></tr></thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.label}>
              <th scope="row">{c.label}</th>
              <td>
                {c.diff.blocks.map((b) => <Block b={b} />)}
                {c.diff.folded && (
                  <details class="diff-whole">
                    <summary>完整文本（现行版本和修订后）</summary>
                    <p class="diff-side">现行版本</p>
                    <div class="revision-text">{c.before || '（空）'}</div>
                    <p class="diff-side">修订后</p>
                    <div class="revision-text">{c.after || '（空）'}</div>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const Removed = ({ text }: { text: string }) => <del><span class="visually-hidden">〔删除：</span>{text}<span class="visually-hidden">〕</span></del>;
const Added = ({ text }: { text: string }) => <ins><span class="visually-hidden">〔新增：</span>{text}<span class="visually-hidden">〕</span></ins>;
const Folded = ({ chars, paragraphs }: { chars: number; paragraphs?: number }) =>
  <span class="diff-fold">……（未改动 {paragraphs ? `${paragraphs} 段，` : ''}{chars} 字）……</span>;

/** One side of a changed paragraph: what it shares with the other, and its own part of each change. */
function side(spans: DiffSpan[], which: 'removed' | 'added') {
  const hasText = spans.some((s) => s.kind !== 'change' || s[which] !== '');
  if (!hasText) return '（空）';
  return spans.map((s) =>
    s.kind === 'same' ? s.text
      : s.kind === 'folded' ? <Folded chars={s.chars} />
        : s[which] === '' ? null
          : which === 'removed' ? <Removed text={s.removed} /> : <Added text={s.added} />);
}

function Block({ b }: { b: DiffBlock }) {
  switch (b.kind) {
    case 'unchanged': return <p class="diff-line"><Folded chars={b.chars} paragraphs={b.paragraphs} /></p>;
    case 'removed': return <p class="diff-line diff-old"><span class="diff-side">删除段落：</span><Removed text={b.text} /></p>;
    case 'added': return <p class="diff-line diff-new"><span class="diff-side">新增段落：</span><Added text={b.text} /></p>;
    case 'changed': return (
      <div class="diff-pair">
        <p class="diff-line diff-old"><span class="diff-side">现行：</span>{side(b.spans, 'removed')}</p>
        <p class="diff-line diff-new"><span class="diff-side">修订后：</span>{side(b.spans, 'added')}</p>
      </div>
    );
  }
}
