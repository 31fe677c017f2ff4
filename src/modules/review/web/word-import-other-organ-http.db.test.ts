import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { multipartForm } from '../../../../test/support/multipart.ts';

/** A 公文 with its 发文机关标志 in the 版头 and the organ's name in the 落款. */
const notice = (issuer: string) => Packer.toBuffer(new Document({ sections: [{ children: [
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${issuer}文件`, color: 'FF0000', size: 60 })] }),
  new Paragraph({ text: '岚建〔2026〕12号', alignment: AlignmentType.CENTER }),
  new Paragraph({ text: '关于开展建筑施工扬尘专项整治的通知', alignment: AlignmentType.CENTER }),
  new Paragraph('各有关单位：'),
  new Paragraph({ text: '现就开展建筑施工扬尘专项整治有关事项通知如下。', indent: { firstLine: 640 } }),
  new Paragraph({ text: issuer, alignment: AlignmentType.RIGHT }),
  new Paragraph({ text: '二〇二六年十二月一日', alignment: AlignmentType.RIGHT }),
] }] }));

const WARNING = '文档版头、落款中的发文机关“岚溪县住房和城乡建设局”与本机关“青岚县住房和城乡建设局”不同，请核对是否导入了其他机关的文件';

/**
 * Found by an outside tester (a county officer): a document of 岚溪县住房和城乡建设局 imported into an item of
 * 青岚县住建局 went in without a word. The import now says so, naming both organs — told, never refused.
 */
describeEachDialect('Word import: another organ’s document', (db) => {
  it('warns, naming both organs, on each way into the item form; says nothing for the organ’s own', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '青岚县住建局' });
      const node = await createNode(deps, organ.id);
      const draft = await createDraft(deps, organ.id, [node], { title: '待导入的通知' });
      const officer = await createStaff(deps, organ.code, 'editor');
      const s = await loginAs(app, officer.username, officer.password);
      const fields = async (issuer: string) => multipartForm([
        { name: '_csrf', value: s.csrf }, { name: 'title', value: '' }, { name: 'documentNumber', value: '' },
        { name: 'formedOn', value: '2026-12-06' }, { name: 'formedOnDefault', value: '2026-12-06' }, { name: 'file', value: await notice(issuer), fileName: '通知.docx' },
      ]);

      // With JavaScript, a new item (the form names its organ in the import's address).
      const form = (await app.inject({ url: `/admin/organs/${organ.code}/publications/new`, cookies: s.cookies })).body;
      expect(form).toContain(`data-docx-import="/admin/documents/docx-to-html?organ=${organ.code}"`);
      const json = (await app.inject({ method: 'POST', url: `/admin/documents/docx-to-html?organ=${organ.code}`, cookies: s.cookies, ...(await fields('岚溪县住房和城乡建设局')) })).json();
      expect(json.notes).toContain(WARNING);
      expect(json.html).toContain('现就开展建筑施工扬尘专项整治有关事项通知如下。');
      // With JavaScript, a saved draft: its organ is the draft's.
      const intoDraft = (await app.inject({ method: 'POST', url: `/admin/documents/docx-to-html?publication=${draft.id}`, cookies: s.cookies, ...(await fields('岚溪县住房和城乡建设局')) })).json();
      expect(intoDraft.notes).toContain(WARNING);
      // Without JavaScript: the new item's and the draft's import.
      const page = (await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/publications/new/import-docx`, cookies: s.cookies, ...(await fields('岚溪县住房和城乡建设局')) })).body;
      expect(page).toContain(WARNING);
      expect(page).toContain('关于开展建筑施工扬尘专项整治的通知');
      const draftPage = (await app.inject({ method: 'POST', url: `/admin/publications/${draft.id}/import-docx`, cookies: s.cookies, ...(await fields('岚溪县住房和城乡建设局')) })).body;
      expect(draftPage).toContain(WARNING);

      // The organ's own document (by its name or its short name): no warning.
      for (const own of ['青岚县住房和城乡建设局', '青岚县住建局']) {
        const mine = (await app.inject({ method: 'POST', url: `/admin/documents/docx-to-html?organ=${organ.code}`, cookies: s.cookies, ...(await fields(own)) })).json();
        expect(mine.notes.join('；'), own).not.toContain('其他机关的文件');
      }
    } finally {
      await app.close();
    }
  });
});
