import { organWithUnits, type Organ } from '../../catalog/index.ts';

/**
 * The organs whose data make up an organ's report: the organ and its units (二级机构, 股室), which
 * report through it. A department or a lower government reports for itself.
 */
export function reportScope(organ: Organ, all: Organ[]): number[] {
  return organWithUnits(organ.id, all);
}

/**
 * The organs of a county-level view: the government itself and every department or lower
 * government under it (units are folded into their organ), in the catalog's order.
 */
export function countyMembers(government: Organ, all: Organ[]): Organ[] {
  const out = [government];
  for (let i = 0; i < out.length; i++) {
    for (const o of all) if (o.parentId === out[i].id && o.kind !== 'unit' && !out.includes(o)) out.push(o);
  }
  return out.sort((a, b) => (a.id === government.id ? -1 : b.id === government.id ? 1 : a.sortOrder - b.sortOrder || a.id - b.id));
}
