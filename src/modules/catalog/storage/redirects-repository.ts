import { DomainError } from '../../../shared/domain-error.ts';
import type { Executor } from './executor.ts';

/** A permanent redirect of the portal: an old path answers 301 to its new path. */
export type Redirect = { fromPath: string; toPath: string; reason: string; createdAt: string };

const MAX_PATH = 2000;

/**
 * A path of this site as a browser requests it, without query string or fragment: it starts with one
 * '/', so a redirect never leads to another site.
 */
function checkPath(path: string, field: 'fromPath' | 'toPath'): string {
  const label = field === 'fromPath' ? '原地址' : '新地址';
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || /[\s?#\\]/.test(path) || path.length > MAX_PATH) {
    throw new DomainError('ERR_CATALOG_REDIRECT_INVALID', `${label}应为本站以“/”开头的路径，不含空格、“?”或“#”，不超过 ${MAX_PATH} 个字符：${String(path).slice(0, 80)}`, { field });
  }
  return path;
}

/**
 * Records that `fromPath` moved permanently to `toPath` (node merges; the import's old-site URLs).
 * Chains resolve when written, so a lookup is always one step: a target that itself redirects is
 * replaced by its final target, and every redirect that led to `fromPath` now leads to the new
 * target. A redirect to itself or one that would close a loop is refused (ERR_CATALOG_REDIRECT_LOOP).
 * Recording the same `fromPath` again replaces its target. `at` defaults to now. Call it inside the
 * caller's transaction.
 */
export async function recordRedirect(db: Executor, r: { fromPath: string; toPath: string; reason: string; at?: string }): Promise<void> {
  const from = checkPath(r.fromPath, 'fromPath');
  let to = checkPath(r.toPath, 'toPath');
  const onward = await resolveRedirect(db, to);
  if (onward) to = onward;
  if (to === from) {
    throw new DomainError('ERR_CATALOG_REDIRECT_LOOP', `不能把地址 ${from} 转向 ${r.toPath}：${r.toPath === from ? '转向自己' : '会形成循环转向'}`, { httpStatus: 409, field: 'toPath' });
  }
  const at = r.at ?? new Date().toISOString();
  const reason = String(r.reason ?? '').slice(0, 200);
  await db.deleteFrom('redirects').where('from_path', '=', from).execute();
  await db.insertInto('redirects').values({ from_path: from, to_path: to, reason, created_at: at }).execute();
  await db.updateTable('redirects').set({ to_path: to }).where('to_path', '=', from).execute();
}

/** Where a path now lives, if it moved: one indexed lookup. */
export async function resolveRedirect(db: Executor, path: string): Promise<string | null> {
  if (!path.startsWith('/') || path.length > MAX_PATH) return null;
  const r = await db.selectFrom('redirects').select('to_path').where('from_path', '=', path).executeTakeFirst();
  return r?.to_path ?? null;
}

/** Redirects that lead into any of these paths (for the preview: what else already pointed there). */
export async function redirectsTo(db: Executor, paths: string[]): Promise<Redirect[]> {
  if (paths.length === 0) return [];
  const rows = await db.selectFrom('redirects').selectAll().where('to_path', 'in', paths).orderBy('id').execute();
  return rows.map((r) => ({ fromPath: r.from_path, toPath: r.to_path, reason: r.reason, createdAt: r.created_at }));
}
