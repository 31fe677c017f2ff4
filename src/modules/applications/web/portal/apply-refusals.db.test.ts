import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import type { Organ } from '../../../catalog/index.ts';
import { applicantInput } from '../../testing/application-factories.ts';

const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
const summaryOf = (html: string) => /<div class="error-summary"[^>]*>.*?<\/div>/s.exec(html)?.[0] ?? '';
const summaryFields = (html: string) => [...summaryOf(html).matchAll(/href="#f-([^"]+)"/g)].map((m) => m[1]);

/** Refusals of the public application form (found by outside testers): humane, complete, in order, at the top. */
describeEachDialect('a refused application form', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let organ: Organ;
  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    app = built.app;
    deps = built.deps;
    organ = await createOrgan(deps);
  });
  afterAll(async () => app?.close());
  const at = (iso: string) => deps.clock.set(iso);
  const apply = (payload: Record<string, string>, remoteAddress = '10.9.0.1') => app.inject({ method: 'POST', url: `/organs/${organ.code}/apply`, payload, remoteAddress });

  it('too fast with fields wrong: names the fields only (提交过快 only when nothing else is wrong, as on the mailbox and 意见征集 forms), and takes the corrected form at once', async () => {
    at('2026-03-10T02:00:00Z');
    const token = tokenOf((await app.inject(`/organs/${organ.code}/apply`)).body);
    at('2026-03-10T02:00:01Z');
    const fast = await apply({ formToken: token, website: '', ...applicantInput({ subject: '', contactPhone: '138' }) });
    expect(fast.statusCode).toBe(400);
    const summary = summaryOf(fast.body);
    expect(summary).not.toContain('提交过快');
    expect(fast.body).not.toContain('提交过快');
    expect(summary).toContain('请填写所需信息的内容描述');
    expect(summary).toContain('联系电话应为11位手机号码');
    expect(fast.body).toContain('value="138"');
    // Corrected and sent again right away: not refused for speed a second time.
    const again = await apply({ formToken: tokenOf(fast.body), website: '', ...applicantInput() });
    expect(again.statusCode).toBe(303);
  });

  it('too fast with nothing else wrong: says so without pointing to a hidden field, and takes the same form at once', async () => {
    at('2026-03-10T02:30:00Z');
    const token = tokenOf((await app.inject(`/organs/${organ.code}/apply`)).body);
    at('2026-03-10T02:30:01Z');
    const fast = await apply({ formToken: token, website: '', ...applicantInput() }, '10.9.0.7');
    expect(fast.statusCode).toBe(400);
    const summary = summaryOf(fast.body);
    expect(summary).toContain('提交过快');
    expect(summary).not.toContain('请勿填写');
    expect(summaryFields(fast.body)).toEqual([]);
    const again = await apply({ formToken: tokenOf(fast.body), website: '', ...applicantInput() }, '10.9.0.7');
    expect(again.statusCode).toBe(303);
  });

  it('a 7-digit 联系电话 is refused with the rule: a mobile, or a landline with its area code (found by an outside tester)', async () => {
    at('2026-03-10T05:00:00Z');
    const token = tokenOf((await app.inject(`/organs/${organ.code}/apply`)).body);
    at('2026-03-10T05:01:00Z');
    const res = await apply({ formToken: token, website: '', ...applicantInput({ contactPhone: '1391234' }) }, '10.9.0.9');
    expect(res.statusCode).toBe(400);
    expect(summaryOf(res.body)).toContain('联系电话应为11位手机号码，或带区号的固定电话（如0564\u20115022106');
    at('2026-03-10T05:01:10Z');
    expect((await apply({ formToken: tokenOf(res.body), website: '', ...applicantInput({ contactPhone: '(0564) 5022106转12' }) }, '10.9.0.9')).statusCode).toBe(303);
  });

  it('a field error does not restart the fill timer', async () => {
    at('2026-03-10T03:00:00Z');
    const token = tokenOf((await app.inject(`/organs/${organ.code}/apply`)).body);
    at('2026-03-10T03:00:06Z');
    const refused = await apply({ formToken: token, website: '', ...applicantInput({ postalCode: '1' }) }, '10.9.0.2');
    expect(refused.statusCode).toBe(400);
    at('2026-03-10T03:00:07Z');
    expect((await apply({ formToken: tokenOf(refused.body), website: '', ...applicantInput() }, '10.9.0.2')).statusCode).toBe(303);
  });

  it('an empty 联系电话 asks for it; the summary follows the form’s order, comes first in main with focus, and the title says 错误', async () => {
    at('2026-03-10T04:00:00Z');
    const token = tokenOf((await app.inject(`/organs/${organ.code}/apply`)).body);
    at('2026-03-10T04:01:00Z');
    const res = await apply({ formToken: token, website: '', ...applicantInput({ applicantName: '', contactPhone: '', subject: '', deliveryMethod: '' }) }, '10.9.0.3');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请填写联系电话');
    expect(res.body).not.toContain('联系电话应为11位手机号码');
    expect(summaryFields(res.body)).toEqual(['applicantName', 'contactPhone', 'subject', 'deliveryMethod']);
    for (const f of summaryFields(res.body)) expect(res.body).toContain(`id="f-${f}"`);
    expect(res.body).toMatch(/<title>错误：/);
    expect(res.body).toMatch(/<main[^>]*><div class="error-summary"[^>]*autofocus/);
  });

  it('a legal person with other fields wrong hears of the missing 联系人 in the same round (found by an outside tester)', async () => {
    at('2026-03-10T05:00:00Z');
    const token = tokenOf((await app.inject(`/organs/${organ.code}/apply`)).body);
    at('2026-03-10T05:01:00Z');
    const res = await apply({ formToken: token, website: '', ...applicantInput({
      applicantType: 'commercial_enterprise', applicantName: '', applicantIdKind: 'credit_code', applicantIdNumber: '91341100MA2N0000X0',
      contactPerson: '', contactPhone: '138', subject: '', deliveryMethod: 'post', contactAddress: '', provisionForm: '',
    }) }, '10.9.0.4');
    expect(res.statusCode).toBe(400);
    const summary = summaryOf(res.body);
    expect(summary).toContain('请填写申请人姓名或名称');
    expect(summary).toContain('统一社会信用代码有误：有字符不对');
    expect(summary).toContain('法人或其他组织请填写联系人');
    expect(summary).toContain('联系电话应为11位手机号码');
    expect(summary).toContain('选择邮寄获取信息时，请填写通信地址');
    expect(summary).toContain('请选择信息的提供形式');
    expect(summaryFields(res.body)).toEqual(expect.arrayContaining(['applicantName', 'applicantIdNumber', 'contactPerson', 'contactPhone', 'contactAddress', 'subject']));
  });

  it('an ID number with a wrong check digit is reported with the selects left empty, 身份证明类型 among them (found by an outside tester)', async () => {
    at('2026-03-10T05:30:00Z');
    const token = tokenOf((await app.inject(`/organs/${organ.code}/apply`)).body);
    at('2026-03-10T05:31:00Z');
    const res = await apply({ formToken: token, website: '', ...applicantInput({ applicantIdKind: '', provisionForm: '', applicantIdNumber: '110105194912310021' }) }, '10.9.0.6');
    expect(res.statusCode).toBe(400);
    expect(summaryFields(res.body)).toEqual(expect.arrayContaining(['applicantIdKind', 'applicantIdNumber', 'provisionForm']));
    expect(summaryOf(res.body)).toContain('像是18位身份证号码，但号码中有数字不对');
  });

  it('an empty 内容描述 asks for it; one to four characters are told the minimum (found by an outside tester)', async () => {
    at('2026-03-10T06:00:00Z');
    const token = tokenOf((await app.inject(`/organs/${organ.code}/apply`)).body);
    at('2026-03-10T06:01:00Z');
    const empty = await apply({ formToken: token, website: '', ...applicantInput({ subject: '   ' }) }, '10.9.0.5');
    expect(empty.statusCode).toBe(400);
    expect(summaryOf(empty.body)).toContain('请填写所需信息的内容描述');
    expect(empty.body).not.toContain('所需信息的内容描述至少5个字');
    const short = await apply({ formToken: tokenOf(empty.body), website: '', ...applicantInput({ subject: '公租房' }) }, '10.9.0.5');
    expect(short.statusCode).toBe(400);
    expect(summaryOf(short.body)).toContain('所需信息的内容描述至少5个字');
    expect(short.body).not.toContain('请填写所需信息的内容描述');
  });

  it('a 申请人姓名, 证件号码 or 通信地址 of emoji or punctuation only is refused at its field, what was typed kept; corrected, the same form makes one application (found by an outside tester)', async () => {
    at('2026-03-10T07:00:00Z');
    const token = tokenOf((await app.inject(`/organs/${organ.code}/apply`)).body);
    at('2026-03-10T07:01:00Z');
    const typed = applicantInput({ applicantName: '😀', applicantIdKind: 'passport', applicantIdNumber: '？？', deliveryMethod: 'post', contactAddress: '👍👍' });
    const res = await apply({ formToken: token, website: '', ...typed }, '10.9.0.8');
    expect(res.statusCode).toBe(400);
    const summary = summaryOf(res.body);
    for (const label of ['申请人姓名或名称', '证件号码', '通信地址']) expect(summary).toContain(`${label}应含有汉字、字母或数字，不能只填标点、空格或表情符号`);
    expect(summaryFields(res.body)).toEqual(['applicantName', 'applicantIdNumber', 'contactAddress']);
    for (const v of ['😀', '？？', '👍👍', typed.subject]) expect(res.body).toContain(v);
    const count = async () => (await deps.db.selectFrom('applications').select('id').where('organ_id', '=', organ.id).where('applicant_name', '=', '王').execute()).length;
    expect(await count()).toBe(0);
    const fixed = { formToken: tokenOf(res.body), website: '', ...typed, applicantName: '王', applicantIdNumber: 'E12345678', contactAddress: '青岚县城关镇人民路1号' };
    expect((await apply(fixed, '10.9.0.8')).statusCode).toBe(303);
    expect((await apply(fixed, '10.9.0.8')).statusCode).toBe(303);
    expect(await count()).toBe(1);
  });

  it('a wrong 查询码: the status query says 错误 in the title and puts the focused summary first in main (found by an outside tester)', async () => {
    const res = await app.inject({ method: 'POST', url: '/applications/status', payload: { trackingNo: `${organ.code.toUpperCase()}-2026-00001`, queryCode: 'WRONG123' }, remoteAddress: '10.9.0.6' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(summaryOf(res.body)).not.toBe('');
    expect(res.body).toMatch(/<title>错误：/);
    expect(res.body).toMatch(/<main[^>]*><div class="error-summary"[^>]*autofocus/);
  });
});
