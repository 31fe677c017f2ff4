import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';
import { trackingNoOf } from '../../../../../test/support/tracking-no.ts';
import { hashQueryCode } from '../../../applications/index.ts';

const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
const cookiesOf = (res: LightMyRequestResponse) => Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));

/**
 * A letter's number names the mailbox by XJ (信件), not XX, which readers took for 某某, a placeholder
 * (found by an outside tester: QLX-ZJJ-XX2026-00002). Numbers given before stay as they are and are still
 * looked up, the serial runs on across the change.
 */
describeEachDialect('the type mark of a letter number', (db) => {
  it('numbers a new letter 〈机关代码〉-XJ〈年〉-〈序号〉 and still finds a letter numbered with XX before', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const url = `/organs/${organ.code}/letters/new`;
    const send = async (remoteAddress: string) => {
      const token = tokenOf((await app.inject(url)).body);
      deps.clock.set(new Date(deps.clock.now().getTime() + 60_000).toISOString());
      const sent = await app.inject({ method: 'POST', url, remoteAddress, payload: { formToken: token, website: '', type: 'consult', subject: '加装电梯', content: '请问加装电梯有什么补助？', writerName: '王小红', phone: '13912345678' } });
      expect(sent.statusCode).toBe(303);
      const receipt = (await app.inject({ url: String(sent.headers.location), cookies: cookiesOf(sent) })).body;
      return { trackingNo: trackingNoOf(receipt)!, queryCode: /id="query-code">([^<]+)</.exec(receipt)![1] };
    };
    const CODE = organ.code.toUpperCase();

    // A letter from before the change: its number as it was given then (XX), its query code bound to that number.
    const old = await send('10.8.3.1');
    const oldNo = `${CODE}-XX2026-00001`;
    await deps.db.updateTable('letters').set({ tracking_no: oldNo, query_code_hash: hashQueryCode(oldNo, old.queryCode) }).where('tracking_no', '=', old.trackingNo).execute();

    const fresh = await send('10.8.3.2');
    expect(fresh.trackingNo).toBe(`${CODE}-XJ2026-00002`);

    for (const [trackingNo, queryCode] of [[oldNo, old.queryCode], [fresh.trackingNo, fresh.queryCode], [oldNo.toLowerCase(), old.queryCode]]) {
      const query = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo, queryCode }, remoteAddress: '10.8.3.3' });
      expect(query.statusCode, trackingNo).toBe(303);
      const page = await app.inject({ url: String(query.headers.location), cookies: cookiesOf(query), remoteAddress: '10.8.3.3' });
      expect(page.body, trackingNo).toContain('请问加装电梯有什么补助？');
    }
    // A wrong code on either shape names the organ's phone (the number's prefix is read for both marks).
    for (const trackingNo of [oldNo, fresh.trackingNo]) {
      const wrong = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo, queryCode: 'AAAAAAAA' }, remoteAddress: '10.8.3.4' });
      expect(wrong.body, trackingNo).toContain('0564-5022001');
    }
    await app.close();
  });
});
