import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished, createStaff, system } from '../../../../test/support/factories.ts';
import { contentVersionReader } from '../../../platform/db/content-version.ts';
import { isDomainError } from '../../../shared/domain-error.ts';
import { performReviewVerb } from '../../review/index.ts';
import { findPublication, publicValidityLinks, resolveAmendingDocument, validityLinksOf } from '../index.ts';

/** The error code a call throws (the first reason's when the review refuses with several). */
async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return e.reasons.length ? e.reasons.map((r) => r.code).join(',') : e.code;
  }
  return 'ok';
}

/** The notice at the top of an item's page (the first), and the note of what it amended or repealed. */
const noticeOf = (html: string) => /<div class="notice" role="note">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
const othersOf = (html: string) => /<div class="notice validity-of-others" role="note">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';

describeEachDialect('已修改 and the documents that amended it (ADR 0026)', (db) => {
  async function world() {
    const deps = buildDeps(db(), '2026-09-24T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code });
    const other = await createOrgan(deps, { parentCode: county.code });
    const node = await createNode(deps, bureau.id);
    const countyNode = await createNode(deps, county.id);
    const otherNode = await createNode(deps, other.id);
    const measure = await createPublished(deps, bureau.id, [node], { title: '青岚县公共租赁住房管理办法', documentNumber: '岚建规〔2021〕1号', docType: 'normative_document' });
    const first = await createPublished(deps, bureau.id, [node], { title: '关于修改《青岚县公共租赁住房管理办法》的决定', documentNumber: '岚建规〔2024〕3号', docType: 'normative_document' });
    const second = await createPublished(deps, county.id, [countyNode], { title: '青岚县人民政府关于修改部分规范性文件的决定', documentNumber: '岚政〔2026〕5号' });
    return { deps, county, bureau, other, node, countyNode, otherNode, measure, first, second };
  }

  it('marks an item 已修改 with each amending document; both pages link each other, at each document’s own organ', async () => {
    const w = await world();
    const version = contentVersionReader(w.deps.db);
    const before = (await version()).version;
    await performReviewVerb(w.deps, system, w.measure.id, 'mark_amended', { amendingId: w.first.id });
    expect((await version()).version).toBeGreaterThan(before);
    // Amended twice: a second decision, the county government's.
    await performReviewVerb(w.deps, system, w.measure.id, 'mark_amended', { amendingId: w.second.id });
    expect((await findPublication(w.deps.db, w.measure.id))?.validity).toBe('amended');
    const links = await validityLinksOf(w.deps.db, w.measure.id);
    expect(links.amendedBy.map((l) => l.id)).toEqual([w.first.id, w.second.id]);
    expect((await validityLinksOf(w.deps.db, w.second.id)).amends.map((l) => l.id)).toEqual([w.measure.id]);

    const { app } = await buildTestApp(db());
    try {
      const page = await app.inject(`/organs/${w.bureau.code}/items/${w.measure.id}`);
      const notice = noticeOf(page.body);
      expect(notice).toContain(`本文件已被《<a href="/organs/${w.bureau.code}/items/${w.first.id}">关于修改〈青岚县公共租赁住房管理办法〉的决定</a>》（岚建规〔2024〕3号，<span class="nowrap">${w.first.publishedOn}</span>发布）`);
      expect(notice).toContain(`《<a href="/organs/${w.county.code}/items/${w.second.id}">青岚县人民政府关于修改部分规范性文件的决定</a>》（岚政〔2026〕5号，`);
      expect(notice).toContain('修改。');
      const decision = await app.inject(`/organs/${w.county.code}/items/${w.second.id}`);
      expect(othersOf(decision.body)).toContain(`本文件修改了《<a href="/organs/${w.bureau.code}/items/${w.measure.id}">青岚县公共租赁住房管理办法</a>》（岚建规〔2021〕1号，`);
      // The API says the same, both ways.
      const json = (await app.inject(`/api/v1/publications/${w.measure.id}`)).json();
      expect(json.amendedBy.map((l: { id: number }) => l.id)).toEqual([w.first.id, w.second.id]);
      expect(json.amendedBy[1]).toMatchObject({ organCode: w.county.code, documentNumber: '岚政〔2026〕5号', url: `/organs/${w.county.code}/items/${w.second.id}` });
      expect((await app.inject(`/api/v1/publications/${w.first.id}`)).json().amends.map((l: { id: number }) => l.id)).toEqual([w.measure.id]);
      // The search index shows the new 效力 (its facet), written by the same verb.
      const found = (await app.inject(`/api/v1/search?q=${encodeURIComponent('公共租赁住房管理办法')}&validity=amended`)).json();
      expect(found.items.map((i: { id: number }) => i.id)).toContain(w.measure.id);
      // The amended item withdrawn: the decision's page no longer links it.
      await performReviewVerb(w.deps, system, w.measure.id, 'withdraw', { withdrawReason: 'published_in_error' });
      expect(othersOf((await app.inject(`/organs/${w.county.code}/items/${w.second.id}`)).body)).toBe('');
    } finally {
      await app.close();
    }
  });

  it('refuses, with stable codes and nothing written, an amender that is the item itself, unpublished, withdrawn, unrelated, already named or amended by the item', async () => {
    const w = await world();
    const draft = await createDraft(w.deps, w.bureau.id, [w.node], { title: '尚未发布的修改决定' });
    const foreign = await createPublished(w.deps, w.other.id, [w.otherNode], { title: '另一部门的文件' });
    const gone = await createPublished(w.deps, w.bureau.id, [w.node], { title: '已撤回的修改决定' });
    await performReviewVerb(w.deps, system, gone.id, 'withdraw', { withdrawReason: 'published_in_error' });
    const version = contentVersionReader(w.deps.db);
    const before = (await version()).version;
    const mark = (id: number, amendingId: number | null) => codeOf(performReviewVerb(w.deps, system, id, 'mark_amended', { amendingId }));
    expect(await mark(w.measure.id, null)).toBe('ERR_REVIEW_AMENDING_REQUIRED');
    expect(await mark(w.measure.id, w.measure.id)).toBe('ERR_CATALOG_AMENDING_INVALID');
    expect(await mark(w.measure.id, draft.id)).toBe('ERR_CATALOG_AMENDING_INVALID');
    expect(await mark(w.measure.id, gone.id)).toBe('ERR_CATALOG_AMENDING_INVALID');
    expect(await mark(w.measure.id, foreign.id)).toBe('ERR_CATALOG_AMENDING_INVALID');
    expect(await mark(w.measure.id, 999999)).toBe('ERR_CATALOG_AMENDING_INVALID');
    expect((await findPublication(w.deps.db, w.measure.id))?.validity).toBe('valid');
    expect((await version()).version).toBe(before);

    expect(await mark(w.measure.id, w.first.id)).toBe('ok');
    expect(await mark(w.measure.id, w.first.id)).toBe('ERR_CATALOG_AMENDING_DUPLICATE');
    // A circle: the measure is amended by the first decision, which the second amended; the measure cannot amend the second.
    expect(await mark(w.first.id, w.second.id)).toBe('ok');
    expect(await mark(w.second.id, w.measure.id)).toBe('ERR_CATALOG_AMENDING_CYCLE');
    // Through a repeal's replacement too: the measure replaces a repealed old text, which cannot amend it.
    const old = await createPublished(w.deps, w.bureau.id, [w.node], { title: '旧办法' });
    await performReviewVerb(w.deps, system, old.id, 'repeal', { replacedById: w.measure.id });
    expect(await mark(w.measure.id, old.id)).toBe('ERR_CATALOG_AMENDING_CYCLE');
    // A repealed document is no longer marked 已修改.
    expect(await mark(old.id, w.second.id)).toBe('ERR_REVIEW_NOT_IN_FORCE');
    const refused = await codeOf(performReviewVerb(w.deps, system, w.measure.id, 'mark_amended', { amendingId: w.measure.id }));
    expect(refused).toBe('ERR_CATALOG_AMENDING_INVALID');
  });

  it('an amender later withdrawn leaves the page: no dead link, the banner says only 已修改; the other amender stays', async () => {
    const w = await world();
    await performReviewVerb(w.deps, system, w.measure.id, 'mark_amended', { amendingId: w.first.id });
    const { app } = await buildTestApp(db());
    try {
      const url = `/organs/${w.bureau.code}/items/${w.measure.id}`;
      await performReviewVerb(w.deps, system, w.first.id, 'withdraw', { withdrawReason: 'published_in_error' });
      const notice = noticeOf((await app.inject(url)).body);
      expect(notice).toContain('本文件已修改。');
      expect(notice).not.toContain('/items/');
      // It was recorded: the banner does not say the site does not know (it points onward all the same).
      expect(notice).not.toContain('本站没有记载');
      expect(notice).toContain(`/organs/${w.bureau.code}/catalog`);
      expect((await publicValidityLinks(w.deps.db, w.measure.id)).amendedBy).toEqual([]);
      // Still recorded for the staff (the link comes back if the decision is published again).
      expect((await validityLinksOf(w.deps.db, w.measure.id)).amendedBy.map((l) => [l.id, l.status])).toEqual([[w.first.id, 'withdrawn']]);
      await performReviewVerb(w.deps, system, w.measure.id, 'mark_amended', { amendingId: w.second.id });
      const again = noticeOf((await app.inject(url)).body);
      expect(again).toContain(`/items/${w.second.id}"`);
      expect(again).not.toContain(`/items/${w.first.id}"`);
    } finally {
      await app.close();
    }
  });

  it('finds the amender the officer typed: 文号 in any bracket spelling, the title with or without 《》, the 编号; none or several are refused', async () => {
    const w = await world();
    expect(await resolveAmendingDocument(w.deps.db, w.measure, '岚建规[2024]3号')).toBe(w.first.id);
    expect(await resolveAmendingDocument(w.deps.db, w.measure, ' 岚政（2026）5号 ')).toBe(w.second.id);
    expect(await resolveAmendingDocument(w.deps.db, w.measure, '《青岚县人民政府关于修改部分规范性文件的决定》')).toBe(w.second.id);
    expect(await resolveAmendingDocument(w.deps.db, w.measure, String(w.first.id))).toBe(w.first.id);
    expect(await codeOf(resolveAmendingDocument(w.deps.db, w.measure, '岚建规〔2099〕1号'))).toBe('ERR_CATALOG_AMENDING_NOT_FOUND');
    await createPublished(w.deps, w.bureau.id, [w.node], { title: '重名的决定', documentNumber: '岚建〔2026〕9号' });
    await createPublished(w.deps, w.bureau.id, [w.node], { title: '重名的决定' });
    expect(await codeOf(resolveAmendingDocument(w.deps.db, w.measure, '重名的决定'))).toBe('ERR_CATALOG_AMENDING_AMBIGUOUS');
  });

  it('the back office: the publisher types the 文号 under 标记已修改; a refusal is told with its reason', async () => {
    const w = await world();
    const { app } = await buildTestApp(db());
    try {
      const publisher = await createStaff(w.deps, w.bureau.code, 'disclosure_office');
      const s = await loginAs(app, publisher.username, publisher.password);
      const page = (await app.inject({ url: `/admin/publications/${w.measure.id}`, cookies: s.cookies })).body;
      expect(page).toContain(`action="/admin/publications/${w.measure.id}/verbs/mark_amended"`);
      const mark = async (amending: string) => {
        const r = await app.inject({ method: 'POST', url: `/admin/publications/${w.measure.id}/verbs/mark_amended`, cookies: s.cookies, payload: { _csrf: s.csrf, amending } });
        expect(r.statusCode).toBe(303);
        const flash = Object.fromEntries(r.cookies.map((c) => [c.name, c.value]));
        return (await app.inject({ url: `/admin/publications/${w.measure.id}`, cookies: { ...s.cookies, ...flash } })).body.replace(/<[^>]+>/g, '');
      };
      expect(await mark('岚建规〔2099〕1号')).toContain('未能标记已修改：没有找到文号、索引号、标题或编号为“岚建规〔2099〕1号”的已发布文件');
      expect(await mark('')).toContain('请填写修改本文件的文件');
      expect((await findPublication(w.deps.db, w.measure.id))?.validity).toBe('valid');
      const marked = await mark('岚建规(2024)3号');
      expect(marked).toContain('已标记已修改');
      // The staff see what is recorded, a withdrawn amender too, said to be left off the portal.
      expect(marked).toContain('已记录的修改文件：《关于修改《青岚县公共租赁住房管理办法》的决定》（岚建规〔2024〕3号）');
      await performReviewVerb(w.deps, system, w.first.id, 'withdraw', { withdrawReason: 'published_in_error' });
      expect((await app.inject({ url: `/admin/publications/${w.measure.id}`, cookies: s.cookies })).body.replace(/<[^>]+>/g, '')).toContain('（岚建规〔2024〕3号）（已撤回，门户不显示）');
      expect((await validityLinksOf(w.deps.db, w.measure.id)).amendedBy.map((l) => l.id)).toEqual([w.first.id]);
    } finally {
      await app.close();
    }
  });
});
