import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, system } from '../../../../test/support/factories.ts';
import { addAttachment } from '../../catalog/index.ts';
import { publishImported } from '../../review/index.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

/** What an outside tester found on the search page and its API (issue #13): wording, the result line, indexing by search engines, messages. */
describeEachDialect('the search page and API, as an outside tester found them', (db) => {
  it('a result without a 文号 says 文号：无, as one with a 文号 shows it; the near-文号 list is headed by the 代字', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, bureau.id, [node], { title: '关于农村危房改造补助标准的通知', documentNumber: '岚建〔2026〕63号' });
      await createPublished(deps, bureau.id, [node], { title: '农村危房改造对象名单公示' });
      const main = mainOf((await app.inject(`/search?q=${encodeURIComponent('危房改造')}`)).body);
      const lines = main.split('<li class="search-hit">').slice(1);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) expect(line).toContain('<dt>文号</dt>');
      expect(lines.find((l) => l.includes('名单公示'))).toContain('<dt>文号</dt><dd>无</dd>');
      // A 文号 no item has: its neighbours are those of the same 发文机关代字 (岚建) and year, not of the same 发文字号 (the whole number).
      const missing = textOf(mainOf((await app.inject(`/search?q=${encodeURIComponent('岚建〔2026〕6号')}`)).body));
      expect(missing).toContain('同一发文机关代字、同一年份的相近文件');
      expect(missing).not.toContain('同一发文字号');
    } finally {
      await app.close();
    }
  });

  it('result pages are not for search engines (noindex, follow; X-Robots-Tag), and robots.txt keeps crawlers off /search and /api/', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, bureau.id, [node], { title: '关于农村危房改造补助标准的通知' });
      for (const url of [`/search?q=${encodeURIComponent('危房改造')}`, `/search?q=${encodeURIComponent('没有这个词语')}`, `/search?organ=${bureau.code}`, '/search?q=+', '/search?q=x&page=abc']) {
        const page = await app.inject(url);
        expect(page.body, url).toContain('<meta name="robots" content="noindex, follow"/>');
        expect(page.headers['x-robots-tag'], url).toBe('noindex, follow');
      }
      const robots = await app.inject('/robots.txt');
      expect(robots.body).toMatch(/^Disallow: \/search$/m);
      expect(robots.body).toMatch(/^Disallow: \/api\/$/m);
      expect(robots.body).toMatch(/^Disallow: \/admin\/$/m);
      expect(robots.body).toContain('Sitemap: ');
    } finally {
      await app.close();
    }
  });

  it('an attachment hit’s snippet does not repeat the file name the badge gives, nor show a page footer (第 2 页 共 2 页) unless it holds the words', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      const draft = await createDraft(deps, bureau.id, [node], { title: '关于湿地保护的通知', bodyHtml: '<p>详见附件。</p>' });
      const text = '附件：湿地物种名录\n第 1 页 共 2 页\n东方蝾螈 两栖纲 有尾目，见于青云镇山溪。\n- 2 -\n调查日期 2020-06-18\n第 2 页 共 2 页\n';
      await addAttachment(deps, system, draft.id, { fileName: 'fujian.txt', bytes: Buffer.from(text) });
      await publishImported(deps, system, draft.id);
      for (const q of ['蝾螈', '2020-06-18']) {
        const [hit] = (await app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().items;
        expect(hit.attachmentHit, q).toBe('fujian.txt');
        const snippet = hit.snippet.map((p: { text: string }) => p.text).join('');
        expect(snippet, q).not.toContain('fujian.txt');
        expect(snippet, q).not.toMatch(/第 \d 页 共 2 页|- 2 -/);
        expect(snippet, q).toContain('附件：湿地物种名录');
        const line = textOf(mainOf((await app.inject(`/search?q=${encodeURIComponent(q)}`)).body).split('<li class="search-hit">')[1]!);
        expect(line.split('fujian.txt').length - 1, q).toBe(1);
      }
      // A footer that holds the words searched is shown, marked (a PDF text layer's 共 2 页 is found by 共2页).
      const [footer] = (await app.inject(`/api/v1/search?q=${encodeURIComponent('共2页')}`)).json().items;
      expect(footer.snippet.filter((p: { hit: boolean }) => p.hit).map((p: { text: string }) => p.text)).toContain('共 2 页');
      // A search for the file name finds the item, the badge naming it, the snippet the attachment's text.
      const [byName] = (await app.inject('/api/v1/search?q=fujian')).json().items;
      expect(byName.attachmentHit).toBe('fujian.txt');
      expect(byName.snippet.map((p: { text: string }) => p.text).join('')).toMatch(/^附件：湿地物种名录/);
    } finally {
      await app.close();
    }
  });

  it('the OpenAPI text types the search’s parameters (integers with their bounds, the fixed values) and lists the 400’s error codes', async () => {
    const { app } = await buildTestApp(db());
    try {
      const get = (await app.inject('/api/openapi.json')).json().paths['/api/v1/search'].get;
      const param = (name: string) => get.parameters.find((p: { name: string }) => p.name === name).schema;
      expect(param('page')).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000 });
      expect(param('pageSize')).toMatchObject({ type: 'integer', minimum: 1, maximum: 50 });
      expect(param('year')).toMatchObject({ type: 'integer', minimum: 1949, maximum: 2200 });
      expect(param('node')).toMatchObject({ type: 'integer', minimum: 1 });
      expect(param('stage').enum).toEqual(['decision', 'execution', 'management', 'service', 'result']);
      expect(param('validity').enum).toEqual(['valid', 'amended', 'repealed', 'expired']);
      expect(param('sort').enum).toEqual(['relevance', 'newest']);
      expect(param('q').type).toBe('string');
      const refused = get.responses['400'];
      expect(refused.content['application/json'].schema.properties.error.properties.code.enum)
        .toEqual(['ERR_SEARCH_EMPTY_QUERY', 'ERR_SEARCH_UNKNOWN_ORGAN', 'ERR_SEARCH_INVALID_DATE', 'ERR_SEARCH_BAD_PARAMETER']);
      for (const code of ['ERR_SEARCH_EMPTY_QUERY', 'ERR_SEARCH_UNKNOWN_ORGAN', 'ERR_SEARCH_INVALID_DATE', 'ERR_SEARCH_BAD_PARAMETER']) expect(refused.description).toContain(code);
      // Still read and refused by the search itself, in Chinese: page=abc is not the validator's English.
      const bad = await app.inject('/api/v1/search?q=%E5%85%AC%E5%91%8A&page=abc');
      expect(bad.json().error).toMatchObject({ code: 'ERR_SEARCH_BAD_PARAMETER', field: 'page', message: '页码应为 1–1000 之间的整数' });
    } finally {
      await app.close();
    }
  });

  it('an unknown organ code says what to do; a node that is no number is asked for as a 正整数 (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const organ = await app.inject('/api/v1/search?q=%E5%85%AC%E5%91%8A&organ=nope');
      expect(organ.statusCode).toBe(400);
      expect(organ.json().error).toMatchObject({ code: 'ERR_SEARCH_UNKNOWN_ORGAN', field: 'organ' });
      expect(organ.json().error.message).toBe('没有代码为“nope”的机关。请从机关列表中选择，或去掉机关条件（organ）在全站检索');
      for (const node of ['abc', '0', '-3', '1.5']) {
        const res = await app.inject(`/api/v1/search?q=%E5%85%AC%E5%91%8A&node=${node}`);
        expect(res.statusCode, node).toBe(400);
        expect(res.json().error, node).toMatchObject({ code: 'ERR_SEARCH_BAD_PARAMETER', field: 'node', message: '目录栏目编号（node）应为正整数' });
      }
      // A whole number past the ids' range is a node that does not exist, said as such.
      const far = await app.inject('/api/v1/search?q=%E5%85%AC%E5%91%8A&node=99999999999');
      expect(far.json().error).toMatchObject({ code: 'ERR_SEARCH_BAD_PARAMETER', field: 'node', message: '没有编号为 99999999999 的目录栏目（node）' });
      expect(textOf((await app.inject('/search?q=%E5%85%AC%E5%91%8A&node=abc')).body)).toContain('目录栏目编号（node）应为正整数');
    } finally {
      await app.close();
    }
  });
});
