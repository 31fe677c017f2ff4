import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createOrgan } from '../../../../test/support/factories.ts';
import { submitOnlineApplication } from '../index.ts';
import { applicantInput } from '../testing/application-factories.ts';

/**
 * A case number searched in 依申请公开办件 finds the case whatever view is open: a new online
 * application waits in 待确认收到, and the default 办理中 view answered 没有符合条件的申请 (found by an
 * officer). The number also as copied from a PDF (U+2011 hyphens) or typed full-width.
 */
describeEachDialect('searching the work list by case number', (db) => {
  it('opens the organ\'s case with that number from any view, and no other organ\'s', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const other = await createOrgan(deps);
    const officer = await createActor(deps, organ.code, 'editor');
    const mine = await submitOnlineApplication(deps, organ.code, applicantInput());
    const theirs = await submitOnlineApplication(deps, other.code, applicantInput());
    const id = (await deps.db.selectFrom('applications').select('id').where('tracking_no', '=', mine.trackingNo).executeTakeFirstOrThrow()).id;
    const s = await loginAs(app, officer.username, officer.password);
    const search = (q: string, view = '') => app.inject({ url: `/admin/applications?organ=${organ.code}${view ? `&view=${view}` : ''}&q=${encodeURIComponent(q)}`, cookies: s.cookies });

    const fullWidth = mine.trackingNo.toLowerCase().replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const [q, view] of [[mine.trackingNo, ''], [mine.trackingNo.replace(/-/g, '\u2011'), 'closed'], [fullWidth, 'overdue']]) {
      const res = await search(q, view);
      expect(res.statusCode, `${q} ${view}`).toBe(303);
      expect(res.headers.location).toBe(`/admin/applications/${id}`);
    }
    const refused = await search(theirs.trackingNo, 'all');
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('没有符合条件的申请');
    await app.close();
  });
});
