import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { actorUserId, isSystemAdmin, type Actor } from '../../identity/index.ts';
import { contentMismatch } from '../domain/file-content.ts';
import { IDENTITY_FIELDS, siteIdentitySchema, type SiteIdentityInput } from '../domain/site-identity.ts';
import { findIdentityRow, saveIdentityRow, type IdentityScope } from '../storage/site-identity-repository.ts';
import { audit } from './audit-helper.ts';
import { requireRoleOnOrgan } from './authorize.ts';
import { contentChanged } from '../../../platform/db/content-version.ts';

export const MAX_EMBLEM_BYTES = 1024 * 1024;
const EMBLEM_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

export const emblemPath = (dataDir: string, key: string) => path.join(dataDir, 'site', key);

/** The identity as stored for one scope (empty values where nothing is set), for the settings form and the API. */
export async function identityFor(deps: AppDeps, scope: IdentityScope): Promise<SiteIdentityInput & { emblem: boolean }> {
  const r = await findIdentityRow(deps.db, scope);
  return {
    siteName: r?.site_name ?? '', hostUnit: r?.host_unit ?? '', operatorUnit: r?.operator_unit ?? '', address: r?.address ?? '', phone: r?.phone ?? '',
    icpNumber: r?.icp_number ?? '', policeNumber: r?.police_number ?? '', siteCode: r?.site_code ?? '', errorReportUrl: r?.error_report_url ?? '', emblem: !!r?.emblem_key,
  };
}

/**
 * Saves the site's identity (a system administrator) or an organ's (its administrator), with an
 * optional emblem image checked by its content (PNG, JPEG or GIF, at most 1 MB) or removed.
 * Every field is validated; a refusal lists every field (`ERR_VALIDATION`) and nothing is written.
 */
export async function saveSiteIdentity(
  deps: AppDeps, actor: Actor, organId: number | null, raw: unknown,
  emblem?: { fileName: string; bytes: Buffer } | 'remove',
): Promise<void> {
  if (organId === null) {
    if (!(actor.kind === 'system' || isSystemAdmin(actor.principal))) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有系统管理员可以设置全站的网站标识和备案信息', { httpStatus: 403 });
  } else {
    await requireRoleOnOrgan(deps.db, actor, organId, 'organ_admin');
  }
  const body = (raw ?? {}) as Record<string, unknown>;
  const parsed = siteIdentitySchema.safeParse(Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, typeof body[f] === 'string' ? body[f] : undefined])));
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => ({ code: 'ERR_VALIDATION', message: i.message, field: String(i.path[0]) }));
    throw DomainError.fromReasons(reasons);
  }
  let stored: { key: string; mime: string } | null | undefined;
  let written: string | null = null;
  if (emblem === 'remove') stored = null;
  else if (emblem) {
    const ext = path.extname(emblem.fileName).toLowerCase();
    if (!EMBLEM_TYPES[ext]) throw new DomainError('ERR_SITE_EMBLEM_TYPE', '网站标志图片应为 PNG、JPG 或 GIF 格式', { field: 'emblem' });
    if (emblem.bytes.length === 0 || emblem.bytes.length > MAX_EMBLEM_BYTES) throw new DomainError('ERR_SITE_EMBLEM_SIZE', '网站标志图片不能为空，也不能超过 1 MB', { field: 'emblem' });
    const mismatch = contentMismatch(ext, emblem.bytes);
    if (mismatch) throw new DomainError('ERR_SITE_EMBLEM_TYPE', `网站标志图片${mismatch}`, { field: 'emblem' });
    stored = { key: `${randomUUID()}${ext}`, mime: EMBLEM_TYPES[ext] };
    written = emblemPath(deps.dataDir, stored.key);
    await fs.mkdir(path.dirname(written), { recursive: true });
    await fs.writeFile(written, emblem.bytes);
  }
  const scope: IdentityScope = organId === null ? 'site' : `organ:${organId}`;
  const at = deps.clock.now().toISOString();
  let replaced: string | null = null;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const before = await findIdentityRow(trx, scope);
      // A new or removed emblem lets the old image go, once the change is committed.
      if (stored !== undefined && before?.emblem_key) replaced = before.emblem_key;
      await saveIdentityRow(trx, scope, parsed.data, stored, actorUserId(actor), at);
      await contentChanged(trx, at); // every portal page's header and footer
      await audit(trx, deps, actor, at, { action: 'site_identity.save', entityType: 'site_identity', entityId: scope, organId, before: before ?? null, after: { ...parsed.data, emblem: stored === undefined ? 'unchanged' : stored ? 'new' : 'removed' } });
    });
  } catch (e) {
    if (written) await fs.rm(written, { force: true }); // nothing partial: no file without its row
    throw e;
  }
  if (replaced) await fs.rm(emblemPath(deps.dataDir, replaced), { force: true });
}
