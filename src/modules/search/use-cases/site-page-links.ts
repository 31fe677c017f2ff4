import { scopeLabel, type Organ } from '../../catalog/index.ts';
import type { ParsedQuery } from '../domain/parse-query.ts';
import { contactAsked, sitePagesAsked, type SitePage } from '../domain/site-pages.ts';

/** One of the portal's own pages the words ask for: what it is called, and its address. */
export type SitePageLink = { page: SitePage; title: string; url: string };
/**
 * The 本站栏目/服务 panel (docs/search.md, "The portal's own pages"): the pages of one organ the words ask for — the one they
 * name, else the one in scope, else the region's government (`regionWide`: each organ has its own, listed at /organs) —
 * with the organ's public contact details (its 咨询电话, address and office hours) when the words ask how to reach it.
 */
export type SitePageLinks = {
  organ: { code: string; name: string; label: string };
  pages: SitePageLink[];
  /** Asked for the organ's phone, address or hours: those asked (domain/site-pages.ts contactAsked) that it has, the others null. */
  contact: { phone: string | null; address: string | null; officeHours: string | null } | null;
  /** No organ named nor in scope: the pages are the region's government's, and the other organs have their own. */
  regionWide: boolean;
};

const TITLES: Record<SitePage, string> = {
  guide: '政府信息公开指南', rules: '政府信息公开制度', annualReports: '政府信息公开工作年度报告', statutory: '法定主动公开内容',
  catalog: '政府信息公开目录', apply: '依申请公开（在线申请）', applicationStatus: '依申请公开办理进度查询', letters: '部门信箱（在线写信）',
  letterStatus: '信件办理进度查询', contact: '联系方式', functions: '机构职能、内设机构和领导信息',
};

/** Where each page is: an organ's own, or the portal's one look-up. The 联系方式 and 机构职能 are on the organ's page (its footer, its catalog). */
const urlOf = (page: SitePage, code: string) => ({
  guide: `/organs/${code}/guide`, rules: `/organs/${code}/rules`, annualReports: `/organs/${code}/annual-reports`, statutory: `/organs/${code}/statutory`,
  catalog: `/organs/${code}/catalog`, apply: `/organs/${code}/apply`, applicationStatus: '/applications/status', letters: `/organs/${code}/letters/new`,
  letterStatus: '/letters/status', contact: `/organs/${code}`, functions: `/organs/${code}`,
}[page]);

/**
 * The portal's pages the words ask for (domain/site-pages.ts), as links of one organ; null when they ask for none or no
 * organ is at hand. Pure: the organ list is the one the search has read (organListOf), no statement of its own.
 */
export function sitePageLinks(query: ParsedQuery, scopeOrganId: number | null, organs: Organ[]): SitePageLinks | null {
  const asked = sitePagesAsked(query, organs);
  if (!asked) return null;
  const scope = scopeOrganId === null ? null : organs.find((o) => o.id === scopeOrganId) ?? null;
  const government = organs.find((o) => o.kind === 'government' && o.parentId === null) ?? null;
  const organ = asked.organ ?? scope ?? government;
  if (!organ) return null;
  // The 机构职能 and the 联系方式 are both on the organ's page: one link.
  const pages = asked.pages.filter((p) => !(p === 'functions' && asked.pages.includes('contact')));
  return {
    organ: { code: organ.code, name: organ.name, label: scopeLabel(organ) },
    pages: pages.map((page) => ({ page, title: page === 'contact' && asked.pages.includes('functions') ? '联系方式、机构职能' : TITLES[page], url: urlOf(page, organ.code) })),
    contact: asked.pages.includes('contact') ? contactOf(organ, contactAsked(query)) : null,
    regionWide: !asked.organ && !scope,
  };
}

/** The organ's contact details the question asks for, those it has filled in; the others null. */
function contactOf(organ: Organ, asked: { phone: boolean; address: boolean; officeHours: boolean }): NonNullable<SitePageLinks['contact']> {
  const filled = (wanted: boolean, s: string) => (wanted && s.trim() ? s.trim() : null);
  return { phone: filled(asked.phone, organ.consultPhone), address: filled(asked.address, organ.address), officeHours: filled(asked.officeHours, organ.officeHours) };
}
