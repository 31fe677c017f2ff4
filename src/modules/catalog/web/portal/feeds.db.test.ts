import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseDocument, DomUtils } from 'htmlparser2';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { createDraft, createNode, createOrgan, createPublished } from '../../../../../test/support/factories.ts';

const entries = (xml: string, tag: string) => DomUtils.getElementsByTagName(tag, parseDocument(xml, { xmlMode: true }));
const text = (el: Parameters<typeof DomUtils.textContent>[0]) => DomUtils.textContent(el).trim();

describeEachDialect('Atom and RSS feeds of an organ and of a catalog node', (db) => {
  let app: FastifyInstance;
  let organ: { id: number; code: string; name: string };
  let parent: number;
  let child: number;
  let other: number;

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-09-30T02:00:00Z');
    app = built.app;
    organ = await createOrgan(built.deps);
    parent = await createNode(built.deps, organ.id, { name: '政策文件' });
    child = await createNode(built.deps, organ.id, { name: '规范性文件', parentId: parent });
    other = await createNode(built.deps, organ.id, { name: '工作动态' });
    await createPublished(built.deps, organ.id, [child], { title: '关于住房公积金<贷款>额度 & 期限的通知', documentNumber: '青建〔2026〕5号' });
    await createPublished(built.deps, organ.id, [other], { title: '局机关开展安全生产检查' });
    await createDraft(built.deps, organ.id, [child], { title: '尚未发布的草稿' });
  });
  afterAll(async () => app.close());

  it('lists the organ\'s newest published items as Atom, escaped, with links to their pages', async () => {
    const res = await app.inject({ url: `/organs/${organ.code}/feed.atom` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const items = entries(res.body, 'entry');
    expect(items.map((e) => text(DomUtils.getElementsByTagName('title', e)[0]!))).toEqual(expect.arrayContaining(['关于住房公积金<贷款>额度 & 期限的通知', '局机关开展安全生产检查']));
    expect(items).toHaveLength(2);
    expect(res.body).not.toContain('尚未发布的草稿');
    const link = DomUtils.getElementsByTagName('link', items[0]!)[0]!.attribs.href!;
    expect((await app.inject({ url: new URL(link).pathname })).statusCode).toBe(200);
  });

  it('is announced in the head of the organ\'s pages and of each node page', async () => {
    expect((await app.inject({ url: `/organs/${organ.code}` })).body).toContain(`<link rel="alternate" type="application/atom+xml"`);
    expect((await app.inject({ url: `/organs/${organ.code}` })).body).toContain(`href="/organs/${organ.code}/feed.atom"`);
    // Visible on the page too, Atom and RSS, not only as <link> elements a citizen never sees.
    const home = (await app.inject({ url: `/organs/${organ.code}` })).body;
    expect(home).toMatch(new RegExp(`<p class="feed-links">订阅更新：<a href="/organs/${organ.code}/feed.atom">Atom</a>\u00a0· <a href="/organs/${organ.code}/feed.rss">RSS</a>`));
    expect((await app.inject({ url: `/organs/${organ.code}/catalog/${child}` })).body).toContain(`href="/organs/${organ.code}/catalog/${child}/feed.atom"`);
  });

  it('gives a node\'s feed with its sub-nodes as RSS, and 404 for a node of another organ or an unknown format', async () => {
    const res = await app.inject({ url: `/organs/${organ.code}/catalog/${parent}/feed.rss` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const items = entries(res.body, 'item');
    expect(items.map((e) => text(DomUtils.getElementsByTagName('title', e)[0]!))).toEqual(['关于住房公积金<贷款>额度 & 期限的通知']);
    expect(text(DomUtils.getElementsByTagName('description', items[0]!)[0]!)).toContain('文号：青建〔2026〕5号');
    expect((await app.inject({ url: `/organs/${organ.code}/catalog/${parent}/feed.json` })).statusCode).toBe(404);
    const stranger = await createOrgan((await buildTestApp(db())).deps);
    expect((await app.inject({ url: `/organs/${stranger.code}/catalog/${parent}/feed.atom` })).statusCode).toBe(404);
    expect((await app.inject({ url: '/organs/no-such-organ/feed.atom' })).statusCode).toBe(404);
  });
});
