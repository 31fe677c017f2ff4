import { createContext } from 'preact';

/**
 * What every portal page's header and footer show about whose site it is, computed once per request
 * (by the catalog area's SiteFrames, wired in src/main) and handed to PortalLayout through a context,
 * so no page has to pass it along.
 */
export type PortalFrame = {
  siteName: string;
  emblemUrl: string | null;
  /** The organ whose pages these are (its name in the header, its sections in the navigation). */
  organ: { code: string; name: string } | null;
  /**
   * The organ the header search is scoped to on these pages: the organ itself, or for an internal unit
   * (which publishes nothing of its own) the organ above it that publishes for it. (The results page shows no
   * header box: its own form is the search box.) `label` is how every scope is worded on the portal — the organ's short name (县住建局),
   * or its name when it has none — the same in the header and on the results page (scopeLabel).
   */
  searchScope?: { code: string; label: string; regionFirst?: boolean } | null;
  nav: { label: string; href: string }[];
  footer: { hostUnit: string; operatorUnit: string; address: string; phone: string; icpNumber: string; policeNumber: string; siteCode: string; errorReportUrl: string };
};

export const PortalFrameContext = createContext<PortalFrame | null>(null);

/**
 * What the back office's menu needs to know of the signed-in person, so it shows only the entries they
 * can use: their roles (any organ); whether they handle any organ's applications, letters,
 * consultations and proposals (`handles`: false for staff of internal units only, 条例第二十七条);
 * whether they hold a role on an organ itself, not only on its units (`onOrgan`: its annual report and
 * search statistics); whether they administer an organ (`administers`: 机关与目录). Set for every
 * back-office request by `settleStaffMenu`; null only for a page rendered outside a request, and then
 * the entries are shown — the pages still check.
 */
export type StaffMenu = { roles: readonly string[]; handles: boolean | null; handedLetters?: boolean; onOrgan?: boolean | null; administers?: boolean | null };

export const StaffMenuContext = createContext<StaffMenu | null>(null);
