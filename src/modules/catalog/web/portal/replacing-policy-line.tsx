import type { ReplacingPolicy } from '../../storage/interpretations-repository.ts';
import { Named } from './validity-notice.tsx';

/**
 * Under a policy no longer in force that an interpretation explains: the published document that
 * replaced it and that document's published interpretations — 该文件已被《新文件》（文号，日期发布）替代，现行解读：《新解读》（日期发布） —
 * so a reader who lands on an older interpretation (often of the same title) learns that a current
 * one exists. With none published, the replacing document alone. The older interpretation itself
 * stays as it was published: it explained the policy of its day. A replacement since repealed or
 * lapsed in its turn is marked so, and its interpretations are not called 现行.
 */
export function ReplacingPolicyLine({ replacing }: { replacing: ReplacingPolicy }) {
  const inForce = replacing.validity === 'valid' || replacing.validity === 'amended';
  const ended = replacing.validity === 'repealed' ? '（已废止）' : replacing.validity === 'expired' ? '（已失效）' : '';
  const texts = replacing.interpretations;
  return (
    <p class="link-replacement">
      该文件已被<Named doc={replacing} />{!inForce && ended}替代
      {texts.length > 0 && <>，{inForce ? '现行解读' : '其解读'}：{texts.map((t, i) => <>{i > 0 && '、'}<Named doc={t} /></>)}</>}。
    </p>
  );
}
