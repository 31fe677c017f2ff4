import type { Organ } from './organ.ts';

/**
 * The organ that takes applications and publishes the annual report for `organ`: itself, or for an
 * internal unit (股室, 条例第二十七条) the nearest organ above it that is not a unit; null when the
 * chain is broken (a unit without a parent).
 */
export function handlingOrganOf(organ: Organ, organs: readonly Organ[]): Organ | null {
  const seen = new Set<number>();
  let o: Organ | undefined = organ;
  while (o && o.kind === 'unit' && !seen.has(o.id)) {
    seen.add(o.id);
    const parentId: number | null = o.parentId;
    o = organs.find((x) => x.id === parentId);
  }
  return o && o.kind !== 'unit' ? o : null;
}

/**
 * The organ and its internal units (股室, 二级机构, at any depth), which publish and report through it —
 * never the organs under it (a county government's departments are organs of their own). The
 * inverse of `handlingOrganOf`: the ids of everything an organ answers for, itself first.
 */
export function organWithUnits(organId: number, organs: readonly Pick<Organ, 'id' | 'parentId' | 'kind'>[]): number[] {
  const ids = [organId];
  for (let i = 0; i < ids.length; i++) for (const o of organs) if (o.parentId === ids[i] && o.kind === 'unit' && !ids.includes(o.id)) ids.push(o.id);
  return ids;
}
