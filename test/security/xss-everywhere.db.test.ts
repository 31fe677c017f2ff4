import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createActor, createNode, createOrgan, createPublished, createStaff } from '../support/factories.ts';
import { submitLetter } from '../../src/modules/interaction/index.ts';
import { registerInPerson } from '../../src/modules/applications/testing/application-factories.ts';

/**
 * Issue 19: markup typed into every kind of text field — an item's metadata, an organ's name and
 * contact, a catalog node, an applicant's details, a letter — must come back as text on every public
 * and staff page that shows it, never as markup. The walk visits every GET route with the organ's
 * real ids, as the system administrator and as a visitor, and looks for the payloads unescaped.
 */
const PAYLOADS = ['<script>alert("xss1")</script>', '"><img src=x onerror=alert("xss2")>', "'><svg onload=alert('xss3')>", '<a href="javascript:alert(4)">x</a>'];
const DANGEROUS = [/<script>alert\("xss1"\)/, /<img src=x onerror/i, /<svg onload/i, /href="javascript:/i];

describeEachDialect('no markup typed into a field comes back as markup', (db) => {
  let app: FastifyInstance;
  const ids: Record<string, string> = {};
  let organ: { id: number; code: string };
  let admin: { cookies: Record<string, string>; csrf: string };

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-09-30T02:00:00Z');
    app = built.app;
    const deps = built.deps;
    await app.ready();
    const p = PAYLOADS.join(' ');
    organ = await createOrgan(deps, { name: `青岚县${PAYLOADS[1]}局`, consultPhone: `0564${PAYLOADS[2]}` });
    const node = await createNode(deps, organ.id, { name: `栏目${PAYLOADS[0]}` });
    const item = await createPublished(deps, organ.id, [node], {
      title: `通知${p}`, genre: `<b onmouseover=x>通知`, subject: `城乡建设${PAYLOADS[2]}`, docNumber: `青建〔2026〕${PAYLOADS[3]}号`,
      bodyHtml: `<p>正文${PAYLOADS.join('')}</p>`, keywords: p,
    });
    const clerk = await createActor(deps, organ.code, 'organ_admin');
    const application = await registerInPerson(deps, clerk.actor, organ.id, '2026-09-29', { applicantName: `王${PAYLOADS[1]}`, subject: `申请${p}`, contactAddress: p });
    await submitLetter(deps, organ.code, { type: 'consult', subject: `咨询${PAYLOADS[0]}`, content: `内容${p}`, writerName: `张${PAYLOADS[1]}`, contact: '13912345678', publishConsent: 'yes' });
    const letter = await db().db.selectFrom('letters').select('id').where('organ_id', '=', organ.id).executeTakeFirstOrThrow();
    Object.assign(ids, { publication: String(item.id), node: String(node), application: String(application.id), letter: String(letter.id) });
    const sys = await createStaff(deps, organ.code, 'system_admin');
    admin = await loginAs(app, sys.username, sys.password);
  });
  afterAll(async () => app.close());

  it('escapes every payload on every page that shows it', { timeout: 120_000 }, async () => {
    const routes = app.registeredRoutes.filter((r) => r.method === 'GET' && !r.url.includes('*') && !r.url.startsWith('/api/docs') && !/\.(docx|pdf|xlsx)$/.test(r.url));
    const failures: string[] = [];
    let pages = 0;
    let showing = 0;
    for (const r of routes) {
      const kind = /\/(publications|applications|letters|items|catalog|nodes)\/:id/.exec(r.url)?.[1] ?? '';
      const id = { publications: ids.publication, items: ids.publication, applications: ids.application, letters: ids.letter, catalog: ids.node, nodes: ids.node }[kind] ?? '1';
      const url = r.url.replace(':code', organ.code).replace(':id', id!).replace(':nodeId', ids.node!).replace(':year', '2026').replace(/:[a-zA-Z]+/g, '1');
      for (const cookies of [admin.cookies, undefined]) {
        const res = await app.inject({ url, cookies });
        pages++;
        // JSON answers carry the text as typed (data, sent as application/json with nosniff); pages must escape it.
        if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
        if (res.body.includes('xss1') || res.body.includes('xss2')) showing++;
        for (const d of DANGEROUS) if (d.test(res.body)) failures.push(`${url} ${cookies ? '(staff)' : '(visitor)'} shows ${d} unescaped`);
      }
    }
    console.log(`xss walk [${db().dialect}]: ${pages} page loads, ${showing} showed a payload (as text), ${failures.length} unescaped`);
    expect(showing).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });
});
