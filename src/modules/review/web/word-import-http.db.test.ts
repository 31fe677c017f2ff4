import { AlignmentType, Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { multipartForm } from '../../../../test/support/multipart.ts';
import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';

/** The officer's editor and Word import in the back office (issue 15; docs/adr/0017). */
describeEachDialect('the item form’s rich-text editor and Word import', (db) => {
  const word = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('县住建局关于'), new TextRun({ text: '燃气安全', bold: true }), new TextRun('的通知')] })] }] }));

  it('serves the editor script, marks the body for it, converts a .docx to clean HTML, and brings it into the form without JavaScript', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)]);
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);

    const script = await app.inject('/assets/editor.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain('textarea[data-rich-text]');
    const form = (await app.inject({ url: `/admin/publications/${draft.id}`, cookies: session.cookies })).body;
    expect(form).toContain('<script src="/assets/editor.js" defer></script>');
    expect(form).toMatch(/<textarea id="f-bodyHtml" name="bodyHtml" class="body" data-rich-text="true" data-docx-import="\/admin\/documents\/docx-to-html\?organ=/);
    // The import's address names the item's organ, so that a document of another organ is told (the editor adds &publication=).
    expect(form).toContain(`data-docx-import="/admin/documents/docx-to-html?organ=${organ.code}"`);

    const converted = await app.inject({
      method: 'POST', url: '/admin/documents/docx-to-html', cookies: session.cookies,
      ...multipartForm([{ name: '_csrf', value: session.csrf }, { name: 'file', value: await word(), fileName: '通知.docx' }]),
    });
    expect(converted.statusCode).toBe(200);
    // Written without a first-line indent in Word, it comes in 顶格 (flush) against the body's default indent.
    expect(converted.json()).toEqual({ html: '<p class="flush">县住建局关于<strong>燃气安全</strong>的通知</p>', notes: [] });
    const refused = await app.inject({
      method: 'POST', url: '/admin/documents/docx-to-html', cookies: session.cookies,
      ...multipartForm([{ name: '_csrf', value: session.csrf }, { name: 'file', value: 'MZ not a document', fileName: 'setup.docx' }]),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('ERR_EDITOR_DOCX_INVALID');

    const noScript = await app.inject({
      method: 'POST', url: `/admin/publications/${draft.id}/import-docx`, cookies: session.cookies,
      ...multipartForm([{ name: '_csrf', value: session.csrf }, { name: 'file', value: await word(), fileName: '通知.docx' }]),
    });
    expect(noScript.statusCode).toBe(200);
    expect(noScript.body).toContain('已从 Word 文档导入正文');
    expect(noScript.body).toContain('&lt;p class=&quot;flush&quot;>县住建局关于&lt;strong>燃气安全&lt;/strong>的通知&lt;/p>');
    // Nothing is saved until the officer saves the form.
    expect((await deps.db.selectFrom('publications').select('body_html').where('id', '=', draft.id).executeTakeFirstOrThrow()).body_html).not.toContain('燃气安全');
    await app.close();
  });

  it('takes a notice’s centred first line for the 标题: fills the typed 标题 when empty, leaves it out of the body when it repeats it (both routes)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)], { title: '关于开展燃气安全检查的通知' });
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const notice = await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ text: '关于开展燃气安全检查的通知', alignment: AlignmentType.CENTER }),
      new Paragraph({ text: '各乡镇人民政府：' }),
      new Paragraph({ text: '现将有关事项通知如下。' }),
    ] }] }));
    const convert = (title: string | null) => app.inject({
      method: 'POST', url: '/admin/documents/docx-to-html', cookies: session.cookies,
      ...multipartForm([{ name: '_csrf', value: session.csrf }, ...(title === null ? [] : [{ name: 'title', value: title }]), { name: 'file', value: notice, fileName: '通知.docx' }]),
    });
    const empty = (await convert('')).json();
    expect(empty.title).toBe('关于开展燃气安全检查的通知');
    expect(empty.html).not.toContain('关于开展燃气安全检查的通知');
    const same = (await convert('关于开展燃气安全检查的通知')).json();
    expect(same.title).toBeUndefined();
    expect(same.html).not.toContain('关于开展燃气安全检查的通知');
    // Without a 标题 (the API's plain conversion) the document comes in whole.
    expect((await convert(null)).json().html).toContain('<p class="center">关于开展燃气安全检查的通知</p>');

    // Without JavaScript the form's stored 标题 is the one compared.
    const noScript = await app.inject({
      method: 'POST', url: `/admin/publications/${draft.id}/import-docx`, cookies: session.cookies,
      ...multipartForm([{ name: '_csrf', value: session.csrf }, { name: 'file', value: notice, fileName: '通知.docx' }]),
    });
    expect(noScript.statusCode).toBe(200);
    expect(noScript.body).toContain('各乡镇人民政府');
    expect(noScript.body).not.toContain('&lt;p class=&quot;center&quot;>关于开展燃气安全检查的通知');
    await app.close();
  });

  it('leaves a 版头 out of the body and fills an empty 文号 from it, with and without JavaScript; a 文号 already there stays', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const title = '关于印发《青岚县2026年城镇老旧小区改造实施方案》的通知';
    const empty = await createDraft(deps, organ.id, [node], { title, documentNumber: '' });
    const numbered = await createDraft(deps, organ.id, [node], { title, documentNumber: '岚建〔2026〕60号' });
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const centred = (text: string) => new Paragraph({ text, alignment: AlignmentType.CENTER });
    const doc = await Packer.toBuffer(new Document({ sections: [{ children: [
      centred('青岚县住房和城乡建设局文件'), centred('岚建〔2026〕63号'),
      centred('关于印发《青岚县2026年城镇老旧小区改造'), centred('实施方案》的通知'),
      new Paragraph('各乡镇人民政府：'), new Paragraph('现将实施方案印发给你们，请认真贯彻执行。'),
    ] }] }));

    const converted = (await app.inject({
      method: 'POST', url: `/admin/documents/docx-to-html?publication=${empty.id}`, cookies: session.cookies,
      ...multipartForm([{ name: '_csrf', value: session.csrf }, { name: 'title', value: '' }, { name: 'documentNumber', value: '' }, { name: 'file', value: doc, fileName: '通知.docx' }]),
    })).json();
    expect(converted).toMatchObject({ title, documentNumber: '岚建〔2026〕63号', html: '<p class="flush">各乡镇人民政府：</p><p class="flush">现将实施方案印发给你们，请认真贯彻执行。</p>' });

    const noScript = async (id: number) => (await app.inject({
      method: 'POST', url: `/admin/publications/${id}/import-docx`, cookies: session.cookies,
      ...multipartForm([{ name: '_csrf', value: session.csrf }, { name: 'file', value: doc, fileName: '通知.docx' }]),
    })).body;
    const filled = await noScript(empty.id);
    expect(filled).toContain('<input id="f-documentNumber" name="documentNumber" value="岚建〔2026〕63号"');
    expect(filled).toContain('文档开头的标题与“标题（名称）”相同，未再放入正文');
    expect(filled).toContain('文号“岚建〔2026〕63号”已填入“文号”');
    expect(filled).not.toContain('实施方案》的通知&lt;');
    expect(filled).not.toContain('青岚县住房和城乡建设局文件&lt;');
    const kept = await noScript(numbered.id);
    expect(kept).toContain('<input id="f-documentNumber" name="documentNumber" value="岚建〔2026〕60号"');
    expect(kept).toContain('与“文号”栏不同，请核对');
    await app.close();
  });

  it('keeps a draft’s Word pictures and, when asked, the original as its attachments', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)]);
    const officer = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, officer.username, officer.password);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const doc = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('现场照片如下：'), new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 20, height: 20 } })] })] }] }));
    const res = await app.inject({
      method: 'POST', url: `/admin/publications/${draft.id}/import-docx?keepOriginal=1`, cookies: session.cookies,
      ...multipartForm([{ name: '_csrf', value: session.csrf }, { name: 'file', value: doc, fileName: '现场检查.docx' }]),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('文档中的 1 张图片已作为附件保存并插入正文');
    expect(res.body).toContain('Word 原件“现场检查.docx”已作为附件保存');
    const files = await deps.db.selectFrom('attachments').select(['id', 'file_name', 'title']).where('publication_id', '=', draft.id).orderBy('id').execute();
    expect(files.map((f) => f.file_name)).toEqual(['现场检查-图片1.png', '现场检查.docx']);
    // The original is titled for what it is to a reader, not by its file name (附件名称, migration 082); pictures have none.
    expect(files.map((f) => f.title)).toEqual([null, '正文原件（Word 版）']);
    expect(res.body).toContain(`&lt;img src=&quot;/attachments/${files[0].id}/${encodeURIComponent('现场检查-图片1.png')}&quot;`);
    await app.close();
  });
});
