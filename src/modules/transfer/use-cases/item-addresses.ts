import { dropRedirectsFrom, findOrganByCode, itemNumbersTaken, recordRedirect, type Executor, type Organ } from '../../catalog/index.ts';
import { itemOfPagePath } from '../domain/item-page-path.ts';
import { itemPath } from '../../catalog/index.ts';
import type { ParsedItem } from '../domain/parse-item.ts';

/**
 * An imported item's addresses (docs/import-export.md "Addresses"). An export lists each item's page
 * on the installation it came from (`/organs/CODE/items/N`) and the old addresses that led there, in
 * 原网址. On import an item keeps its number N when the organ's code is the same and no item has N
 * yet — so an export imported into an empty database keeps every address — and every other former
 * address answers 301 to its new page. An old site's crawl gives only old addresses.
 */

/**
 * The number each row keeps (undefined: a new one), at most one row per number. The caller writes
 * these rows first and then calls catalog's catchUpItemNumbers, so new items never take one.
 */
export async function keptNumbers(db: Executor, organ: Organ, items: ParsedItem[]): Promise<(number | undefined)[]> {
  const wanted = items.map((item) => item.oldPaths.map(itemOfPagePath).find((p) => p !== null && p.organCode === organ.code)?.id);
  const taken = await itemNumbersTaken(db, [...new Set(wanted.filter((n): n is number => n !== undefined))]);
  const claimed = new Set<number>();
  return wanted.map((n) => {
    if (n === undefined || taken.has(n) || claimed.has(n)) return undefined;
    claimed.add(n);
    return n;
  });
}

/**
 * Records each written item's former addresses as redirects to its page (`ids[i]` is `items[i]`'s),
 * acted on while the item is published. The new pages are first forgotten as redirect sources; an
 * address that is the page of an item of this database stays that item's. Returns how many were recorded.
 */
export async function recordItemAddresses(db: Executor, organ: Organ, items: ParsedItem[], ids: number[], reason: string, at: string): Promise<number> {
  const pages = ids.map((id) => itemPath(organ.code, id));
  await dropRedirectsFrom(db, pages);
  const organs = new Map<string, number | null>();
  const organIdOf = async (code: string) => {
    if (!organs.has(code)) organs.set(code, (await findOrganByCode(db, code))?.id ?? null);
    return organs.get(code)!;
  };
  const pageItems = items.flatMap((item) => item.oldPaths.map(itemOfPagePath)).filter((p) => p !== null);
  const taken = await itemNumbersTaken(db, [...new Set(pageItems.map((p) => p.id))]);
  let recorded = 0;
  for (const [i, item] of items.entries()) {
    for (const [j, from] of item.oldPaths.entries()) {
      if (from === pages[i]) continue;
      const page = itemOfPagePath(from);
      if (page && taken.has(page.id) && taken.get(page.id) === (await organIdOf(page.organCode))) continue;
      // The address as the file wrote it is kept too: a static copy's web server matches that spelling.
      await recordRedirect(db, { fromPath: from, toPath: pages[i], reason, at, itemId: ids[i], spellings: [item.oldUrls[j]] });
      recorded++;
    }
  }
  return recorded;
}
