import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createActor, createDraft, createNode, createOrgan, createPublished, createStaff, system } from '../support/factories.ts';
import { addAttachment } from '../../src/modules/catalog/index.ts';
import { createApiToken } from '../../src/modules/identity/index.ts';
import { registerProposal, submitLetter } from '../../src/modules/interaction/index.ts';
import { registerInPerson } from '../../src/modules/applications/testing/application-factories.ts';
import type { AppDeps } from '../../src/platform/app-deps.ts';

/**
 * Issue 19: every registered route and API operation, walked as a staff member of another organ and
 * as an anonymous visitor, with the target organ's real ids and guessed ones. A read must not show
 * the target's unpublished data (draft titles, applicants, letter writers and contents); a write must
 * change nothing of the target's. Prints attempts, refusals and failures.
 */
const SECRETS = {
  draft: '机密草稿：拟调整的保障房分配名单', applicant: '申请人欧阳秘密', writer: '来信人司马秘密', letter: '信件正文：举报某小区物业的秘密线索',
  proposal: '尚未答复的建议：关于调整保障房分配的秘密建议',
};
const PUBLIC_WRITES = new Set([
  'POST /admin/login', 'POST /admin/login/two-step', 'POST /organs/:code/apply', 'POST /organs/:code/letters/new', 'POST /applications/status',
  'POST /applications/status/letters/:id', 'POST /letters/status', 'POST /letters/status/rate', 'POST /api/v1/organs/:code/letters',
  'POST /api/v1/letters/status', 'POST /api/v1/letters/rate', 'POST /api/v1/consultations/:id/comments',
]);
/** One's own account and tokens: a person acts on their own, not on the target's. */
const OWN = /^(POST|GET) \/admin\/(account|tokens)(\/|$)|^(GET|POST) \/api\/v1\/tokens$|^POST \/admin\/logout$/;

describeEachDialect('every route refuses another organ and the anonymous', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps;
  const ids: Record<string, string> = {};
  let target: { id: number; code: string };
  let outsiderSession: { cookies: Record<string, string>; csrf: string };
  let outsiderToken: string;

  beforeAll(async () => {
    ({ app, deps } = await buildTestApp(db(), '2026-09-30T02:00:00Z'));
    await app.ready();
    target = await createOrgan(deps);
    const node = await createNode(deps, target.id);
    const draft = await createDraft(deps, target.id, [node], { title: SECRETS.draft });
    const attachment = await addAttachment(deps, system, draft.id, { fileName: '名单.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const published = await createPublished(deps, target.id, [node]);
    const clerk = await createActor(deps, target.code, 'organ_admin');
    const application = await registerInPerson(deps, clerk.actor, target.id, '2026-09-29', { applicantName: SECRETS.applicant });
    await submitLetter(deps, target.code, { type: 'complain', subject: '物业问题', content: SECRETS.letter, writerName: SECRETS.writer, contact: '13912345678', publishConsent: 'no' });
    const letter = await db().db.selectFrom('letters').select('id').where('organ_id', '=', target.id).executeTakeFirstOrThrow();
    const proposal = await registerProposal(deps, clerk.actor, target.id, {
      kind: 'suggestion', number: '0001', title: SECRETS.proposal, submitters: '王某', session: '县十八届人大五次会议', receivedOn: '2026-09-01', role: 'lead',
    });
    const targetUser = await createStaff(deps, target.code, 'editor');
    const targetUserId = (await db().db.selectFrom('users').select('id').where('username', '=', targetUser.username).executeTakeFirstOrThrow()).id;
    await createApiToken(deps, targetUser.username, '目标机关的令牌');
    const token = await db().db.selectFrom('api_tokens').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    Object.assign(ids, {
      publication: String(draft.id), published: String(published.id), attachment: String(attachment), node: String(node), application: String(application.id),
      letter: String(letter.id), user: String(targetUserId), token: String(token.id), proposal: String(proposal.id),
    });

    const outsiderOrgan = await createOrgan(deps);
    const outsider = await createStaff(deps, outsiderOrgan.code, 'organ_admin');
    outsiderSession = await loginAs(app, outsider.username, outsider.password);
    outsiderToken = await createApiToken(deps, outsider.username, '外单位');
  });
  afterAll(async () => app.close());

  /** The id a parameter takes on a route: the target's own where the route names its kind, else a guess. */
  function fill(url: string, guess: boolean): string {
    const kind = (/\/(publications|applications|letters|users|tokens|catalog-nodes|catalog|attachments|nodes|items|comments|consultations|alerts|appeals|word-lists|proposals)\/:id/.exec(url)?.[1]) ?? '';
    const idFor: Record<string, string> = {
      publications: ids.publication!, applications: ids.application!, letters: ids.letter!, users: ids.user!, tokens: ids.token!, 'catalog-nodes': ids.node!,
      catalog: ids.node!, nodes: ids.node!, attachments: ids.attachment!, items: ids.publication!, proposals: ids.proposal!,
    };
    return url
      .replace(':code', target.code)
      .replace(':id', guess ? '1' : idFor[kind] ?? '1')
      .replace(':nodeId', ids.node!)
      .replace(':letterId', '1').replace(':event', '1').replace(':year', '2026').replace(':kind', 'reply').replace(':file', '2025.pdf').replace(':name', '名单.pdf')
      .replace(':verb', url.includes('publications') ? 'submit' : url.includes('letters') || url.includes('proposals') ? 'reply' : 'confirm');
  }

  /** What a write must not change: every row of the target organ's tables, and its people's accounts. */
  async function targetState(): Promise<string> {
    const tables = (await db().db.introspection.getTables()).filter((t) => t.columns.some((c) => c.name === 'organ_id') && !['audit_events', 'search_terms', 'search_queries'].includes(t.name));
    const out: Record<string, unknown> = {};
    for (const t of tables) out[t.name] = (await sql`select * from ${sql.table(t.name)} where organ_id = ${target.id} order by 1`.execute(db().db)).rows;
    out.organ = (await sql`select * from organs where id = ${target.id}`.execute(db().db)).rows;
    const users = sql`select user_id from user_roles where organ_id = ${target.id}`;
    out.users = (await sql`select id, password_hash, is_active, totp_secret from users where id in (${users}) order by id`.execute(db().db)).rows;
    out.roles = (await sql`select * from user_roles where user_id in (${users}) order by 1, 2, 3`.execute(db().db)).rows;
    out.tokens = (await sql`select id, revoked_at, expires_at from api_tokens where user_id in (${users}) order by id`.execute(db().db)).rows;
    return JSON.stringify(out, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
  }

  it('would notice: the target\'s own administrator sees each secret, and a write of theirs changes the state', async () => {
    const admin = await createStaff(deps, target.code, 'organ_admin');
    const s = await loginAs(app, admin.username, admin.password);
    expect((await app.inject({ url: `/admin/publications/${ids.publication}`, cookies: s.cookies })).body).toContain(SECRETS.draft);
    expect((await app.inject({ url: `/admin/applications/${ids.application}`, cookies: s.cookies })).body).toContain(SECRETS.applicant);
    expect((await app.inject({ url: `/admin/letters/${ids.letter}`, cookies: s.cookies })).body).toContain(SECRETS.letter);
    expect((await app.inject({ url: `/admin/proposals/${ids.proposal}`, cookies: s.cookies })).body).toContain(SECRETS.proposal);
    const before = await targetState();
    await createNode(deps, target.id);
    expect(await targetState()).not.toBe(before);
  });

  it('shows none of the target organ\'s unpublished data and changes none of it', async () => {
    const routes = app.registeredRoutes.filter((r) => !r.url.includes('*') && !r.url.startsWith('/api/docs'));
    const failures: string[] = [];
    let attempts = 0;
    let refused = 0;
    const before = await targetState();
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      for (const who of ['outsider', 'anonymous'] as const) {
        if (who === 'outsider' && OWN.test(key)) continue;
        for (const guess of [false, true]) {
          const url = fill(r.url, guess);
          const isApi = url.startsWith('/api/');
          const headers: Record<string, string> = {};
          if (who === 'outsider' && isApi) headers.authorization = `Bearer ${outsiderToken}`;
          const cookies = who === 'outsider' && !isApi ? outsiderSession.cookies : undefined;
          const write = r.method !== 'GET';
          const payload = write ? (isApi ? {} : { _csrf: who === 'outsider' ? outsiderSession.csrf : '' }) : undefined;
          attempts++;
          const res = await app.inject({ method: r.method as 'GET', url, headers, cookies, payload: payload as never });
          const leaked = Object.entries(SECRETS).filter(([, s]) => res.body.includes(s)).map(([k]) => k);
          if (leaked.length) failures.push(`${who} ${key} (${url}) → ${res.statusCode} shows ${leaked.join(', ')}`);
          if (write && !PUBLIC_WRITES.has(key)) {
            const after = await targetState();
            if (after !== before) {
              failures.push(`${who} ${key} (${url}) → ${res.statusCode} changed the target organ's data`);
              break;
            }
          }
          if (who === 'anonymous' && url.startsWith('/admin') && !url.startsWith('/admin/login') && !(res.statusCode === 303 && String(res.headers.location).startsWith('/admin/login')) && res.statusCode < 400) {
            failures.push(`anonymous ${key} (${url}) → ${res.statusCode} without signing in`);
          }
          if (res.statusCode >= 500) failures.push(`${who} ${key} (${url}) → ${res.statusCode} server error`);
          if (res.statusCode >= 300) refused++;
        }
      }
    }
    console.log(`cross-organ walk [${db().dialect}]: ${routes.length} routes, ${attempts} requests as another organ's admin and as an anonymous visitor: ${refused} refused (redirect to sign-in or 4xx), ${attempts - refused} answered without the target's data, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(attempts).toBeGreaterThan(300);
  }, 180_000); // every route of the app, ~1,200 requests: its length grows with the routes (30 s, the default, ran out on PostgreSQL on a loaded machine)
});
