/**
 * Where a repealed or lapsed policy's 替代文件 leads (政策解读's replacement line, docs/rules/proactive-disclosure.md):
 * its replacement, and while that one is no longer in force and names a published replacement of its own, that
 * one — so a reader of an older interpretation is led to the policy in force now, not to one repealed since. Pure.
 */

/**
 * Whether a document of this 效力 is in force: 有效, or 已修改 (in force as amended). A replacement that is not —
 * 已废止, 已失效 — is followed on to its own replacement; pages never call it 现行.
 */
export const isInForce = (validity: string): boolean => validity === 'valid' || validity === 'amended';

/** How many replacements are followed at most: a longer line of them is a mistake in the records, not a policy's history. */
export const MAX_REPLACEMENT_STEPS = 10;

/**
 * The replacements from `policyId` on, first to last: `firstId`, then what `onward` names for the last one so far.
 * `onward` knows the published documents that may be on the way: for each, the published replacement it leads on to
 * when it is no longer in force, else null; a document it does not know (unpublished) is not followed. The line stops
 * before a document met already (a circle recorded by mistake: the 2026 办法 repealed for the 2027 one, the 2027 one
 * for the 2026 one again) and after `max` documents. Empty when the first is not known.
 */
export function replacementChain(policyId: number, firstId: number, onward: ReadonlyMap<number, number | null>, max = MAX_REPLACEMENT_STEPS): number[] {
  if (!onward.has(firstId) || firstId === policyId) return [];
  const chain = [firstId];
  const seen = new Set([policyId, firstId]);
  while (chain.length < max) {
    const next = onward.get(chain[chain.length - 1]!);
    if (next === null || next === undefined || seen.has(next) || !onward.has(next)) break;
    chain.push(next);
    seen.add(next);
  }
  return chain;
}
