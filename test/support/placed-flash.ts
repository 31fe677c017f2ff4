import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';

type Redirect = { headers: Record<string, unknown>; cookies: { name: string; value: string }[] };

/**
 * Follows a back-office redirect to a fragment with the flash it set (platform/views/flash.tsx) and
 * returns what the page says in the place the fragment names (`FlashAt`, id="flash-PLACE"), after
 * checking the redirect goes to that place and that nothing is told at the top of the page instead.
 */
export async function flashToldAt(app: FastifyInstance, res: Redirect, session: { cookies: Record<string, string> }, place: string) {
  expect(String(res.headers.location)).toMatch(new RegExp(`#${place}$`));
  const flash = res.cookies.find((c) => c.name === 'gk_flash');
  expect(flash, 'the redirect sets a flash').toBeDefined();
  const body = (await app.inject({ url: String(res.headers.location).replace(/#.*$/, ''), cookies: { ...session.cookies, gk_flash: flash!.value } })).body;
  expect(body, 'nothing told at the top of the page').not.toMatch(/<main[^>]*><p class="flash"/);
  const text = new RegExp(`<[a-z]+ id="flash-${place}"[^>]*>([\\s\\S]*?)</(?:p|div)>`).exec(body)?.[1] ?? '';
  return { text, body };
}
