import { expect, it } from 'vitest';
import { buildTestApp } from '../../test/support/app.ts';
import { describeEachDialect } from '../../test/support/db.ts';
import { createDraft, createNode, createOrgan, system } from '../../test/support/factories.ts';
import { addAttachment } from '../modules/catalog/index.ts';
import { publishImported } from '../modules/review/index.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/**
 * An item's address typed or pasted with a leading zero (/organs/x/items/05), or with a Chinese phone's full-width
 * digits (/items/５), is the item 5 to the person who wrote it: the portal answers it with a permanent redirect to the
 * one address of the page (/organs/x/items/5), its query string kept — one address per page for bookmarks, the QR
 * code, the page cache and search engines. Every portal route that takes a number in its path reads it alike (one
 * parser); what is no number (5.0, 0x5, 0, abc, beyond any id) is no address: 404, as before for most of them.
 */
describeEachDialect('a portal address whose number has a leading zero', (db) => {
  it('redirects permanently to the address written plainly, on every portal route that takes a number; refuses what is no number', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      const draft = await createDraft(deps, organ.id, [node]);
      const fileId = await addAttachment(deps, system, draft.id, { fileName: '明细.pdf', bytes: PDF });
      await publishImported(deps, system, draft.id);
      const item = draft.id;
      const o = `/organs/${organ.code}`;
      const answer = async (url: string, method: 'GET' | 'HEAD' = 'GET') => {
        const res = await app.inject({ method, url });
        return [res.statusCode, res.headers.location];
      };

      expect(await answer(`${o}/items/${item}`)).toEqual([200, undefined]);
      expect(await answer(`${o}/items/0${item}`)).toEqual([301, `${o}/items/${item}`]);
      expect(await answer(`${o}/items/000${item}?print=1`)).toEqual([301, `${o}/items/${item}?print=1`]);
      expect(await answer(`${o}/items/0${item}`, 'HEAD')).toEqual([301, `${o}/items/${item}`]);
      const fullWidth = encodeURIComponent(String(item).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))));
      expect(await answer(`${o}/items/${fullWidth}`)).toEqual([301, `${o}/items/${item}`]);
      // The organ's code as the address wrote it (escaped), the number alone rewritten.
      const escaped = `/organs/${encodeURIComponent(organ.code).replace('-', '%2D')}`;
      expect(await answer(`${escaped}/items/0${item}`)).toEqual([301, `${escaped}/items/${item}`]);

      expect(await answer(`${o}/catalog/0${node}`)).toEqual([301, `${o}/catalog/${node}`]);
      expect(await answer(`${o}/catalog/0${node}?page=2`)).toEqual([301, `${o}/catalog/${node}?page=2`]);
      expect(await answer(`${o}/catalog/0${node}/feed.atom`)).toEqual([301, `${o}/catalog/${node}/feed.atom`]);
      expect(await answer(`/attachments/0${fileId}/${encodeURIComponent('明细.pdf')}`)).toEqual([301, `/attachments/${fileId}/${encodeURIComponent('明细.pdf')}`]);
      // The mailbox's, the consultations' and the proposals' pages alike, whether or not the number names one.
      for (const path of ['letters', 'consultations', 'proposals']) expect(await answer(`${o}/${path}/0777`)).toEqual([301, `${o}/${path}/777`]);
      expect(await answer(`${o}/consultations/012/files/07/a.pdf`)).toEqual([301, `${o}/consultations/12/files/7/a.pdf`]);

      // No number: 404, never another page's answer.
      for (const bad of [`${item}.0`, `${item}abc`, '0x1', '0', '000', '-1', '%20' + item, '99999999999']) {
        expect([bad, (await answer(`${o}/items/${bad}`))[0]]).toEqual([bad, 404]);
      }
      for (const bad of [`${node}.0`, '0', 'abc']) expect([bad, (await answer(`${o}/catalog/${bad}`))[0]]).toEqual([bad, 404]);
      expect((await answer(`${o}/catalog/abc/feed.atom`))[0]).toBe(404);
      expect((await answer(`/attachments/${fileId}.0/${encodeURIComponent('明细.pdf')}`))[0]).toBe(404);
      expect((await answer(`${o}/consultations/1.5`))[0]).toBe(404);
    } finally {
      await app.close();
    }
  });
});
