import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, system } from '../support/factories.ts';
import { makeTempDir } from '../support/temp-dirs.ts';
import { freePort, startTestNginx } from '../support/nginx.ts';
import { buildApp } from '../../src/main/build-app.ts';
import { openPostgres, openSqlite, type DatabaseHandle } from '../../src/platform/db/connect.ts';
import { addAttachment } from '../../src/modules/catalog/index.ts';
import { publishImported } from '../../src/modules/review/index.ts';
import { EVERY_ANSWER_HEADERS, HSTS_HEADER, PAGE_CONTENT_SECURITY_POLICY } from '../../src/platform/http/security-headers.ts';

/**
 * docs/deployment.md, tested: nginx on loopback with the repository's deploy/nginx.conf (its TLS
 * lines and the http→https redirect left out, the upstream pointed at two instances started here,
 * each with its own connection to the same database and the same data directory). nginx is required:
 * CI installs it (.ci/run); without it this test fails rather than skipping.
 */
const ACCEL = '/_gongkai_files/';

/** deploy/nginx.conf for loopback: no TLS, the given instances and port, the test's data directory. */
function loopbackSite(ports: number[], listen: number, dataDir: string): string {
  const conf = fs.readFileSync(path.resolve('deploy/nginx.conf'), 'utf8');
  const site = conf
    .replace(/# BEGIN plain-http-redirect[^]*?# END plain-http-redirect\n/, '')
    .split('\n').filter((l) => !/#\s*TLS/.test(l)).join('\n')
    .replace(/(\n\s*server 127\.0\.0\.1:\d+[^\n]*)+/g, ports.map((p) => `\n    server 127.0.0.1:${p};`).join(''))
    .replace(/(server_name [^;]+;[^\n]*\n)(?![^]*server_name)/, `$1    listen 127.0.0.1:${listen};\n`)
    .replace('/var/lib/gongkai/attachments/', `${dataDir}/attachments/`);
  // The rewrite must have found what it changes (a test that could silently test another file is no test).
  expect(site).not.toContain('ssl_');
  expect(site).toContain(`listen 127.0.0.1:${listen};`);
  expect(site).toContain(`server 127.0.0.1:${ports[1]};`);
  expect(site).not.toMatch(/server 127\.0\.0\.1:300\d/); // both upstreams: pages and searches
  expect(site).toContain(`alias ${dataDir}/attachments/;`);
  // The attachments' location repeats the instance's protective headers (HSTS on the TLS site only), word for word.
  for (const [name, value] of EVERY_ANSWER_HEADERS) expect(site).toContain(`add_header ${name} "${value}" always;`);
  expect(conf).toContain(`add_header ${HSTS_HEADER[0]} "${HSTS_HEADER[1]}" always;`);
  return site;
}

describeEachDialect('two instances behind nginx with the documented configuration', (db) => {
  it('serve a page, answer 304, and let nginx send an attachment', async () => {
    const accessLines: [string[], string[]] = [[], []];
    const logger = (lines: string[]) => pino({ level: 'info' }, { write: (s: string) => { if (s.includes('"access"')) lines.push(s); } });
    const deps = { ...buildDeps(db()), logger: logger(accessLines[0]) };
    const second: DatabaseHandle = db().dialect === 'sqlite' ? openSqlite(db().location) : openPostgres(db().location);
    const otherDeps = { ...buildDeps(second), dataDir: deps.dataDir, logger: logger(accessLines[1]) };
    const config = { publicUrl: null, trustProxy: true, accelRedirect: ACCEL };
    const apps = [await buildApp(deps, config), await buildApp(otherDeps, config)];
    let nginx: ChildProcess | null = null;
    try {
      const ports: number[] = [];
      for (const app of apps) {
        await app.listen({ port: 0, host: '127.0.0.1' });
        ports.push((app.server.address() as net.AddressInfo).port);
      }
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      const node = await createNode(deps, organ.id);
      const draft = await createDraft(deps, organ.id, [node], { title: '公租房分配名单' });
      const bytes = Buffer.from('公租房分配名单（第一批）\n张某某 3 人户\n', 'utf8');
      const attachmentId = await addAttachment(deps, system, draft.id, { fileName: '分配名单.txt', bytes });
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
      const pdfId = await addAttachment(deps, system, draft.id, { fileName: '分配名单.pdf', bytes: pdf });
      await publishImported(deps, system, draft.id);

      const port = await freePort();
      nginx = await startTestNginx(makeTempDir('nginx'), loopbackSite(ports, port, deps.dataDir), `http://127.0.0.1:${port}/healthz`);
      const base = `http://127.0.0.1:${port}`;

      // A page, through the upstream, and its revalidation.
      const page = await fetch(`${base}/organs/${organ.code}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('青岚县住房和城乡建设局');
      expect(page.headers.get('content-security-policy')).toBe(PAGE_CONTENT_SECURITY_POLICY);
      const etag = page.headers.get('etag')!;
      expect(etag).toBeTruthy();
      const again = await fetch(`${base}/organs/${organ.code}`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);

      // The attachment: the instance answers with X-Accel-Redirect and no bytes; nginx sends the file.
      const fileUrl = `/attachments/${attachmentId}/${encodeURIComponent('分配名单.txt')}`;
      const direct = await fetch(`http://127.0.0.1:${ports[0]}${fileUrl}`);
      expect(direct.headers.get('x-accel-redirect')).toMatch(new RegExp(`^${ACCEL}\\d{4}-\\d{2}/[0-9a-f-]+\\.txt$`));
      expect((await direct.arrayBuffer()).byteLength).toBe(0);
      const file = await fetch(`${base}${fileUrl}`);
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
      expect(file.headers.get('content-type')).toContain('text/plain');
      expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('分配名单.txt'));
      expect(file.headers.get('x-accel-redirect')).toBeNull();
      // The protective headers the instance sends on every answer reach the reader with the file too.
      for (const name of ['x-content-type-options', 'referrer-policy', 'permissions-policy', 'x-frame-options']) {
        expect(file.headers.get(name), name).toBe(direct.headers.get(name));
      }
      // A PDF opens in the reader's viewer (inline) through nginx too, with nosniff; the text file above stays a download.
      expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
      const pdfFile = await fetch(`${base}/attachments/${pdfId}/${encodeURIComponent('分配名单.pdf')}`);
      expect(pdfFile.status).toBe(200);
      expect(Buffer.from(await pdfFile.arrayBuffer()).equals(pdf)).toBe(true);
      expect(pdfFile.headers.get('content-type')).toBe('application/pdf');
      expect(pdfFile.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('分配名单.pdf')}`);
      expect(pdfFile.headers.get('x-content-type-options')).toBe('nosniff');
      // The internal location is not reachable from outside.
      expect((await fetch(`${base}${direct.headers.get('x-accel-redirect')}`)).status).toBe(404);

      // Both instances take requests.
      for (let i = 0; i < 6; i++) expect((await fetch(`${base}/organs`)).status).toBe(200);
      expect(accessLines[0].length).toBeGreaterThan(0);
      expect(accessLines[1].length).toBeGreaterThan(0);

      // Searches, the page's and the API's, re-sorted or not, go by address to one instance: each instance tells
      // a day's visitors of a search term apart in its own memory (docs/search.md, "Search terms").
      const searches = () => accessLines.map((lines) => lines.filter((l) => /"url":"\/(api\/v1\/)?search"/.test(l)).length);
      const before = searches();
      for (let i = 0; i < 6; i++) expect((await fetch(`${base}/search?q=${encodeURIComponent('公租房')}${i % 2 ? '&sort=newest' : ''}`)).status).toBe(200);
      for (let i = 0; i < 2; i++) expect((await fetch(`${base}/api/v1/search?q=${encodeURIComponent('公租房')}`)).status).toBe(200);
      expect(searches().map((n, i) => n - before[i]).sort()).toEqual([0, 8]);
    } finally {
      nginx?.kill('SIGTERM');
      for (const app of apps) await app.close();
      await second.destroy();
    }
  });
});
