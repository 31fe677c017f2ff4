import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished, system } from '../../../test/support/factories.ts';
import { makeTempDir } from '../../../test/support/temp-dirs.ts';
import { addAttachment, applyApprovedAmendment, findPublication, publicationInputSchema, recordRedirect } from '../../modules/catalog/index.ts';
import { publishImported } from '../../modules/review/index.ts';
import type { AppDeps } from '../../platform/app-deps.ts';
import { linksIn } from './rewrite-html.ts';
import { exportSite } from './export-site.ts';
import { EXPORT_MANIFEST } from './export-manifest.ts';
import { buildApp } from '../build-app.ts';
import { freePort, startTestNginx } from '../../../test/support/nginx.ts';

/** Every file of the copy, relative to its folder. */
const filesOf = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/'));

describeEachDialect('export-site: the portal as static files, written again only where it changed', (db) => {
  let deps: AppDeps;
  let organ: { id: number; code: string };
  let other: { id: number; code: string };
  let node: number;
  let amended: number;
  let untouched: number;
  let withFile: number;
  let dir: string;

  beforeAll(async () => {
    deps = buildDeps(db(), '2026-11-20T02:00:00Z');
    organ = await createOrgan(deps);
    other = await createOrgan(deps);
    node = await createNode(deps, organ.id, { name: '通知公告' });
    const quiet = await createNode(deps, organ.id, { name: '机构职能' });
    const otherNode = await createNode(deps, other.id, { name: '工作动态' });
    // 22 items fill the node's first page and spill onto a second.
    for (let i = 0; i < 21; i++) amended = (await createPublished(deps, organ.id, [node], { title: `关于做好第${i + 1}批农村危房改造工作的通知` })).id;
    const draft = await createDraft(deps, organ.id, [node], { title: '住房公积金缴存比例调整公告' });
    await addAttachment(deps, system, draft.id, { fileName: '缴存比例表.txt', bytes: Buffer.from('缴存比例：5%至12%\n') });
    withFile = (await publishImported(deps, system, draft.id)).id;
    untouched = (await createPublished(deps, other.id, [otherNode], { title: '局机关开展安全生产检查' })).id;
    await createPublished(deps, organ.id, [quiet], { title: '机构职能简介' });
    dir = path.join(makeTempDir('static-site'), 'copy');
  });
  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('writes every public page, the pages of a long list, attachments, assets, sitemap and feeds, with links between the files', async () => {
    const r = await exportSite(deps, { dir, publicUrl: null, now: deps.clock.now() });
    const files = filesOf(dir);
    for (const f of [
      'index.html', 'organs/index.html', `organs/${organ.code}/index.html`, `organs/${organ.code}/guide/index.html`, `organs/${organ.code}/catalog/index.html`,
      `organs/${organ.code}/catalog/${node}/index.html`, `organs/${organ.code}/catalog/${node}/index.page-2.html`, `organs/${organ.code}/items/${amended}/index.html`,
      `organs/${organ.code}/items/${amended}/index.print-1.html`, `organs/${other.code}/items/${untouched}/index.html`, 'assets/site.css', 'sitemap.xml', 'robots.txt',
      `organs/${organ.code}/feed.atom`, `organs/${organ.code}/catalog/${node}/feed.rss`, 'unavailable.html', EXPORT_MANIFEST,
    ]) expect(files, f).toContain(f);
    expect(files.find((f) => f.startsWith('attachments/') && f.endsWith('/缴存比例表.txt'))).toBeTruthy();
    expect(r.written).toBe(r.files);
    expect(r.pages).toBeGreaterThan(30);

    // Every link of every page leads to a file of the copy (or out of the site); nothing is left
    // pointing at the server's root, and forms that need the server lead to the page that says so.
    const broken: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const { value } of linksIn(html)) {
        if (/^(#|https?:|mailto:|tel:)/.test(value)) continue;
        if (value.startsWith('/')) broken.push(`${f}: ${value}`);
        const target = decodeURIComponent(value.split(/[?#]/)[0]!);
        if (!fs.existsSync(path.join(dir, path.dirname(f), target))) broken.push(`${f}: ${value}`);
      }
    }
    expect(broken).toEqual([]);
    const itemPage = fs.readFileSync(path.join(dir, `organs/${organ.code}/items/${withFile}/index.html`), 'utf8');
    expect(itemPage).toContain('住房公积金缴存比例调整公告');
    expect(itemPage).not.toContain('浏览次数');
    expect(itemPage).toMatch(/action="(\.\.\/)+unavailable\.html"/);
    expect(itemPage).toMatch(/href="(\.\.\/)+attachments\/\d+\/%E7%BC%B4/);
    // The export is not a reader: no item's view count moved (the app flushed its counter at close).
    const views = await deps.db.selectFrom('publications').select((eb) => eb.fn.sum<number>('view_count').as('n')).executeTakeFirstOrThrow();
    expect(Number(views.n)).toBe(0);
  });

  it('rewrites nothing when nothing changed, and only the changed item\'s pages and the lists showing it after an amendment', async () => {
    const again = await exportSite(deps, { dir, publicUrl: null, now: deps.clock.now() });
    expect(again.written).toBe(0);
    expect(again.removed).toBe(0);

    const before = (await findPublication(deps.db, amended))!;
    const input = publicationInputSchema.parse({ ...before, title: '关于做好第21批农村危房改造工作的通知（修订）', nodeIds: before.nodeIds });
    await deps.db.transaction().execute((trx) => applyApprovedAmendment(trx, before, input, { changeNote: '更正标题', proposedBy: null, at: '2026-11-21T02:00:00.000Z' }));
    const third = await exportSite(deps, { dir, publicUrl: null, now: deps.clock.now() });
    expect(third.writtenFiles).toEqual(expect.arrayContaining([`organs/${organ.code}/items/${amended}/index.html`, `organs/${organ.code}/items/${amended}/index.print-1.html`]));
    expect(third.writtenFiles).not.toContain(`organs/${organ.code}/items/${withFile}/index.html`);
    expect(third.writtenFiles).not.toContain(`organs/${other.code}/items/${untouched}/index.html`);
    // The item's pages and the pages that list or announce it (home, organ home, catalog, node, feeds, sitemap): a handful of the copy.
    expect(third.written).toBeLessThan(20);
    expect(third.unchanged).toBeGreaterThan(third.written * 2);
    expect(fs.readFileSync(path.join(dir, `organs/${organ.code}/items/${amended}/index.html`), 'utf8')).toContain('（修订）');
  });

  it('keeps old addresses working: a page at each old path, the lists for nginx and _redirects, added and removed as the redirects change', async () => {
    const merged = `/organs/${organ.code}/catalog/99999`;
    const oldSite = '/xxgk/%E9%80%9A%E7%9F%A5_88.html';
    const oldScript = '/xxgk/content.jsp';
    for (const [fromPath, toPath] of [[merged, `/organs/${organ.code}/catalog/${node}`], [oldSite, `/organs/${organ.code}/items/${withFile}`], [oldScript, `/organs/${organ.code}/items/${amended}`], ['/old/gone', `/organs/${organ.code}/items/999999`], ['/search', `/organs/${organ.code}/items/${withFile}`]]) {
      await recordRedirect(deps.db, { fromPath: fromPath!, toPath: toPath!, reason: '测试' });
    }
    const r = await exportSite(deps, { dir, publicUrl: null, now: deps.clock.now() });
    expect(r).toMatchObject({ redirects: 3, redirectPages: 3 });
    // Only the new pages and the two lists that changed: nothing else of the copy.
    expect([...r.writtenFiles].sort()).toEqual([`organs/${organ.code}/catalog/99999/index.html`, '_redirects', 'nginx-redirects.conf', 'xxgk/content.jsp/index.html', 'xxgk/通知_88.html'].sort());
    const page = fs.readFileSync(path.join(dir, 'xxgk/通知_88.html'), 'utf8');
    expect(page).toContain(`<meta http-equiv="refresh" content="0; url=../organs/${organ.code}/items/${withFile}/index.html">`);
    expect(page).toContain(`<link rel="canonical" href="../organs/${organ.code}/items/${withFile}/index.html">`);
    expect(page).toContain('本页已迁移至“住房公积金缴存比例调整公告”</a>');
    expect(fs.readFileSync(path.join(dir, `organs/${organ.code}/catalog/99999/index.html`), 'utf8')).toContain(`url=../${node}/index.html"`);
    // A target the copy does not have (no such item) gives neither a page nor a line.
    expect(fs.existsSync(path.join(dir, 'old'))).toBe(false);
    const lists = fs.readFileSync(path.join(dir, '_redirects'), 'utf8');
    expect(lists).toContain(`${oldSite} /organs/${organ.code}/items/${withFile}/ 301\n`);
    expect(lists).toContain(`${merged} /organs/${organ.code}/catalog/${node}/ 301\n`);
    expect(lists).not.toContain('/old/gone');
    // An address only the live server answers (search) is no old address: neither a page nor a line.
    expect(fs.existsSync(path.join(dir, 'search'))).toBe(false);
    expect(lists).not.toMatch(/^\/search /m);
    expect(fs.readFileSync(path.join(dir, 'nginx-redirects.conf'), 'utf8')).toContain(`"/xxgk/通知_88.html" "/organs/${organ.code}/items/${withFile}/";`);

    await deps.db.deleteFrom('redirects').where('from_path', '=', oldScript).execute();
    const after = await exportSite(deps, { dir, publicUrl: null, now: deps.clock.now() });
    expect(after.removedFiles).toEqual(['xxgk/content.jsp/index.html']);
    expect(fs.existsSync(path.join(dir, 'xxgk/content.jsp'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, '_redirects'), 'utf8')).not.toContain(oldScript);
  });

  it('lists an old address as the old site wrote it besides its canonical key, and gives a GBK path no file', async () => {
    // The old site's own link has id before cat; the table keeps the sorted key and that spelling.
    await recordRedirect(deps.db, { fromPath: '/xxgk/content.jsp?id=88&cat=3', toPath: `/organs/${organ.code}/items/${withFile}`, reason: '测试' });
    await recordRedirect(deps.db, { fromPath: '/xxgk/content.jsp?cat=3&id=88', toPath: `/organs/${organ.code}/items/${withFile}`, reason: '测试', spellings: ['http://www.qlx.gov.cn/xxgk/content.jsp?cat=3&id=88&#top', '/xxgk/content.jsp?id=89'] });
    // 通知 in GBK, valid UTF-8 by chance.
    await recordRedirect(deps.db, { fromPath: '/gzdt/%CD%A8%D6%AA_12.html', toPath: `/organs/${organ.code}/items/${withFile}`, reason: '测试' });
    try {
      const r = await exportSite(deps, { dir, publicUrl: null, now: deps.clock.now() });
      expect(r.writtenFiles.filter((f) => f.startsWith('gzdt/') || f.startsWith('xxgk/'))).toEqual([]);
      expect(fs.existsSync(path.join(dir, 'gzdt'))).toBe(false);
      const map = fs.readFileSync(path.join(dir, 'nginx-redirects.conf'), 'utf8');
      const to = `"/organs/${organ.code}/items/${withFile}/";`;
      expect(map).toContain(`    "/xxgk/content.jsp?cat=3&id=88" ${to}`);
      expect(map).toContain(`    "/xxgk/content.jsp?id=88&cat=3" ${to}`);
      expect(map).toContain(`    "/xxgk/content.jsp?cat=3&id=88&" ${to}`);
      expect(map).not.toContain('id=89');
      expect(map).toContain(`    "/gzdt/%CD%A8%D6%AA_12.html" ${to}`);
      expect(map).not.toMatch(/[\u0300-\u07ff]/);
      const lists = fs.readFileSync(path.join(dir, '_redirects'), 'utf8');
      expect(lists).toContain(`/xxgk/content.jsp id=88 cat=3 /organs/${organ.code}/items/${withFile}/ 301\n`);
      expect(lists).toContain(`/xxgk/content.jsp cat=3 id=88 /organs/${organ.code}/items/${withFile}/ 301\n`);
    } finally {
      await deps.db.deleteFrom('redirects').where('from_path', 'in', ['/xxgk/content.jsp?cat=3&id=88', '/gzdt/%CD%A8%D6%AA_12.html']).execute();
    }
  });

  it('writes the live site\'s security headers and Content-Security-Policy for the copy\'s server, and nginx sends them as the app does', async () => {
    const publicUrl = 'https://gk.example.gov.cn';
    const copy = path.join(makeTempDir('static-site-headers'), 'copy');
    await exportSite(deps, { dir: copy, organCode: other.code, publicUrl, now: deps.clock.now() });
    // What the live server (same public address, so HSTS too) sends with a page.
    const app = await buildApp(deps, { publicUrl });
    const live = (await app.inject({ url: `/organs/${other.code}` })).headers;
    await app.close();
    const names = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'x-frame-options', 'strict-transport-security'];
    for (const name of names) expect(live[name], name).toBeTruthy();
    // Netlify and Cloudflare Pages read _headers.
    const netlify = fs.readFileSync(path.join(copy, '_headers'), 'utf8');
    for (const name of names) expect(netlify, name).toMatch(new RegExp(`^  ${name}: ${String(live[name]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'im'));

    const nginxDir = makeTempDir('nginx-static-headers');
    const port = await freePort();
    const child = await startTestNginx(nginxDir, `
  include ${copy}/nginx-redirects.conf;
  server {
    listen 127.0.0.1:${port};
    root ${copy};
    include ${copy}/nginx-redirects-server.conf;
    include ${copy}/nginx-headers.conf;
  }`, `http://127.0.0.1:${port}/`);
    try {
      for (const address of [`/organs/${other.code}/`, `/organs/${other.code}/items/${untouched}/`, '/assets/site.css', '/no-such-page']) {
        const res = await fetch(`http://127.0.0.1:${port}${address}`, { redirect: 'manual' });
        for (const name of names) expect(res.headers.get(name), `${address} ${name}`).toBe(live[name]);
      }
    } finally {
      child.kill();
      fs.rmSync(path.dirname(copy), { recursive: true, force: true });
      fs.rmSync(nginxDir, { recursive: true, force: true });
    }
  });

  it('removes what is no longer public and refuses a folder it did not write', async () => {
    // Dropping the last page of the node: the second list page goes once a single page holds the list.
    const one = await exportSite(deps, { dir, organCode: other.code, publicUrl: 'https://gk.example.gov.cn', now: deps.clock.now() });
    expect(one.removedFiles).toContain(`organs/${organ.code}/catalog/${node}/index.page-2.html`);
    expect(fs.existsSync(path.join(dir, `organs/${organ.code}`))).toBe(false);
    expect(fs.existsSync(path.join(dir, `organs/${other.code}/items/${untouched}/index.html`))).toBe(true);
    const organHome = fs.readFileSync(path.join(dir, `organs/${other.code}/index.html`), 'utf8');
    // With a live site named, search and the reading preferences lead there.
    expect(organHome).toContain('action="https://gk.example.gov.cn/search"');
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain(`organs/${other.code}/index.html`);

    const stranger = makeTempDir('not-a-copy');
    fs.writeFileSync(path.join(stranger, 'notes.txt'), '别人的文件');
    await expect(exportSite(deps, { dir: stranger, publicUrl: null, now: deps.clock.now() })).rejects.toMatchObject({ code: 'ERR_EXPORT_DIR_NOT_EMPTY' });
    expect(fs.readdirSync(stranger)).toEqual(['notes.txt']);
    await expect(exportSite(deps, { dir: path.join(stranger, 'x'), organCode: 'no-such-organ', publicUrl: null, now: deps.clock.now() })).rejects.toMatchObject({ httpStatus: 404 });
  });
});
