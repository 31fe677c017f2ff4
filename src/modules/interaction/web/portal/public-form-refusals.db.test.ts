import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createActor, createOrgan } from '../../../../../test/support/factories.ts';
import { openConsultation } from '../../index.ts';

const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
const summaryOf = (html: string) => /<div class="error-summary"[^>]*>.*?<\/div>/s.exec(html)?.[0] ?? '';

/** Refusals of the mailbox and consultation forms (found by outside testers). */
describeEachDialect('refused mailbox and consultation forms', (db) => {
  it('部门信箱: a contact that is no phone or e-mail and a one-character letter are refused; a fast post is let through when sent again; 提交过快 only when nothing else is wrong', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const url = `/organs/${organ.code}/letters/new`;
    const letter = { website: '', type: 'consult', subject: '小区加装电梯', content: '请问加装电梯有什么补助政策？', writerName: '王小红', contact: '13912345678' };
    const token = tokenOf((await app.inject(url)).body);
    deps.clock.set('2026-03-10T02:01:00Z');
    const bad = await app.inject({ method: 'POST', url, payload: { ...letter, formToken: token, contact: '1381', content: '短' }, remoteAddress: '10.8.0.1' });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.body)).toContain('请填写正确的手机号码、固定电话或电子邮箱');
    expect(summaryOf(bad.body)).toContain('来信内容至少5个字');
    expect(bad.body).toMatch(/<title>错误：/);
    expect(bad.body).toMatch(/<main[^>]*><div class="error-summary"[^>]*autofocus/);
    const api = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/letters`, headers: { 'idempotency-key': 'refusal-test-1' }, payload: { ...letter, website: undefined, contact: '1381' } });
    expect(api.statusCode).toBe(400);
    expect(api.body).toContain('ERR_LETTER_INVALID_INPUT');
    expect(api.body).toContain('请填写正确的手机号码、固定电话或电子邮箱');
    // The public forms' one phone rule: a 7-digit number or a local number without its area code is refused too (outside tester: 1391234).
    for (const contact of ['1391234', '5022106']) {
      const refused = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/letters`, headers: { 'idempotency-key': `refusal-test-${contact}` }, payload: { ...letter, website: undefined, contact } });
      expect(refused.statusCode, contact).toBe(400);
      expect(refused.body).toContain('带区号的固定电话');
    }
    for (const contact of ['0564-5022001', 'wang@example.cn']) {
      const t = tokenOf((await app.inject(url)).body);
      deps.clock.set(`2026-03-10T02:0${contact.includes('@') ? 3 : 2}:00Z`);
      expect((await app.inject({ method: 'POST', url, payload: { ...letter, contact, formToken: t }, remoteAddress: '10.8.0.2' })).statusCode).toBe(303);
    }

    const fresh = tokenOf((await app.inject(url)).body);
    deps.clock.set('2026-03-10T02:03:01Z');
    // A fast post with a field missing names the field only: 提交过快 beside real errors only confused (outside tester).
    const missing = await app.inject({ method: 'POST', url, payload: { ...letter, formToken: fresh, subject: '' }, remoteAddress: '10.8.0.3' });
    expect(missing.statusCode).toBe(400);
    expect(summaryOf(missing.body)).not.toContain('提交过快');
    expect(summaryOf(missing.body)).toContain('请填写标题');
    expect(summaryOf(missing.body)).toContain('href="#f-subject"');
    const fast = await app.inject({ method: 'POST', url, payload: { ...letter, formToken: tokenOf((await app.inject(url)).body) }, remoteAddress: '10.8.0.3' });
    expect(fast.statusCode).toBe(400);
    expect(summaryOf(fast.body)).toContain('提交过快');
    expect(summaryOf(fast.body)).not.toContain('请勿填写');
    expect((await app.inject({ method: 'POST', url, payload: { ...letter, formToken: tokenOf(fast.body) }, remoteAddress: '10.8.0.3' })).statusCode).toBe(303);
    await app.close();
  });

  it('意见征集: a fast comment (and nothing else wrong) is refused at the top of the page, with focus and 错误 in the title, and let through when sent again', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, organ.id, { title: '方案（征求意见稿）', body: '第一条 ……', howToComment: '电子邮件', startOn: '2026-06-01', endOn: '2026-06-30' });
    const url = `/organs/${organ.code}/consultations/${c.id}`;
    const token = tokenOf((await app.inject(url)).body);
    deps.clock.set('2026-06-01T02:00:01Z');
    const empty = await app.inject({ method: 'POST', url, payload: { formToken: token, website: '', authorName: '', content: '' } });
    expect(empty.statusCode).toBe(400);
    expect(summaryOf(empty.body)).not.toContain('提交过快');
    expect(summaryOf(empty.body)).toContain('请填写意见内容');
    const fast = await app.inject({ method: 'POST', url, payload: { formToken: tokenOf((await app.inject(url)).body), website: '', authorName: '', content: '建议增设电梯。' } });
    expect(fast.statusCode).toBe(400);
    expect(summaryOf(fast.body)).toContain('提交过快');
    expect(summaryOf(fast.body)).not.toContain('请勿填写');
    expect(fast.body).toMatch(/<title>错误：/);
    expect(fast.body).toMatch(/<main[^>]*><div class="error-summary"[^>]*autofocus/);
    const again = await app.inject({ method: 'POST', url, payload: { formToken: tokenOf(fast.body), website: '', authorName: '', content: '建议增设电梯。' } });
    expect(again.statusCode).toBe(303);
    await app.close();
  });

  it('意见征集: a one-character opinion (「好」) is refused as a one-character letter is, what was typed kept (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, organ.id, { title: '方案（征求意见稿）', body: '第一条 ……', howToComment: '电子邮件', startOn: '2026-06-01', endOn: '2026-06-30' });
    const url = `/organs/${organ.code}/consultations/${c.id}`;
    const form = (await app.inject(url)).body;
    expect(form).toContain('至少5个字');
    deps.clock.set('2026-06-01T02:01:00Z');
    for (const content of ['好', ' 好 好 好 ']) {
      const short = await app.inject({ method: 'POST', url, payload: { formToken: tokenOf(form), website: '', authorName: '王小红', content } });
      expect(short.statusCode, content).toBe(400);
      expect(summaryOf(short.body)).toContain('意见内容至少5个字');
      expect(short.body).toContain('value="王小红"');
    }
    expect((await deps.db.selectFrom('consultation_comments').select('id').where('consultation_id', '=', c.id).execute()).length).toBe(0);
    const taken = await app.inject({ method: 'POST', url, payload: { formToken: tokenOf(form), website: '', authorName: '', content: '同意该方案。' } });
    expect(taken.statusCode).toBe(303);
    await app.close();
  });

  it('部门信箱 and 意见征集: a text of emoji, punctuation or emoji between spaces is refused on the form and the API, the hints and the refusal saying what counts', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, organ.id, { title: '方案（征求意见稿）', body: '第一条 ……', howToComment: '电子邮件', startOn: '2026-06-01', endOn: '2026-06-30' });
    const letterUrl = `/organs/${organ.code}/letters/new`;
    const commentUrl = `/organs/${organ.code}/consultations/${c.id}`;
    const letterForm = (await app.inject(letterUrl)).body;
    const commentForm = (await app.inject(commentUrl)).body;
    for (const form of [letterForm, commentForm]) expect(form).toContain('至少5个字（只计汉字、字母和数字，不计标点、空格和表情符号）');
    deps.clock.set('2026-06-01T02:01:00Z');
    const letter = { website: '', type: 'consult', subject: '小区加装电梯', writerName: '王小红', contact: '13912345678' };
    for (const [i, content] of ['👍👍👍👍👍👍', '😀 😀 😀 😀 😀 😀', '。。。。。。！！'].entries()) {
      const mail = await app.inject({ method: 'POST', url: letterUrl, payload: { ...letter, content, formToken: tokenOf(letterForm) }, remoteAddress: '10.8.1.1' });
      expect(mail.statusCode, content).toBe(400);
      expect(summaryOf(mail.body)).toContain('来信内容至少5个字（只计汉字、字母和数字，不计标点、空格和表情符号）');
      const api = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/letters`, headers: { 'idempotency-key': `emoji-letter-${i}` }, payload: { ...letter, website: undefined, content } });
      expect(api.statusCode, content).toBe(400);
      expect(api.json()).toMatchObject({ error: { code: 'ERR_LETTER_INVALID_INPUT' } });
      expect(api.body).toContain('来信内容至少5个字（只计汉字、字母和数字');
      const comment = await app.inject({ method: 'POST', url: commentUrl, payload: { formToken: tokenOf(commentForm), website: '', authorName: '', content } });
      expect(comment.statusCode, content).toBe(400);
      expect(summaryOf(comment.body)).toContain('意见内容至少5个字（只计汉字、字母和数字，不计标点、空格和表情符号）');
    }
    expect((await deps.db.selectFrom('consultation_comments').select('id').where('consultation_id', '=', c.id).execute()).length).toBe(0);
    expect((await deps.db.selectFrom('letters').select('id').where('organ_id', '=', organ.id).execute()).length).toBe(0);
    await app.close();
  });

  it('部门信箱: a 标题 or 姓名 of emoji or punctuation only is refused at its field on the form and the API, what was typed kept; corrected, the same form makes one letter (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const url = `/organs/${organ.code}/letters/new`;
    const letter = { website: '', type: 'consult', content: '请问加装电梯有什么补助政策？', phone: '13912345678' };
    const token = tokenOf((await app.inject(url)).body);
    deps.clock.set('2026-06-01T02:01:00Z');
    const junk = await app.inject({ method: 'POST', url, payload: { ...letter, subject: '😀😀', writerName: '。。', formToken: token }, remoteAddress: '10.8.2.1' });
    expect(junk.statusCode).toBe(400);
    const summary = summaryOf(junk.body);
    expect(summary).toContain('标题应含有汉字、字母或数字，不能只填标点、空格或表情符号');
    expect(summary).toContain('姓名应含有汉字、字母或数字，不能只填标点、空格或表情符号');
    expect(summary).toContain('href="#f-subject"');
    expect(summary).toContain('href="#f-writerName"');
    expect(junk.body).toContain('value="😀😀"');
    expect(junk.body).toContain('value="。。"');
    expect(junk.body).toContain('请问加装电梯有什么补助政策？');
    const api = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/letters`, headers: { 'idempotency-key': 'emoji-subject-1' }, payload: { ...letter, website: undefined, subject: '👍', writerName: '★' } });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ error: { code: 'ERR_LETTER_INVALID_INPUT' } });
    expect(api.json().error.reasons.map((r: { field: string }) => r.field)).toEqual(expect.arrayContaining(['subject', 'writerName']));
    expect(api.body).toContain('标题应含有汉字、字母或数字');
    expect((await deps.db.selectFrom('letters').select('id').where('organ_id', '=', organ.id).execute()).length).toBe(0);
    // One character is enough; the corrected form, sent twice, makes one letter.
    const fixed = { ...letter, subject: '问', writerName: '李', formToken: tokenOf(junk.body) };
    expect((await app.inject({ method: 'POST', url, payload: fixed, remoteAddress: '10.8.2.1' })).statusCode).toBe(303);
    expect((await app.inject({ method: 'POST', url, payload: fixed, remoteAddress: '10.8.2.1' })).statusCode).toBe(303);
    expect((await deps.db.selectFrom('letters').select('id').where('organ_id', '=', organ.id).execute()).length).toBe(1);
    await app.close();
  });

  it('意见征集: a 署名, optional, of emoji or punctuation only is refused at its field on the form and the API, what was typed kept; left empty or corrected, one comment', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, organ.id, { title: '方案（征求意见稿）', body: '第一条 ……', howToComment: '电子邮件', startOn: '2026-06-01', endOn: '2026-06-30' });
    const url = `/organs/${organ.code}/consultations/${c.id}`;
    const token = tokenOf((await app.inject(url)).body);
    deps.clock.set('2026-06-01T02:01:00Z');
    const opinion = '建议在小区加装电梯时统一规划。';
    // Shown masked, 😀 would read 😀** under the opinion.
    const junk = await app.inject({ method: 'POST', url, payload: { formToken: token, website: '', authorName: '😀', content: opinion }, remoteAddress: '10.8.3.1' });
    expect(junk.statusCode).toBe(400);
    expect(summaryOf(junk.body)).toContain('署名应含有汉字、字母或数字，不能只填标点、空格或表情符号');
    expect(summaryOf(junk.body)).toContain('href="#f-authorName"');
    expect(junk.body).toContain('value="😀"');
    expect(junk.body).toContain(opinion);
    const api = await app.inject({ method: 'POST', url: `/api/v1/consultations/${c.id}/comments`, headers: { 'idempotency-key': 'emoji-author-0001' }, payload: { authorName: '。。', content: opinion } });
    expect(api.statusCode).toBe(400);
    expect(api.json().error).toMatchObject({ code: 'ERR_CONSULTATION_INVALID_INPUT', field: 'authorName', message: expect.stringContaining('署名应含有汉字、字母或数字') });
    const comments = async () => (await deps.db.selectFrom('consultation_comments').select('author_name').where('consultation_id', '=', c.id).execute()).map((r) => r.author_name);
    expect(await comments()).toEqual([]);
    // The same form corrected, sent twice: one comment. An empty 署名 stays fine.
    const fixed = { formToken: tokenOf(junk.body), website: '', authorName: '王', content: opinion };
    expect((await app.inject({ method: 'POST', url, payload: fixed, remoteAddress: '10.8.3.1' })).statusCode).toBe(303);
    expect((await app.inject({ method: 'POST', url, payload: fixed, remoteAddress: '10.8.3.1' })).statusCode).toBe(303);
    expect((await app.inject({ method: 'POST', url: `/api/v1/consultations/${c.id}/comments`, headers: { 'idempotency-key': 'no-author-0001' }, payload: { authorName: '', content: opinion } })).statusCode).toBe(201);
    expect((await comments()).sort()).toEqual(['', '王']);
    await app.close();
  });

  it('来信查询: a wrong 查询码 says 错误 in the title and puts the focused summary first in main (found by an outside tester)', async () => {
    const { app } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const res = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo: 'XX-2026-00001', queryCode: 'WRONG123' }, remoteAddress: '10.8.0.9' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(summaryOf(res.body)).not.toBe('');
    expect(res.body).toMatch(/<title>错误：/);
    expect(res.body).toMatch(/<main[^>]*><div class="error-summary"[^>]*autofocus/);
    await app.close();
  });
});
