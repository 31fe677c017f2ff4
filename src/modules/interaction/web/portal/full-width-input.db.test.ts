import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';
import { applicantInput } from '../../../applications/testing/application-factories.ts';

const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
const summaryOf = (html: string) => /<div class="error-summary"[^>]*>.*?<\/div>/s.exec(html)?.[0] ?? '';

/**
 * A Chinese keyboard in full-width mode types ３４１８２５…Ｘ, １３８００１３８０００, ０５６４－５０２１２３４ (outside
 * tester, an older citizen on a phone): the public forms read them as half-width, ignore spaces inside an
 * ID number, and store the half-width value.
 */
describeEachDialect('full-width digits on the public forms', (db) => {
  let minute = 0;
  const post = async (app: FastifyInstance, set: (at: string) => void, url: string, payload: Record<string, string>, ip: string) => {
    set(`2026-06-01T02:${String((minute += 2)).padStart(2, '0')}:00Z`);
    const token = tokenOf((await app.inject(url)).body);
    set(`2026-06-01T02:${String(minute + 1).padStart(2, '0')}:00Z`);
    return app.inject({ method: 'POST', url, payload: { ...payload, website: '', formToken: token }, remoteAddress: ip });
  };

  it('依申请公开: a full-width ID number, phone, postcode and e-mail, and an ID typed with spaces, are accepted and stored half-width', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const url = `/organs/${organ.code}/apply`;
    const stored = async () => deps.db.selectFrom('applications').select(['applicant_id_number', 'contact_phone', 'postal_code', 'contact_email']).where('organ_id', '=', organ.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const wide = await post(app, (at) => deps.clock.set(at), url, applicantInput({ applicantIdNumber: '３４１８２５１９５８０５１２３０１Ｘ', contactPhone: '１３８００１３８０００', postalCode: '２３７０００', contactEmail: 'ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ' }), '10.7.0.1');
    expect(wide.statusCode, summaryOf(wide.body)).toBe(303);
    expect(await stored()).toEqual({ applicant_id_number: '34182519580512301X', contact_phone: '13800138000', postal_code: '237000', contact_email: 'wang@example.cn' });
    const landline = await post(app, (at) => deps.clock.set(at), url, applicantInput({ applicantIdNumber: '341825 19580512 301x', contactPhone: '０５６４－５０２１２３４' }), '10.7.0.2');
    expect(landline.statusCode, summaryOf(landline.body)).toBe(303);
    expect(await stored()).toMatchObject({ applicant_id_number: '34182519580512301X', contact_phone: '0564-5021234' });
    await app.close();
  });

  it('部门信箱: a full-width phone and e-mail are accepted and stored half-width', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const url = `/organs/${organ.code}/letters/new`;
    const letter = { type: 'consult', subject: '小区加装电梯', content: '请问加装电梯有什么补助政策？', writerName: '王小红' };
    const res = await post(app, (at) => deps.clock.set(at), url, { ...letter, phone: '０５６４－５０２１２３４', email: 'ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ' }, '10.7.0.3');
    expect(res.statusCode, summaryOf(res.body)).toBe(303);
    const row = await deps.db.selectFrom('letters').select('contact').where('organ_id', '=', organ.id).executeTakeFirstOrThrow();
    expect(row.contact).toBe('0564-5021234，wang@example.cn');
    await app.close();
  });
});
