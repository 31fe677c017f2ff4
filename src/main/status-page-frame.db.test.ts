import { expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildTestApp } from '../../test/support/app.ts';
import { describeEachDialect } from '../../test/support/db.ts';
import { createOrgan, system } from '../../test/support/factories.ts';
import { saveSiteIdentity } from '../modules/catalog/index.ts';
import { submitLetter } from '../modules/interaction/index.ts';
import { applicantInput } from '../modules/applications/testing/application-factories.ts';
import { submitOnlineApplication } from '../modules/applications/index.ts';

/**
 * /applications/status and /letters/status have no organ in their address, so they are framed as the
 * whole site's pages; once a case is found, its page is the organ's, with the organ's footer and
 * phone (found by an outside citizen tester: the bureau's case showed the county's phone).
 */
describeEachDialect('a status page after the look-up is framed as the case’s organ’s page', (db) => {
  const follow = async (app: FastifyInstance, posted: LightMyRequestResponse) => {
    expect(posted.statusCode).toBe(303);
    return (await app.inject({ url: String(posted.headers.location), cookies: Object.fromEntries(posted.cookies.map((c) => [c.name, c.value])) })).body;
  };
  const footer = (html: string) => /<footer[\s\S]*?<\/footer>/.exec(html)?.[0] ?? '';

  it('shows the organ’s own footer and phone on the application’s and the letter’s status page, the site’s on the look-up form', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    await saveSiteIdentity(deps, system, null, { siteName: '青岚县政府信息公开', phone: '0564-5021016' });
    await saveSiteIdentity(deps, system, bureau.id, { phone: '0564-5022106', operatorUnit: '青岚县住房和城乡建设局办公室' });

    const application = await submitOnlineApplication(deps, bureau.code, applicantInput());
    const letter = await submitLetter(deps, bureau.code, { type: 'consult', subject: '预售资金监管', content: '请问预售资金监管账户如何查询？', writerName: '王小红', contact: '13912345678' });
    for (const [path, receipt] of [['/applications/status', application], ['/letters/status', letter]] as const) {
      expect(footer((await app.inject(path)).body), path).toContain('0564-5021016');
      // Opened from the organ's receipt with the number filled in: the look-up is the organ's page already.
      expect(footer((await app.inject(`${path}?trackingNo=${encodeURIComponent(receipt.trackingNo)}`)).body), path).toContain('0564-5022106');
      const page = await follow(app, await app.inject({ method: 'POST', url: path, payload: { trackingNo: receipt.trackingNo, queryCode: receipt.queryCode }, remoteAddress: '10.9.0.1' }));
      expect(page, path).toContain(receipt.trackingNo);
      expect(footer(page), path).toContain('0564-5022106');
      expect(footer(page), path).toContain('青岚县住房和城乡建设局办公室');
      expect(footer(page), path).not.toContain('0564-5021016');
    }
    await app.close();
  });
});
