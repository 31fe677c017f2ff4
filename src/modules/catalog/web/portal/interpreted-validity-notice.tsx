import type { LinkedItem } from '../../storage/interpretations-repository.ts';
import { Named } from './validity-notice.tsx';

/**
 * What the top of a 政策解读's page says about 效力: that of the documents it explains, never its own. An interpretation
 * has no 效力 (docs/workflows/review-states.md): one 已废止 or 已修改 in the records (marked before the rule, or by an
 * earlier import) is not told so, as the portal once told a reader 本文件已废止 of an interpretation. A reader who lands
 * on an interpretation wants to know whether the rules it explains still apply, so for each document it explains that is
 * no longer in force, or amended, it names that document, linked: 所解读的文件《X》（文号，日期发布）已废止 — and where its
 * replacement is published, points to the list below, which names it and its current interpretation (ReplacingPolicyLine).
 * Nothing when every document it explains is in force: an interpretation in force says nothing of 效力, as a document in
 * force does not. `policies`: the published documents it explains (storage's linksOf).
 */
export function InterpretedValidityNotice({ policies }: { policies: readonly LinkedItem[] }) {
  const told = policies.filter((p) => p.validity !== 'valid');
  if (!told.length) return null;
  return (
    <div class="notice interpreted-validity" role="note">
      {told.map((p) => (
        <p key={p.id}>
          {p.validity === 'amended' ? (
            <><strong>所解读的文件<Named doc={p} />已修改。</strong>本解读所述内容可能与修改后的规定不一致，请以修改后的文件为准。</>
          ) : (
            <>
              <strong>所解读的文件<Named doc={p} />{p.validity === 'repealed' ? '已废止' : '已失效'}。</strong>
              本解读说明的是该文件的规定，现已不再适用{p.replacedBy ? <>；替代它的文件见下方“<a href="#policies-h">本文解读的政策文件</a>”</> : ''}。
            </>
          )}
        </p>
      ))}
    </div>
  );
}
