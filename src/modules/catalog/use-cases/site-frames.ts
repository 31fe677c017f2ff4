import type { AppDeps } from '../../../platform/app-deps.ts';
import type { PortalFrame } from '../../../platform/views/portal-frame.ts';
import { mergeIdentity, type SiteIdentity } from '../domain/site-identity.ts';
import type { Organ } from '../domain/organ.ts';
import { handlingOrganOf } from '../domain/handling-organ.ts';
import { scopeLabel } from '../domain/scope-label.ts';
import { listOrgans } from '../storage/organs-repository.ts';
import { listIdentityRows } from '../storage/site-identity-repository.ts';
import { contentVersionReader } from '../../../platform/db/content-version.ts';

/** Read again after this long even without a new content version (a change made outside the platform). */
export const FRAME_CACHE_MS = 60_000;

type Loaded = { organs: Organ[]; byCode: Map<string, Organ>; identities: Map<string, Partial<SiteIdentity>>; version: number; at: number };

/**
 * The portal frame of a page — whose site it is, the navigation, the filing data — from the organs
 * and the identity settings, read once per content version and kept in memory (a portal page costs
 * no query for it). Saving a setting or an organ raises the content version in its transaction
 * (src/platform/db/content-version.ts), so every instance reads them again on its next page.
 */
export class SiteFrames {
  private loaded: Promise<Loaded> | null = null;
  private readonly readVersion: () => Promise<{ version: number }>;

  constructor(private readonly deps: AppDeps) {
    this.readVersion = contentVersionReader(deps.db);
  }

  invalidate(): void {
    this.loaded = null;
  }

  /** The frame of the page at `url`, as of the content version (read now unless the request has read it). */
  async frameFor(url: string, version?: number): Promise<PortalFrame> {
    const data = await this.load(version ?? (await this.readVersion()).version);
    const code = /^\/organs\/([^/?#]+)/.exec(url)?.[1];
    const wanted = code ? safeDecode(code) : null;
    const organ = wanted ? data.byCode.get(wanted) ?? null : null;
    const chain: Organ[] = [];
    for (let o: Organ | undefined = organ ?? undefined; o && !chain.includes(o); o = data.organs.find((x) => x.id === o!.parentId)) chain.unshift(o);
    const identity = mergeIdentity([data.identities.get('site'), ...chain.map((o) => data.identities.get(`organ:${o.id}`))]);
    const government = data.organs.find((o) => o.kind === 'government' && o.parentId === null);
    const siteName = identity.siteName || (government ? `${government.name}信息公开` : '政府信息公开');
    const base = organ ? `/organs/${organ.code}` : null;
    // An internal unit's applications and annual report are its organ's (条例第二十七条、第四十九条).
    const handler = organ ? handlingOrganOf(organ, data.organs) ?? organ : null;
    const handlerBase = handler ? `/organs/${handler.code}` : null;
    const nav = [
      { label: '首页', href: '/' },
      { label: '信息公开', href: '/organs' },
      ...(base ? [
        { label: '公开指南', href: `${base}/guide` },
        { label: '公开目录', href: `${base}/catalog` },
        { label: '依申请公开', href: `${handlerBase}/apply` },
        { label: '公开年报', href: `${handlerBase}/annual-reports` },
        ...(organ!.kind !== 'unit' ? [{ label: '互动交流', href: `${base}/letters` }] : []),
      ] : []),
    ];
    const { emblemUrl, siteName: _name, ...footer } = identity;
    // The header's search box: a unit's items are published by its organ (search covers an organ and its
    // units), so its pages search that organ. The results page (/search) shows no header box — its own form
    // keeps the organ searched — so it needs no scope here. On the pages of a government at the top with
    // departments under it (the county government) the whole site comes first: most citizens arrive
    // there (the home page lists it first) and mean the county — 扬尘, 公租房 are its departments' items,
    // none of them the government's own.
    const regionFirst = !!handler && handler.parentId === null && data.organs.some((o) => o.parentId === handler.id && o.kind !== 'unit');
    const searchScope = handler ? { code: handler.code, label: scopeLabel(handler), regionFirst } : null;
    return { siteName, emblemUrl, organ: organ ? { code: organ.code, name: organ.name } : null, searchScope, nav, footer };
  }

  private load(version: number): Promise<Loaded> {
    if (this.loaded) {
      const pending = this.loaded;
      const fresh = (d: Loaded) => d.version >= version && this.deps.clock.now().getTime() - d.at < FRAME_CACHE_MS;
      return pending.then((d) => (fresh(d) ? d : this.loaded === pending ? this.reload(version) : this.load(version)));
    }
    return this.reload(version);
  }

  private reload(version: number): Promise<Loaded> {
    this.loaded = (async () => {
      const [organs, rows] = await Promise.all([listOrgans(this.deps.db), listIdentityRows(this.deps.db)]);
      const identities = new Map(rows.map((r) => [r.scope, {
        siteName: r.site_name, hostUnit: r.host_unit, operatorUnit: r.operator_unit, address: r.address, phone: r.phone, icpNumber: r.icp_number,
        policeNumber: r.police_number, siteCode: r.site_code, errorReportUrl: r.error_report_url,
        emblemUrl: r.emblem_key ? `/site/emblem/${encodeURIComponent(r.scope)}?v=${encodeURIComponent(r.updated_at)}` : null,
      } satisfies Partial<SiteIdentity>]));
      return { organs, byCode: new Map(organs.map((o) => [o.code, o])), identities, version, at: this.deps.clock.now().getTime() };
    })();
    this.loaded.catch(() => { this.loaded = null; });
    return this.loaded;
  }
}

const safeDecode = (s: string) => {
  try { return decodeURIComponent(s); } catch { return s; }
};
