import { AlignmentType, Document, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { multipartForm } from '../../../../test/support/multipart.ts';
import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';

const TITLE = '关于2026年城镇老旧小区改造工作进展情况的报告';

/**
 * An upward 公文 as an outside tester (a county officer) brought it in: 版头 with 文号 and 签发人 on one line
 * (a tab between), a title over two centred lines ending 的报告, and the 落款 dated 二〇二六年十二月一日.
 */
const report = () => Packer.toBuffer(new Document({ sections: [{ children: [
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '青岚县住房和城乡建设局文件', color: 'FF0000', size: 60 })] }),
  new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: 8800 }], children: [new TextRun('岚建〔2026〕64号'), new TextRun({ children: [new Tab(), '签发人：赵局长'] })] }),
  new Paragraph({ text: '关于2026年城镇老旧小区改造工作', alignment: AlignmentType.CENTER }),
  new Paragraph({ text: '进展情况的报告', alignment: AlignmentType.CENTER }),
  new Paragraph('县人民政府：'),
  new Paragraph({ text: '现将我局2026年城镇老旧小区改造工作进展情况报告如下。', indent: { firstLine: 640 } }),
  new Paragraph({ text: '青岚县住房和城乡建设局', alignment: AlignmentType.RIGHT }),
  new Paragraph({ text: '二〇二六年十二月一日', alignment: AlignmentType.RIGHT }),
] }] }));

/** Word import fills the item form's 标题, 文号 and 成文日期, on a new item too without JavaScript (docs/adr/0017). */
describeEachDialect('Word import into the item form: 版头, title, 落款 date; a new item without JavaScript; no stage chosen for the officer', (db) => {

  it('with JavaScript: takes the 版头 and the two title lines out, fills 标题, 文号 and a 成文日期 still at its default; never one the officer set', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const post = async (formedOn: string, formedOnDefault: string) => (await app.inject({
      method: 'POST', url: '/admin/documents/docx-to-html', cookies: session.cookies,
      ...multipartForm([
        { name: '_csrf', value: session.csrf }, { name: 'title', value: '' }, { name: 'documentNumber', value: '' },
        { name: 'formedOn', value: formedOn }, { name: 'formedOnDefault', value: formedOnDefault }, { name: 'file', value: await report(), fileName: '报告.docx' },
      ]),
    })).json();
    const filled = await post('2026-12-06', '2026-12-06');
    expect(filled).toMatchObject({ title: TITLE, documentNumber: '岚建〔2026〕64号', formedOn: '2026-12-01' });
    expect(filled.html).toMatch(/^<p class="flush">县人民政府：<\/p>/);
    expect(filled.notes).toContain('落款日期“二〇二六年十二月一日”已填入“成文日期”（2026-12-01）');
    const set = await post('2026-11-28', '2026-12-06');
    expect(set.formedOn).toBeUndefined();
    expect(set.notes).toContain('落款日期“二〇二六年十二月一日”与“成文日期”（2026-11-28）不同，未改动，请核对');
    await app.close();
  });

  it('without JavaScript: the new-item page imports a .docx into the form as typed, with 标题, 文号 and 成文日期 from it, unsaved', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const page = (await app.inject({ url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies })).body;
    // The hint says what a page without JavaScript has, and the import is there, in the form.
    expect(page).toContain('<p class="hint" id="h-bodyHtml">在此填写正文的 HTML，或用下方的“从 Word 文档导入正文”导入 .docx 文档。');
    expect(page).toContain(`formaction="/admin/organs/${organ.code}/publications/new/import-docx" formenctype="multipart/form-data"`);
    expect(page).toContain('<input type="hidden" id="f-formedOnDefault" name="formedOnDefault" value="2026-12-06"/>');

    const before = await deps.db.selectFrom('publications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const imported = await app.inject({
      method: 'POST', url: `/admin/organs/${organ.code}/publications/new/import-docx`, cookies: session.cookies,
      ...multipartForm([
        { name: '_csrf', value: session.csrf }, { name: 'title', value: '' }, { name: 'documentNumber', value: '' }, { name: 'formedOn', value: '2026-12-06' },
        { name: 'formedOnDefault', value: '2026-12-06' }, { name: 'stage', value: 'result' }, { name: 'keywords', value: '老旧小区' },
        { name: 'bodyHtml', value: '' }, { name: 'file', value: await report(), fileName: '报告.docx' }, { name: 'nodeIds', value: String(node) },
      ]),
    });
    expect(imported.statusCode).toBe(200);
    const form = imported.body;
    expect(form).toContain(`<input id="f-title" name="title" value="${TITLE}"`);
    expect(form).toContain('<input id="f-documentNumber" name="documentNumber" value="岚建〔2026〕64号"');
    expect(form).toContain('<input id="f-formedOn" name="formedOn" type="date" value="2026-12-01"');
    expect(form).toContain('落款日期“二〇二六年十二月一日”已填入“成文日期”（2026-12-01）');
    expect(form).toContain('请核对后点“保存草稿”');
    // What was typed stays: the stage, the keywords, the node (sent after the file).
    expect(form).toContain('<option value="result" selected>结果公开</option>');
    expect(form).toContain('<input id="f-keywords" name="keywords" value="老旧小区"');
    expect(form).toContain(`<input type="checkbox" name="nodeIds" value="${node}" checked/>`);
    expect(form).toContain('&lt;p class=&quot;flush&quot;>县人民政府：&lt;/p>');
    expect(form).not.toContain('青岚县住房和城乡建设局文件&lt;');
    const after = await deps.db.selectFrom('publications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await app.close();
  });

  it('without JavaScript on a draft: the form’s own 标题 as typed decides, as the editor’s does, and the import box is in the form, not folded away', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const draft = await createDraft(deps, organ.id, [node], { title: '老旧小区报告（草稿）', documentNumber: '', formedOn: '2026-11-28' });
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const page = (await app.inject({ url: `/admin/publications/${draft.id}`, cookies: session.cookies })).body;
    expect(page).toContain(`formaction="/admin/publications/${draft.id}/import-docx" formenctype="multipart/form-data"`);
    expect(page).not.toContain('<summary>从 Word 文档导入正文</summary>');
    // The officer cleared the 标题 box to take the document's: both title lines leave the body, as with the editor.
    const form = (await app.inject({
      method: 'POST', url: `/admin/publications/${draft.id}/import-docx`, cookies: session.cookies,
      ...multipartForm([
        { name: '_csrf', value: session.csrf }, { name: 'expectedVersion', value: '1' }, { name: 'title', value: '' }, { name: 'documentNumber', value: '' },
        { name: 'formedOn', value: '2026-11-28' }, { name: 'stage', value: 'result' }, { name: 'bodyHtml', value: '' },
        { name: 'file', value: await report(), fileName: '报告.docx' }, { name: 'nodeIds', value: String(node) },
      ]),
    })).body;
    expect(form).toContain(`<input id="f-title" name="title" value="${TITLE}"`);
    expect(form).not.toContain('进展情况的报告&lt;');
    // A draft's 成文日期 is the officer's: it stays, and the message says the 落款 differs.
    expect(form).toContain('<input id="f-formedOn" name="formedOn" type="date" value="2026-11-28"');
    expect(form).toContain('落款日期“二〇二六年十二月一日”与“成文日期”（2026-11-28）不同，未改动，请核对');
    await app.close();
  });

  it('on a draft saved with the 成文日期 the form gave, the date is still not the officer’s: an import fills it from the 落款; one the officer set stays', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const save = async (formedOn: string, formedOnDefault: string) => {
      const saved = await app.inject({
        method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies,
        payload: { _csrf: session.csrf, title: '老旧小区改造进展报告', formedOn, formedOnDefault, stage: 'result', docType: 'other', nodeIds: String(node), disclosureMode: 'proactive' },
      });
      expect(saved.statusCode).toBe(303);
      return Number(/\/admin\/publications\/(\d+)/.exec(saved.headers.location as string)![1]);
    };
    const importInto = async (id: number, fields: { name: string; value: string }[]) => (await app.inject({
      method: 'POST', url: `/admin/publications/${id}/import-docx`, cookies: session.cookies,
      ...multipartForm([{ name: '_csrf', value: session.csrf }, ...fields, { name: 'file', value: await report(), fileName: '报告.docx' }]),
    })).body;
    const typed = (formedOn: string, formedOnDefault: string | null) => [
      { name: 'expectedVersion', value: '1' }, { name: 'title', value: '老旧小区改造进展报告' }, { name: 'documentNumber', value: '' }, { name: 'formedOn', value: formedOn },
      ...(formedOnDefault === null ? [] : [{ name: 'formedOnDefault', value: formedOnDefault }]), { name: 'stage', value: 'result' }, { name: 'docType', value: 'other' },
      { name: 'bodyHtml', value: '' }, { name: 'nodeIds', value: String(node) },
    ];

    // Saved untouched: the draft's form still carries the date as the form's, and an import fills it.
    const untouched = await save('2026-12-06', '2026-12-06');
    const page = (await app.inject({ url: `/admin/publications/${untouched}`, cookies: session.cookies })).body;
    expect(page).toContain('<input type="hidden" id="f-formedOnDefault" name="formedOnDefault" value="2026-12-06"/>');
    const filled = await importInto(untouched, typed('2026-12-06', '2026-12-06'));
    expect(filled).toContain('<input id="f-formedOn" name="formedOn" type="date" value="2026-12-01"');
    expect(filled).toContain('落款日期“二〇二六年十二月一日”已填入“成文日期”（2026-12-01）');
    // An older page (no form fields sent) reads what the draft remembers.
    expect(await importInto(untouched, [])).toContain('<input id="f-formedOn" name="formedOn" type="date" value="2026-12-01"');

    // Set by the officer before the first save: never changed, on the page as typed or as stored.
    const set = await save('2026-11-28', '2026-12-06');
    expect((await app.inject({ url: `/admin/publications/${set}`, cookies: session.cookies })).body).not.toContain('name="formedOnDefault" value="2026-11-28"');
    for (const body of [await importInto(set, typed('2026-11-28', '')), await importInto(set, [])]) {
      expect(body).toContain('<input id="f-formedOn" name="formedOn" type="date" value="2026-11-28"');
      expect(body).toContain('落款日期“二〇二六年十二月一日”与“成文日期”（2026-11-28）不同，未改动，请核对');
    }

    // Set by the officer on the draft later: from then on it is theirs.
    const edited = await app.inject({
      method: 'POST', url: `/admin/publications/${untouched}`, cookies: session.cookies,
      payload: { _csrf: session.csrf, expectedVersion: '1', title: '老旧小区改造进展报告', formedOn: '2026-11-30', formedOnDefault: '2026-12-06', stage: 'result', docType: 'other', nodeIds: String(node), disclosureMode: 'proactive' },
    });
    expect(edited.statusCode).toBe(303);
    expect(await importInto(untouched, [])).toContain('<input id="f-formedOn" name="formedOn" type="date" value="2026-11-30"');
    await app.close();
  });

  it('starts a new item with no 五公开类别 chosen, and refuses to save it without one', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    for (const url of [`/admin/organs/${organ.code}/publications/new`, `/admin/organs/${organ.code}/publications/new?node=${node}`]) {
      const page = (await app.inject({ url, cookies: session.cookies })).body;
      expect(page).toContain('<option value selected>请选择</option>');
      expect(page).not.toMatch(/<option value="(decision|execution|management|service|result)" selected>/);
    }
    const refused = await app.inject({
      method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies,
      payload: { _csrf: session.csrf, title: '关于物业服务收费的通知', formedOn: '2026-12-06', stage: '', nodeIds: String(node), disclosureMode: 'proactive' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请选择五公开类别（决策、执行、管理、服务、结果）');
    expect(refused.body).toContain('<option value selected>请选择</option>');
    await app.close();
  });
});
