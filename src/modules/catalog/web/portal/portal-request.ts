import type { FastifyRequest } from 'fastify';
import { prefsFromCookies, type ReadingPrefs } from '../../../../platform/views/prefs.ts';

export type PortalRequestInfo = { prefs: ReadingPrefs; currentPath: string };

export const portalInfo = (request: FastifyRequest): PortalRequestInfo => ({
  prefs: prefsFromCookies(request.cookies),
  currentPath: request.url,
});

export const pageParam = (raw: unknown): number => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};

