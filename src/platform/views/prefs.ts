/** Reading preferences a citizen sets without JavaScript (links to /prefs set cookies). */
export type ReadingPrefs = { fontSize: 's' | 'm' | 'l'; elder: boolean };

export function prefsFromCookies(cookies: Record<string, string | undefined>): ReadingPrefs {
  const fs = cookies.gk_fs;
  return { fontSize: fs === 's' || fs === 'l' ? fs : 'm', elder: cookies.gk_elder === '1' };
}

/** Only same-site paths are accepted as a return address (no open redirect). */
export function safeReturnPath(raw: unknown): string {
  return typeof raw === 'string' && /^\/(?![/\\])[^\s]*$/.test(raw) ? raw : '/';
}

export const prefsLink = (change: string, returnTo: string) => `/prefs?${change}&return=${encodeURIComponent(returnTo)}`;
