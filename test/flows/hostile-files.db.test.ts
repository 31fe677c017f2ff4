import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { createNode, createOrgan, createReviewCast, createStaff, publicationInput } from '../support/factories.ts';
import { docxBomb, sharedStreamPdf, zip64EntryBomb } from '../corpus/privacy/factories/build-hostile.ts';
import { addAttachment, createPublication } from '../../src/modules/catalog/index.ts';
import { createApiToken } from '../../src/modules/identity/index.ts';
import { fillReviewForm, loadForm, performReviewVerb } from '../../src/modules/review/index.ts';
import { extractionsInProgress } from '../../src/modules/privacy/index.ts';

// Issue 10: a 128-byte zip or a 300 KB PDF sent to the scanner stopped the whole server.
const opened: FastifyInstance[] = [];
/** Each run's bomb of its own size (below): one per database, within one process. */
let uniqueBomb = 0;
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

function multipart(fileName: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(bytes)]), fileName);
  return form;
}

describeEachDialect('hostile files at the scanner and at review', (db) => {
  async function serve() {
    const { app, deps } = await buildTestApp(db());
    opened.push(app);
    const organ = await createOrgan(deps);
    const staff = await createStaff(deps, organ.code, 'editor');
    const authorization = `Bearer ${await createApiToken(deps, staff.username, 'test')}`;
    return { app, deps, organ, authorization };
  }

  it('answers /healthz over HTTP while a .docx inflating to 40 MB is being scanned, before the scan completes', async () => {
    const { app, authorization } = await serve();
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const order: string[] = [];
    const scan = fetch(`${base}/api/v1/scan`, { method: 'POST', headers: { authorization }, body: multipart('slow.docx', docxBomb(40)) })
      .then(async (r) => { order.push('scan'); return { status: r.status, body: await r.json() }; });
    // Give the upload time to arrive and its reading to begin (a blocked event loop delays this timer too).
    await new Promise((r) => setTimeout(r, 300));
    const health = await fetch(`${base}/healthz`).then(async (r) => { order.push('healthz'); return r.json(); });
    expect(health).toEqual({ status: 'ok' });
    const scanned = await scan;
    expect(order).toEqual(['healthz', 'scan']);
    expect([200, 422]).toContain(scanned.status);
  });

  it('reports each hostile file unreadable through POST /api/v1/scan, never hanging', async () => {
    const { app, authorization } = await serve();
    for (const [name, bytes, why] of [
      ['zip64.docx', zip64EntryBomb(), '压缩包声明了 4294967295 个条目'],
      ['zip64.xlsx', zip64EntryBomb(), '压缩包声明了 4294967295 个条目'],
      ['bomb.docx', docxBomb(250), '解压后内容声明为 250 MB'],
      ['pages.pdf', sharedStreamPdf(2000, 1024), 'PDF 共 2000 页'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/scan', headers: { authorization }, payload: multipart(name, bytes) });
      expect(res.statusCode, name).toBe(422);
      expect(res.json().error.code).toBe('ERR_PRIVACY_UNREADABLE_FILE');
      expect(res.json().error.message).toContain(why);
      expect(res.json().error.message).toContain('该文件未经扫描，不能视为无问题');
    }
  });

  it('blocks the review chain at submit with an unreadable-attachment finding for a hostile attachment', async () => {
    const { deps, organ } = await serve();
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node]));
    await addAttachment(deps, cast.author.actor, draft.id, { fileName: '名单.xlsx', bytes: Buffer.from(zip64EntryBomb()) });
    await addAttachment(deps, cast.author.actor, draft.id, { fileName: '正文.pdf', bytes: Buffer.from(sharedStreamPdf(2000, 1024)) });
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密和个人信息' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    const findings = (await loadForm(deps.db, draft.id))!.scanFindings;
    const unreadable = findings.filter((f) => f.type === 'unreadable_attachment');
    expect(unreadable.map((f) => [f.source, f.severity])).toEqual([['附件：名单.xlsx', 'block'], ['附件：正文.pdf', 'block']]);
    expect(unreadable[0].suggestion).toContain('超出扫描限制');
    // An approval scans again, through the same budgets: the chain stays blocked.
    await expect(performReviewVerb(deps, cast.unitHead.actor, draft.id, 'approve', { comment: '同意' })).rejects.toThrow();
  });
});

describeEachDialect('reading attachments at review does not hold the database', (db) => {
  it('answers other database work while a slow attachment is read at submit', async () => {
    const { app, deps } = await buildTestApp(db());
    opened.push(app);
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node]));
    await addAttachment(deps, cast.author.actor, draft.id, { fileName: '正文.docx', bytes: Buffer.from(docxBomb(40)) });
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密和个人信息' });
    const order: string[] = [];
    const submit = performReviewVerb(deps, cast.author.actor, draft.id, 'submit').then(() => order.push('submit'));
    await new Promise((r) => setTimeout(r, 300));
    // A portal page needs the database: it must not wait for the attachment to be read.
    const page = await app.inject({ url: `/organs/${organ.code}` }).then((r) => { order.push('portal'); return r; });
    expect(page.statusCode).toBe(200);
    await submit;
    expect(order).toEqual(['portal', 'submit']);
  });

  it('reads an attachment once at publication, before the transaction, also for the search index', async () => {
    const { app, deps } = await buildTestApp(db());
    opened.push(app);
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node]));
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密和个人信息' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    for (const reviewer of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, reviewer.actor, draft.id, 'approve', { comment: '同意' });
    // An attachment first read at publication (as after an import): the scan gate and the search index both need its text.
    const key = `2026-03/${Math.random().toString(36).slice(2)}.docx`;
    const file = path.join(deps.dataDir, 'attachments', key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Bytes of this run's own: texts read are kept by the file's bytes (scan-publication.ts, ac2154e9), so the same file
    // in the other database's run, in the same process, would be read from memory and counted as no reading.
    fs.writeFileSync(file, docxBomb(12 + uniqueBomb++));
    await deps.db.insertInto('attachments').values({ publication_id: draft.id, file_name: '正文.docx', mime_type: 'application/octet-stream', size_bytes: 1, storage_key: key, sha256: 'x', created_at: '2026-03-10T02:00:00Z' }).execute();
    let settled = false;
    const publish = performReviewVerb(deps, cast.office.actor, draft.id, 'publish').finally(() => { settled = true; });
    // Count the readings: a reading inside the transaction would hold the database (on SQLite, every request).
    let readings = 0;
    let reading = false;
    while (!settled) {
      const now = extractionsInProgress() > 0;
      if (now && !reading) readings++;
      reading = now;
      await new Promise((r) => setImmediate(r));
    }
    expect((await publish).status).toBe('published');
    expect(readings).toBe(1);
  });
});
