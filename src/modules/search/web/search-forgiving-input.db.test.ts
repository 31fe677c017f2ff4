import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff, system } from '../../../../test/support/factories.ts';
import { performReviewVerb } from '../../review/index.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

/**
 * What citizens reasonably type that the box refused or misread (outside testers): a query over 100 characters, a
 * reversed date range, a 文号 without 号, an item page's address. Each is taken, and the page and the API say what was done.
 */
describeEachDialect('the search box takes what a citizen reasonably types', (db) => {
  it('searches the first 100 characters of a longer query and says so; such a query is not counted among the search terms (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const title = '关于印发青岚县城镇老旧小区改造实施办法的通知';
      await createPublished(deps, organ.id, [node], { title });
      // A title pasted with the sentence after it: 22 characters, a space, then more than 100 in all.
      const typed = `${title} ${'请问这个实施办法从什么时候开始执行以及老旧小区的范围如何确定'.repeat(4)}`;
      expect([...typed].length).toBeGreaterThan(100);
      const page = await app.inject(`/search?q=${encodeURIComponent(typed)}`);
      expect(page.statusCode).toBe(200);
      const main = mainOf(page.body);
      expect(main).toContain(`检索词过长（${[...typed].length} 个字），已按前 100 个字检索`);
      expect(main).not.toContain('检索词不能超过');
      // The box holds what was searched, and the links of the page carry it.
      const searched = [...typed].slice(0, 100).join('');
      expect(main).toContain(`value="${searched}"`);
      const api = await app.inject(`/api/v1/search?q=${encodeURIComponent(typed)}`);
      expect(api.statusCode).toBe(200);
      expect(api.json()).toMatchObject({ query: searched, queryTruncated: { typedChars: [...typed].length, searchedChars: 100 } });
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(title)}`)).json()).toMatchObject({ total: 1, queryTruncated: null });
      // A long query may run past a number someone typed after its 100th character: such queries stay out of the
      // search-term counts, as they did when refused.
      const withNumber = `${'危房改造补助'.repeat(15)}11010519491231002X`; // cut after its first 10 digits
      expect([...withNumber].slice(90, 100).join('')).toBe('1101051949');
      expect((await app.inject(`/search?q=${encodeURIComponent(withNumber)}`)).statusCode).toBe(200);
      const staff = await createStaff(deps, organ.code, 'disclosure_office');
      const { cookies } = await loginAs(app, staff.username, 'correct-horse-1');
      expect((await app.inject({ url: '/admin/search-terms', cookies })).statusCode).toBe(200);
      const terms = (await deps.db.selectFrom('search_terms').select('term').execute()).map((r) => r.term);
      expect(terms).toEqual([title.toLowerCase()]);
    } finally {
      await app.close();
    }
  });

  it('says why fewer than 100 characters were searched when the cut falls at a punctuation mark before the 100th (an outside tester: “why 86?”)', async () => {
    const { app } = await buildTestApp(db());
    try {
      // 90 characters, a full stop, then more: the cut is at the full stop, so no word is cut in half.
      const typed = `${'危房改造补助资金'.repeat(11)}危房。${'请问什么时候发放补助资金'.repeat(3)}`;
      const main = textOf(mainOf((await app.inject(`/search?q=${encodeURIComponent(typed)}`)).body));
      expect(main).toContain(`检索词过长（${[...typed].length} 个字），已按前 90 个字检索：最多 100 个字，在此前最近的标点或空格处截断，以免切开词语。`);
    } finally {
      await app.close();
    }
  });

  it('swaps a reversed date range and says so: the form and the links carry it swapped (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      await createPublished(deps, organ.id, [await createNode(deps, organ.id)], { title: '农村危房改造补助标准' });
      const q = encodeURIComponent('危房');
      const page = await app.inject(`/search?q=${q}&from=2026-06-01&to=2026-01-01`);
      expect(page.statusCode).toBe(200);
      const main = mainOf(page.body);
      expect(main).toContain('起止日期已对调');
      expect(main).toContain('共找到 1 条');
      expect(main).toContain('id="search-from" name="from" value="2026-01-01"');
      expect(main).toContain('id="search-to" name="to" value="2026-06-01"');
      expect(main).toContain('发布日期：2026-01-01 至 2026-06-01');
      expect(main).toContain(`sort=newest&amp;from=2026-01-01&amp;to=2026-06-01`.replace('sort=newest&amp;', ''));
      expect(main).not.toContain('from=2026-06-01');
      const api = await app.inject(`/api/v1/search?q=${q}&from=2026-06-01&to=2026-01-01`);
      expect(api.statusCode).toBe(200);
      expect(api.json()).toMatchObject({ total: 1, datesSwapped: true });
      expect((await app.inject(`/api/v1/search?q=${q}&from=2026-01-01&to=2026-06-01`)).json()).toMatchObject({ total: 1, datesSwapped: false });
      // The same day at both ends is a range of one day, nothing to swap.
      expect(mainOf((await app.inject(`/search?q=${q}&from=2026-03-10&to=2026-03-10`)).body)).not.toContain('起止日期已对调');
    } finally {
      await app.close();
    }
  });

  it('marks a 文号 typed without 号 文号完全一致, never one of another serial (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const sixtyThree = await createPublished(deps, organ.id, [node], { title: '关于农村危房改造补助标准的通知', documentNumber: '岚建〔2026〕63号' });
      const six = await createPublished(deps, organ.id, [node], { title: '关于建筑工地扬尘治理的通知', documentNumber: '岚建〔2026〕6号' });
      for (const typed of ['岚建〔2026〕63', '岚建[2026]63', '岚建2026年63']) {
        const api = (await app.inject(`/api/v1/search?q=${encodeURIComponent(typed)}`)).json();
        expect(api.items[0], typed).toMatchObject({ id: sixtyThree.id, exactNumber: true, exactNumberMatch: { kind: 'documentNumber', value: '岚建〔2026〕63号' } });
        expect(api.items.filter((i: { exactNumber: boolean }) => i.exactNumber).length, typed).toBe(1);
        const first = /<li class="search-hit">([\s\S]*?)<\/li>/.exec(mainOf((await app.inject(`/search?q=${encodeURIComponent(typed)}`)).body))![1];
        expect(first, typed).toContain('<strong>文号完全一致</strong>');
        expect(first, typed).toContain('<mark>岚建〔2026〕63号</mark>');
      }
      // 岚建〔2026〕6 is 6号, never 63号.
      const api = (await app.inject(`/api/v1/search?q=${encodeURIComponent('岚建〔2026〕6')}`)).json();
      expect(api.items[0]).toMatchObject({ id: six.id, exactNumber: true });
      expect(api.items.find((i: { id: number }) => i.id === sixtyThree.id)?.exactNumber ?? false).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('offers the item of a pasted address of this portal first; says what the public may know when it is not published; other addresses are words (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      const item = await createPublished(deps, bureau.id, [node], { title: '关于农村危房改造补助标准的通知', documentNumber: '岚建〔2026〕63号' });
      const gone = await createPublished(deps, bureau.id, [node], { title: '关于2026年公租房配租结果的公示' });
      await performReviewVerb(deps, system, gone.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '内容有误' });
      const draft = await createDraft(deps, bureau.id, [node], { title: '尚未发布的危房改造通知草稿' });
      const itemPath = `/organs/${bureau.code}/items/${item.id}`;
      // The page's own address (the test server answers as localhost), a copied path with a query string and a
      // fragment, from an organ's header box (its scope) too.
      for (const typed of [`http://localhost${itemPath}`, `${itemPath}?print=1#attachments`, `localhost${itemPath}/`]) {
        for (const scope of ['', `&organ=${county.code}`]) {
          const page = await app.inject(`/search?q=${encodeURIComponent(typed)}${scope}`);
          expect(page.statusCode, typed).toBe(200);
          const main = mainOf(page.body);
          expect(main, typed).toContain('这是本站一条公开信息的地址');
          expect(main, typed).toContain(`<a href="${itemPath}">关于农村危房改造补助标准的通知</a>`);
          expect(main.indexOf(`href="${itemPath}"`), typed).toBeLessThan(main.indexOf('id="search-next-steps"') === -1 ? Infinity : main.indexOf('id="search-next-steps"'));
          expect(main, typed).not.toContain('没有找到包含');
        }
        const api = await app.inject(`/api/v1/search?q=${encodeURIComponent(typed)}`);
        expect(api.statusCode, typed).toBe(200);
        expect(api.json(), typed).toMatchObject({
          total: 1, items: [{ id: item.id, url: itemPath, title: '关于农村危房改造补助标准的通知' }],
          addressedItem: { status: 'published', id: item.id, url: itemPath, title: '关于农村危房改造补助标准的通知' },
        });
      }
      // Withdrawn: said, with its title and its address (which gives the public notice of the withdrawal).
      const goneMain = mainOf((await app.inject(`/search?q=${encodeURIComponent(`/organs/${bureau.code}/items/${gone.id}`)}`)).body);
      expect(goneMain).toContain('已撤回');
      expect(goneMain).toContain('关于2026年公租房配租结果的公示');
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(`/organs/${bureau.code}/items/${gone.id}`)}`)).json())
        .toMatchObject({ total: 0, items: [], addressedItem: { status: 'withdrawn', id: gone.id, title: '关于2026年公租房配租结果的公示', url: `/organs/${bureau.code}/items/${gone.id}` } });
      // A draft and an id no item has read alike: nothing of the draft is shown.
      for (const id of [draft.id, 999999]) {
        const typed = `http://localhost/organs/${bureau.code}/items/${id}`;
        const main = mainOf((await app.inject(`/search?q=${encodeURIComponent(typed)}`)).body);
        expect(main, String(id)).toContain('本站没有这一地址的公开信息');
        expect(main, String(id)).not.toContain('尚未发布的危房改造通知草稿');
        expect(main, String(id)).toContain('id="search-next-steps"');
        expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(typed)}`)).json(), String(id))
          .toMatchObject({ total: 0, items: [], addressedItem: { status: 'notFound', id: null, title: null, url: null } });
      }
      // Another site's address is searched as words, as before.
      const other = await app.inject(`/api/v1/search?q=${encodeURIComponent(`http://www.other.gov.cn${itemPath}`)}`);
      expect(other.json()).toMatchObject({ total: 0, addressedItem: null });
      expect(textOf(mainOf((await app.inject(`/search?q=${encodeURIComponent(`http://www.other.gov.cn${itemPath}`)}`)).body))).toContain('没有找到包含');
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent('危房')}`)).json()).toMatchObject({ addressedItem: null });
    } finally {
      await app.close();
    }
  });
});
