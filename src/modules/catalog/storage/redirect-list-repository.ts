import type { Executor } from './executor.ts';
import { spellingsOf } from './redirects-repository.ts';

/**
 * An old address of the portal (canonical) and the address it now answers with a 301; `spellings`:
 * the address as the old site wrote it where that differs ('/xxgk/content.jsp?id=88&cat=3').
 */
export type RedirectEntry = { fromPath: string; toPath: string; spellings: string[] };

/**
 * Every permanent redirect of the portal, or, with `toPrefix` (an organ's pages: '/organs/qlx-zjj'),
 * those that lead to that address or below it (a merged node's old page, an old site's addresses of
 * the organ's items), ordered by old address. For the static copy, which writes them as files.
 */
export async function listRedirects(db: Executor, opts: { toPrefix?: string } = {}): Promise<RedirectEntry[]> {
  const prefix = opts.toPrefix?.replace(/\/+$/, '');
  let q = db.selectFrom('redirects').select(['from_path', 'to_path', 'spellings']);
  // LIKE narrows the rows; the exact test below, since '_' and '%' may stand in an organ's code.
  if (prefix) q = q.where((eb) => eb.or([eb('to_path', '=', prefix), eb('to_path', 'like', `${prefix}/%`)]));
  const rows = await q.orderBy('from_path').execute();
  return rows
    .filter((r) => !prefix || r.to_path === prefix || r.to_path.startsWith(`${prefix}/`))
    .map((r) => ({ fromPath: r.from_path, toPath: r.to_path, spellings: spellingsOf(r.spellings) }));
}
