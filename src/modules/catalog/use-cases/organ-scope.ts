import { mayAdminister, mayWorkOn, organChainFrom, type Principal } from '../../identity/index.ts';
import type { Organ } from '../domain/organ.ts';
import { organIdsWithNodes } from '../storage/catalog-nodes-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { listOrgans } from '../storage/organs-repository.ts';

/**
 * The organs a person works on, from one read of the organ table: a role on an organ reaches the
 * units below it. Back-office pages of every area use this to list and check organs. Which organs
 * have a catalog node is asked of the database only when a page asks (`hasCatalog`), at most once.
 */
export async function organScope(db: Executor, principal: Principal) {
  const organs = await listOrgans(db);
  let withCatalog: Promise<Set<number>> | undefined;
  const parent = new Map(organs.map((o) => [o.id, o.parentId]));
  const chainOf = (id: number) => organChainFrom(parent, id);
  const may = (organ: Organ | number, role: 'editor' | 'organ_admin') => (role === 'editor' ? mayWorkOn : mayAdminister)(principal, chainOf(typeof organ === 'number' ? organ : organ.id));
  const staffOf = organs.filter((o) => may(o, 'editor'));
  // A unit's staff submit items to their organ's catalog (信息报送), so they work on it too.
  const parentsOfUnits = organs.filter((o) => !staffOf.includes(o) && staffOf.some((u) => u.kind === 'unit' && u.parentId === o.id));
  return {
    organs,
    chainOf,
    may,
    /** Organs the person drafts or reviews for, including the organs their units submit to. */
    staffOf: [...staffOf, ...parentsOfUnits],
    /** Organs (and units) the person holds a role on, directly or through an organ above. */
    directStaffOf: staffOf,
    /** Organs the person administers. */
    adminOf: organs.filter((o) => may(o, 'organ_admin')),
    /**
     * Whether an organ has a catalog node to put an item in (an item needs one: 请至少选择一个目录栏目),
     * as a test over every organ. Only 工作台 and 信息管理 need it (新建信息), so it is read on their
     * first asking and kept for the rest of the scope; other pages never pay for the query.
     */
    hasCatalog: async (): Promise<(organ: Organ | number) => boolean> => {
      withCatalog ??= organIdsWithNodes(db);
      const ids = await withCatalog;
      return (organ) => ids.has(typeof organ === 'number' ? organ : organ.id);
    },
  };
}

export type OrganScope = Awaited<ReturnType<typeof organScope>>;
