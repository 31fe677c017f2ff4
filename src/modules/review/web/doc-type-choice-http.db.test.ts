import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { findPublication } from '../../catalog/index.ts';

/** The 文件类型 select as the page renders it. */
const docTypeSelect = (page: string) => /<select[^>]*name="docType"[^>]*>[\s\S]*?<\/select>/.exec(page)?.[0] ?? '';

/**
 * 文件类型 decides what the annual report's second part counts (规章, 行政规范性文件): a new item starts
 * at 请选择 and is not saved until one is chosen, as with 五公开类别; a 政策解读 gives its own (其他).
 */
describeEachDialect('item form: 文件类型 is chosen by the officer, not preselected as 其他', (db) => {
  it('starts a new item at 请选择 and refuses to save it without a choice, naming the field', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    for (const url of [`/admin/organs/${organ.code}/publications/new`, `/admin/organs/${organ.code}/publications/new?node=${node}`]) {
      const select = docTypeSelect((await app.inject({ url, cookies: session.cookies })).body);
      expect(select).toContain('<option value selected>请选择</option>');
      expect(select).not.toMatch(/<option value="(regulation|normative_document|other)" selected>/);
    }
    const form = { _csrf: session.csrf, title: '关于印发物业服务收费管理办法的通知', formedOn: '2026-12-06', stage: 'decision', nodeIds: String(node), disclosureMode: 'proactive' };
    const refused = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies, payload: { ...form, docType: '' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请选择文件类型（规章、行政规范性文件或其他）');
    expect(docTypeSelect(refused.body)).toContain('<option value selected>请选择</option>');
    expect(await deps.db.selectFrom('publications').select('id').execute()).toEqual([]);

    const saved = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies, payload: { ...form, docType: 'normative_document' } });
    expect(saved.statusCode).toBe(303);
    const id = Number(/\/admin\/publications\/(\d+)/.exec(saved.headers.location as string)![1]);
    expect((await findPublication(deps.db, id))!.docType).toBe('normative_document');
    await app.close();
  });

  it('refuses a 文号 of emoji or punctuation only at its field, what was typed kept; an empty one saves (the 文号 is optional)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const form = { _csrf: session.csrf, title: '关于印发物业服务收费管理办法的通知', formedOn: '2026-12-06', stage: 'decision', nodeIds: String(node), disclosureMode: 'proactive', docType: 'other' };
    const url = `/admin/organs/${organ.code}/publications/new`;
    const refused = await app.inject({ method: 'POST', url, cookies: session.cookies, payload: { ...form, documentNumber: '〔〕😀' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('文号应含有汉字、字母或数字，不能只填标点、空格或表情符号');
    expect(refused.body).toContain('value="〔〕😀"');
    expect(await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).execute()).toEqual([]);
    expect((await app.inject({ method: 'POST', url, cookies: session.cookies, payload: { ...form, documentNumber: '' } })).statusCode).toBe(303);
    await app.close();
  });

  it('keeps an existing item’s type on its form, and a 政策解读 comes with its own (其他)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const draft = await createDraft(deps, organ.id, [node], { docType: 'regulation' });
    const policy = await createPublished(deps, organ.id, [node], { docType: 'normative_document' });
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    expect(docTypeSelect((await app.inject({ url: `/admin/publications/${draft.id}`, cookies: session.cookies })).body)).toContain('<option value="regulation" selected>规章</option>');
    const interpretation = (await app.inject({ url: `/admin/organs/${organ.code}/publications/new?interprets=${policy.id}`, cookies: session.cookies })).body;
    expect(docTypeSelect(interpretation)).toContain('<option value="other" selected>其他</option>');
    await app.close();
  });

  it('shows a soft warning with the form for an unlikely 文件类型, and still saves it', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '规范性文件' });
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const form = { _csrf: session.csrf, title: '关于印发物业服务收费管理办法的通知', formedOn: '2026-12-06', stage: 'decision', nodeIds: String(node), disclosureMode: 'proactive' };
    const saved = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies, payload: { ...form, docType: 'other', documentNumber: '岚建规〔2026〕2号' } });
    expect(saved.statusCode).toBe(303);
    const page = (await app.inject({ url: saved.headers.location as string, cookies: session.cookies })).body;
    expect(page).toContain('文号“岚建规〔2026〕2号”带“规”字，通常是行政规范性文件的统一编号，文件类型却是“其他”');
    expect(page).toContain('信息放入了栏目“规范性文件”，文件类型却是“其他”');
    const regulation = await createDraft(deps, organ.id, [node], { docType: 'regulation' });
    const regulationPage = (await app.inject({ url: `/admin/publications/${regulation.id}`, cookies: session.cookies })).body;
    expect(regulationPage).toContain('本平台不记录机关的行政级别，无法替您核对');
    await app.close();
  });

  it('gives the 文号 hint the organ’s own latest 文号 as its example, or a neutral one — never another county’s (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const hint = async () => /<p class="hint" id="h-documentNumber">([^<]*)<\/p>/.exec((await app.inject({ url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies })).body)?.[1];
    expect(await hint()).toBe('格式为 发文机关代字〔年份〕序号号；无文号可不填');
    await createDraft(deps, organ.id, [node], { documentNumber: '岚建〔2026〕63号', formedOn: '2026-03-02' });
    await createDraft(deps, organ.id, [node], { documentNumber: '岚建〔2026〕89号', formedOn: '2026-11-20' });
    await createDraft(deps, organ.id, [node], { formedOn: '2026-12-01' });
    expect(await hint()).toBe('如 岚建〔2026〕89号（本机关最近的文号）；无文号可不填');
    await app.close();
  });
});
