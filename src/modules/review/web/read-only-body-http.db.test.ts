import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createPendingRevision } from '../../../../test/support/pending-revision.ts';

/**
 * The 正文 of an item the reader cannot edit is shown as the text it is, not as its HTML: an outside tester, as the
 * publisher reviewing an officer's revision, read <p>各乡镇人民政府…</p><p><strong>… and <p class="right"> in a greyed-out box
 * (the editor is loaded only where the text can be edited). Its paragraphs, bold and alignment are shown as written.
 */
describeEachDialect('a 正文 the reader cannot edit', (db) => {
  it('is shown formatted, with no HTML source in a box', async () => {
    const { app, deps } = await buildTestApp(db());
    const { publisher, page } = await createPendingRevision(app, deps, {
      publishedBody: '<p>各乡镇人民政府：</p><p>现将有关事项通知如下。</p>',
      revisedBody: '<p>各乡镇人民政府：</p><p><strong>一、停水时间。</strong>6 月 3 日。</p><p class="right">青岚县住房和城乡建设局</p>',
    });
    const theirs = await loginAs(app, publisher.username, publisher.password);
    const body = await page(theirs);
    expect(body).not.toContain('&lt;p&gt;');
    expect(body).not.toMatch(/<textarea[^>]*id="f-bodyHtml"/);
    expect(body).toMatch(/<div[^>]*id="f-bodyHtml"[^>]*>.*<p><strong>一、停水时间。<\/strong>6 月 3 日。<\/p><p class="right">青岚县住房和城乡建设局<\/p>.*?<\/div>/s);
    await app.close();
  });
});
