import type { LinkedEnd, ReplacingPolicy } from '../../storage/interpretations-repository.ts';
import { isInForce } from '../../domain/replacement-chain.ts';
import { Named } from './validity-notice.tsx';

const inForce = (d: LinkedEnd) => isInForce(d.validity);
const endedWord = (d: LinkedEnd) => (d.validity === 'repealed' ? '已废止' : d.validity === 'expired' ? '已失效' : '');

/**
 * Under a policy no longer in force that an interpretation explains: the published document that
 * replaced it and that document's published interpretations — 该文件已被《新文件》（文号，日期发布）替代，现行解读：《新解读》（日期发布） —
 * so a reader who lands on an older interpretation (often of the same title) learns that a current
 * one exists. With none published, the replacing document alone. The older interpretation itself
 * stays as it was published: it explained the policy of its day. A replacement since repealed or lapsed
 * and replaced in its turn is followed to the policy in force now (`via`, storage's replacingPoliciesOf):
 * 该文件已被《第二版》替代，后者已废止，现行文件为《第三版》，现行解读：《…》. Where the line ends at one no longer
 * in force (none published after it, or a circle of replacements), that one is marked so and its
 * interpretations are not called 现行.
 */
export function ReplacingPolicyLine({ replacing }: { replacing: ReplacingPolicy }) {
  const current = inForce(replacing);
  const ended = current ? '' : `（${endedWord(replacing)}）`;
  const [first, ...rest]: LinkedEnd[] = [...replacing.via, replacing];
  const texts = replacing.interpretations;
  return (
    <p class="link-replacement">
      该文件已被<Named doc={first!} />{rest.length === 0 && ended}替代
      {rest.map((d, i) => {
        const before = i === 0 ? first : rest[i - 1]!;
        const last = i === rest.length - 1;
        return <>，后者{endedWord(before)}，{last && current ? <>现行文件为<Named doc={d} /></> : <>由<Named doc={d} />{last && ended}替代</>}</>;
      })}
      {texts.length > 0 && <>，{current ? '现行解读' : '其解读'}：{texts.map((t, i) => <>{i > 0 && '、'}<Named doc={t} /></>)}</>}。
    </p>
  );
}
