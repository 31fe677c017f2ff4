import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff, publicationInput, system } from '../../../../../test/support/factories.ts';
import { createApiToken } from '../../../identity/index.ts';
import { addAttachment, updatePublication } from '../../index.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const interpretation = (policyIds: number[], node: number, over: Record<string, unknown> = {}) =>
  publicationInput([node], { stage: 'decision', genre: '解读', itemKind: 'interpretation', interpretationForm: 'text', policyIds, ...over });

describeEachDialect('政策解读 on the portal and in the API', (db) => {
  async function world() {
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps, { name: '测试县人民政府' });
    const organ = await createOrgan(deps, { parentCode: county.code });
    const policies = await createNode(deps, organ.id, { name: '政策文件' });
    const interpretations = await createNode(deps, organ.id, { name: '政策解读' });
    const policy = await createPublished(deps, organ.id, [policies], { title: '关于印发《测试县住房保障办法》的通知', documentNumber: '测建规〔2026〕1号' });
    return { app, deps, county, organ, policies, interpretations, policy };
  }

  it('links a policy’s page to its published interpretations and each interpretation’s page back to its policies', async () => {
    const { app, deps, county, organ, interpretations, policy } = await world();
    const text = await createPublished(deps, organ.id, [interpretations], interpretation([policy.id], interpretations, { title: '《测试县住房保障办法》政策解读' }));
    const draft = await createDraft(deps, organ.id, [interpretations], interpretation([policy.id], interpretations, { title: '尚在起草的解读' }));
    // The county above explains the same policy in a video, on its own site.
    const countyNode = await createNode(deps, county.id, { name: '政策解读' });
    const video = await createPublished(deps, county.id, [countyNode], interpretation([policy.id], countyNode, {
      title: '视频：县政府解读住房保障办法', interpretationForm: 'video', videoUrl: 'https://video.example.cn/zfbz', bodyHtml: '<p>视频文字稿：……</p>',
    }));

    const policyPage = await app.inject(`/organs/${organ.code}/items/${policy.id}`);
    expect(policyPage.statusCode).toBe(200);
    const box = /<section class="panel interpretations"[\s\S]*?<\/section>/.exec(policyPage.body)?.[0] ?? '';
    expect(box).toContain('<h2 id="interp-h">政策解读</h2>');
    expect(box).toContain(`href="/organs/${organ.code}/items/${text.id}"`);
    expect(box).toContain('《测试县住房保障办法》政策解读');
    expect(box).toContain(`href="/organs/${county.code}/items/${video.id}"`);
    expect(box).toContain('视频解读，测试县人民政府');
    expect(box).not.toContain(String(draft.title));
    expect(policyPage.body).toContain('查看本文件的政策解读（2 篇）');

    const textPage = await app.inject(`/organs/${organ.code}/items/${text.id}`);
    expect(textPage.statusCode).toBe(200);
    const back = /<section class="panel interpreted-policies"[\s\S]*?<\/section>/.exec(textPage.body)?.[0] ?? '';
    expect(back).toContain('本文解读的政策文件');
    expect(back).toContain(`href="/organs/${organ.code}/items/${policy.id}"`);
    expect(back).toContain('测建规〔2026〕1号');
    expect(textPage.body).toMatch(/<th scope="row">解读形式<\/th><td[^>]*>文字解读<\/td>/);
    expect(textPage.body).not.toContain('class="panel interpretations"');

    const videoPage = await app.inject(`/organs/${county.code}/items/${video.id}`);
    expect(videoPage.body).toContain('href="https://video.example.cn/zfbz"');
    expect(videoPage.body).toContain(`href="/organs/${organ.code}/items/${policy.id}"`);
    await app.close();
  });

  it('shows a 图解 as its picture with a text alternative, the body as its full text', async () => {
    const { app, deps, organ, interpretations, policy } = await world();
    const graphic = await createDraft(deps, organ.id, [interpretations], interpretation([policy.id], interpretations, { title: '一图读懂住房保障办法', interpretationForm: 'graphic' }));
    const picture = await addAttachment(deps, system, graphic.id, { fileName: '一图读懂.png', bytes: PNG });
    await updatePublication(deps, system, graphic.id, interpretation([policy.id], interpretations, {
      title: '一图读懂住房保障办法', interpretationForm: 'graphic', graphicAttachmentId: picture, bodyHtml: '<p>图中第一部分：保障对象为……</p>',
    }));
    const { publishImported } = await import('../../../review/index.ts');
    await publishImported(deps, system, graphic.id);
    const page = await app.inject(`/organs/${organ.code}/items/${graphic.id}`);
    expect(page.body).toContain(`<img src="/attachments/${picture}/${encodeURIComponent('一图读懂.png')}" alt="一图读懂住房保障办法（图解，文字版见图下）"`);
    expect(page.body).toMatch(/<h2>图解文字版<\/h2>\s*<div class="article-body"><p>图中第一部分/);
    expect((await app.inject(`/attachments/${picture}/x.png`)).statusCode).toBe(200);
    await app.close();
  });

  it('gives both ends in the API’s item JSON, published ones only to an anonymous caller', async () => {
    const { app, deps, organ, interpretations, policy } = await world();
    const text = await createPublished(deps, organ.id, [interpretations], interpretation([policy.id], interpretations, { title: '文字解读' }));
    await createDraft(deps, organ.id, [interpretations], interpretation([policy.id], interpretations, { title: '草稿解读' }));
    const ofPolicy = (await app.inject(`/api/v1/publications/${policy.id}`)).json();
    expect(ofPolicy).toMatchObject({ itemKind: 'document', interpretationForm: null, policyIds: [], interprets: [] });
    expect(ofPolicy.interpretations).toEqual([{
      id: text.id, title: '文字解读', organCode: organ.code, organName: organ.name, documentNumber: null, interpretationForm: 'text', status: 'published',
      publishedOn: text.publishedOn, validity: 'valid', replacedBy: null, url: `/organs/${organ.code}/items/${text.id}`,
    }]);
    const ofText = (await app.inject(`/api/v1/publications/${text.id}`)).json();
    expect(ofText).toMatchObject({ itemKind: 'interpretation', interpretationForm: 'text', videoUrl: null, graphicAttachmentId: null, policyIds: [policy.id], interpretations: [] });
    expect(ofText.interprets.map((l: { id: number; documentNumber: string }) => [l.id, l.documentNumber])).toEqual([[policy.id, '测建规〔2026〕1号']]);
    await app.close();
  });

  it('takes an interpretation through the API with the same rules as the form', async () => {
    const { app, deps, county, organ, interpretations, policy } = await world();
    const bearer = async (code: string) => {
      const user = await createStaff(deps, code, 'editor');
      return { authorization: `Bearer ${await createApiToken(deps, user.username, '解读同步')}` };
    };
    const mine = await bearer(organ.code);
    const draftPolicy = await createDraft(deps, organ.id, [interpretations], { title: '尚未发布的政策' });
    const body = { ...interpretation([policy.id, draftPolicy.id], interpretations, { title: '接口写的解读' }), formedOn: '2026-03-02' };
    const created = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: mine, payload: body });
    expect(created.statusCode).toBe(201);
    const json = created.json();
    // Its organ's token sees every end it names, the draft policy too, and may send them back.
    expect(json).toMatchObject({ itemKind: 'interpretation', interpretationForm: 'text', policyIds: [policy.id, draftPolicy.id].sort((a, b) => a - b) });
    expect(json.interprets.map((l: { id: number }) => l.id).sort()).toEqual([policy.id, draftPolicy.id].sort());
    const put = await app.inject({ method: 'PUT', url: `/api/v1/publications/${json.id}`, headers: mine, payload: { ...json, title: '接口改过的解读', expectedVersion: json.version } });
    expect(put.statusCode).toBe(200);
    expect(put.json().policyIds).toEqual(json.policyIds);

    // The county's token: the draft below it is answered like a missing id; a video needs its link.
    const countyNode = await createNode(deps, county.id, { name: '政策解读' });
    const refused = await app.inject({
      method: 'POST', url: `/api/v1/organs/${county.code}/publications`, headers: await bearer(county.code),
      payload: { ...interpretation([draftPolicy.id], countyNode), formedOn: '2026-03-02' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'ERR_CATALOG_POLICY_LINK_INVALID', field: 'policyIds', reasons: [{ message: `所解读的政策文件（编号 ${draftPolicy.id}）不存在或尚未发布` }] });
    const noLink = await app.inject({
      method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: mine,
      payload: { ...interpretation([policy.id], interpretations), interpretationForm: 'video', videoUrl: null, formedOn: '2026-03-02' },
    });
    expect(noLink.statusCode).toBe(400);
    expect(noLink.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'videoUrl' });
    await app.close();
  });

  it('marks a policy that is 已废止 or 已失效 next to its link on the interpretation’s page, so a reader is not misled', async () => {
    const { app, deps, organ, policies, interpretations, policy } = await world();
    const { performReviewVerb } = await import('../../../review/index.ts');
    const lapsing = await createPublished(deps, organ.id, [policies], { title: '测试县租赁补贴暂行办法', formedOn: '2021-06-07', validThroughOn: '2026-06-06' });
    const text = await createPublished(deps, organ.id, [interpretations], interpretation([policy.id, lapsing.id], interpretations, { title: '两份办法的政策解读' }));
    const box = async () => /<section class="panel interpreted-policies"[\s\S]*?<\/section>/.exec((await app.inject(`/organs/${organ.code}/items/${text.id}`)).body)?.[0] ?? '';
    const entry = (html: string, id: number) => new RegExp(`<li>(?:(?!</li>).)*items/${id}"(?:(?!</li>).)*</li>`, 's').exec(html)?.[0] ?? '';
    // In force: no mark.
    expect(entry(await box(), policy.id)).not.toMatch(/已废止|已失效/);
    await performReviewVerb(deps, system, policy.id, 'repeal', { comment: '已由新办法替代' });
    deps.clock.set('2026-12-10T02:00:00Z');
    const { expireLapsedPublications } = await import('../../../review/index.ts');
    await expireLapsedPublications(deps);
    const after = await box();
    expect(entry(after, policy.id)).toMatch(/测试县住房保障办法》的通知<\/a>[^<]*<strong class="link-validity">（已废止）<\/strong>/);
    expect(entry(after, lapsing.id)).toMatch(/测试县租赁补贴暂行办法<\/a>[^<]*<strong class="link-validity">（已失效）<\/strong>/);
    // The API's links say it too.
    const interprets = (await app.inject(`/api/v1/publications/${text.id}`)).json().interprets as { id: number; validity: string }[];
    expect(Object.fromEntries(interprets.map((l) => [l.id, l.validity]))).toEqual({ [policy.id]: 'repealed', [lapsing.id]: 'expired' });
    await app.close();
  });

  it('points a reader of a repealed policy’s interpretation to the policy that replaced it and its published interpretation, page and API', async () => {
    const { app, deps, organ, policies, interpretations, policy } = await world();
    const { performReviewVerb } = await import('../../../review/index.ts');
    const old = await createPublished(deps, organ.id, [interpretations], interpretation([policy.id], interpretations, { title: '《测试县住房保障办法》政策解读' }));
    const revised = await createPublished(deps, organ.id, [policies], { title: '关于印发《测试县住房保障办法（2026年修订）》的通知', documentNumber: '测建规〔2026〕9号' });
    const current = await createPublished(deps, organ.id, [interpretations], interpretation([revised.id], interpretations, { title: '《测试县住房保障办法（2026年修订）》政策解读' }));
    await createDraft(deps, organ.id, [interpretations], interpretation([revised.id], interpretations, { title: '尚在起草的新解读' }));
    const box = async (id: number) => /<section class="panel interpreted-policies"[\s\S]*?<\/section>/.exec((await app.inject(`/organs/${organ.code}/items/${id}`)).body)?.[0] ?? '';
    const interprets = async (id: number) => (await app.inject(`/api/v1/publications/${id}`)).json().interprets as { id: number; replacedBy: unknown }[];
    // In force: nothing to point to.
    expect(await box(old.id)).not.toContain('替代');
    expect((await interprets(old.id))[0]!.replacedBy).toBeNull();

    await performReviewVerb(deps, system, policy.id, 'repeal', { comment: '已由修订后的办法替代', replacedById: revised.id });
    const page = await box(old.id);
    expect(page).toContain('<strong class="link-validity">（已废止）</strong>');
    expect(page).toContain(
      `该文件已被《<a href="/organs/${organ.code}/items/${revised.id}">关于印发〈测试县住房保障办法（2026年修订）〉的通知</a>》（测建规〔2026〕9号，<span class="nowrap">${revised.publishedOn}</span>发布）替代，`
      + `现行解读：《<a href="/organs/${organ.code}/items/${current.id}">〈测试县住房保障办法（2026年修订）〉政策解读</a>》（<span class="nowrap">${current.publishedOn}</span>发布）。`,
    );
    expect(page).not.toContain('尚在起草的新解读');
    const [link] = await interprets(old.id);
    expect(link!.replacedBy).toEqual({
      id: revised.id, title: revised.title, organCode: organ.code, organName: organ.name, documentNumber: '测建规〔2026〕9号', interpretationForm: null,
      status: 'published', publishedOn: revised.publishedOn, validity: 'valid', url: `/organs/${organ.code}/items/${revised.id}`,
      interpretations: [{
        id: current.id, title: current.title, organCode: organ.code, organName: organ.name, documentNumber: null, interpretationForm: 'text',
        status: 'published', publishedOn: current.publishedOn, validity: 'valid', url: `/organs/${organ.code}/items/${current.id}`,
      }],
      via: [],
    });
    // The new policy's own interpretation is about a policy in force: it points nowhere.
    expect((await interprets(current.id))[0]!.replacedBy).toBeNull();

    // A replacement with no published interpretation of its own: the line names the replacing policy alone.
    const other = await createPublished(deps, organ.id, [policies], { title: '测试县租赁补贴办法' });
    const olderPolicy = await createPublished(deps, organ.id, [policies], { title: '测试县租赁补贴暂行办法' });
    const olderText = await createPublished(deps, organ.id, [interpretations], interpretation([olderPolicy.id], interpretations, { title: '租赁补贴暂行办法解读' }));
    await performReviewVerb(deps, system, olderPolicy.id, 'repeal', { comment: '已由新办法替代', replacedById: other.id });
    const alone = await box(olderText.id);
    expect(alone).toContain(`该文件已被《<a href="/organs/${organ.code}/items/${other.id}">测试县租赁补贴办法</a>》（<span class="nowrap">${other.publishedOn}</span>发布）替代。`);
    expect(alone).not.toContain('现行解读');
    expect((await interprets(olderText.id))[0]!.replacedBy).toMatchObject({ id: other.id, interpretations: [] });
    await app.close();
  });

  it('a lapsed (已失效) policy with a 现行文件 points to it and its interpretation, as a repealed one does', async () => {
    const { app, deps, organ, policies, interpretations } = await world();
    const { expireLapsedPublications } = await import('../../../review/index.ts');
    const successor = await createPublished(deps, organ.id, [policies], { title: '测试县租赁补贴办法', documentNumber: '测建规〔2026〕5号' });
    const current = await createPublished(deps, organ.id, [interpretations], interpretation([successor.id], interpretations, { title: '租赁补贴办法解读' }));
    const lapsing = await createPublished(deps, organ.id, [policies], { title: '测试县租赁补贴暂行办法', formedOn: '2021-06-07', validThroughOn: '2026-06-06', replacedById: successor.id });
    const old = await createPublished(deps, organ.id, [interpretations], interpretation([lapsing.id], interpretations, { title: '租赁补贴暂行办法解读' }));
    const box = async () => /<section class="panel interpreted-policies"[\s\S]*?<\/section>/.exec((await app.inject(`/organs/${organ.code}/items/${old.id}`)).body)?.[0] ?? '';
    // In force until its 有效期至: nothing to point to.
    expect(await box()).not.toContain('替代');
    deps.clock.set('2026-12-10T02:00:00Z');
    await expireLapsedPublications(deps);
    const page = await box();
    expect(page).toContain('<strong class="link-validity">（已失效）</strong>');
    expect(page).toContain(
      `该文件已被《<a href="/organs/${organ.code}/items/${successor.id}">测试县租赁补贴办法</a>》（测建规〔2026〕5号，<span class="nowrap">${successor.publishedOn}</span>发布）替代，`
      + `现行解读：《<a href="/organs/${organ.code}/items/${current.id}">租赁补贴办法解读</a>》（<span class="nowrap">${current.publishedOn}</span>发布）。`,
    );
    const [link] = (await app.inject(`/api/v1/publications/${old.id}`)).json().interprets as { id: number; validity: string; replacedBy: { id: number; via: unknown[]; interpretations: { id: number }[] } }[];
    expect(link).toMatchObject({ id: lapsing.id, validity: 'expired', replacedBy: { id: successor.id, via: [], interpretations: [{ id: current.id }] } });
    await app.close();
  });

  it('follows a replacement since repealed and replaced in its turn to the policy in force now, saying so; a circle of replacements ends', async () => {
    const { app, deps, organ, policies, interpretations, policy } = await world();
    const { performReviewVerb } = await import('../../../review/index.ts');
    const old = await createPublished(deps, organ.id, [interpretations], interpretation([policy.id], interpretations, { title: '2026年办法的解读' }));
    const second = await createPublished(deps, organ.id, [policies], { title: '测试县住房保障办法（第二版）', documentNumber: '测建规〔2026〕9号' });
    const secondText = await createPublished(deps, organ.id, [interpretations], interpretation([second.id], interpretations, { title: '第二版的解读' }));
    const third = await createPublished(deps, organ.id, [policies], { title: '测试县住房保障办法（第三版）', documentNumber: '测建规〔2026〕12号' });
    const thirdText = await createPublished(deps, organ.id, [interpretations], interpretation([third.id], interpretations, { title: '第三版的解读' }));
    await performReviewVerb(deps, system, policy.id, 'repeal', { comment: '已由第二版替代', replacedById: second.id });
    await performReviewVerb(deps, system, second.id, 'repeal', { comment: '已由第三版替代', replacedById: third.id });
    const box = async () => /<section class="panel interpreted-policies"[\s\S]*?<\/section>/.exec((await app.inject(`/organs/${organ.code}/items/${old.id}`)).body)?.[0] ?? '';
    const named = (d: { id: number; title: string; documentNumber?: string | null; publishedOn: string | null }) =>
      `《<a href="/organs/${organ.code}/items/${d.id}">${d.title}</a>》（${[d.documentNumber, `<span class="nowrap">${d.publishedOn}</span>发布`].filter(Boolean).join('，')}）`;
    const interprets = async () => (await app.inject(`/api/v1/publications/${old.id}`)).json().interprets as { replacedBy: { id: number; validity: string; via: { id: number; validity: string }[]; interpretations: { id: number }[] } }[];

    // The line goes on to the third, in force, and its interpretation — not the second's, whose policy is repealed too.
    const page = await box();
    expect(page).toContain(`该文件已被${named(second)}替代，后者已废止，现行文件为${named(third)}，现行解读：${named(thirdText)}。`);
    expect(page).not.toContain(secondText.title);
    const [link] = await interprets();
    expect(link!.replacedBy).toMatchObject({ id: third.id, validity: 'valid', via: [{ id: second.id, validity: 'repealed' }], interpretations: [{ id: thirdText.id }] });

    // A circle (the third repealed naming the second, itself repealed): the line stops where it would turn back.
    await performReviewVerb(deps, system, third.id, 'repeal', { comment: '恢复第二版', replacedById: second.id });
    const circle = await box();
    expect(circle).toContain(`该文件已被${named(second)}替代，后者已废止，由${named(third)}（已废止）替代，其解读：${named(thirdText)}。`);
    expect(circle).not.toContain('现行');
    expect((await interprets())[0]!.replacedBy).toMatchObject({ id: third.id, validity: 'repealed', via: [{ id: second.id }] });
    await app.close();
  });
});
