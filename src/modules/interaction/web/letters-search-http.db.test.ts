import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import type { Organ } from '../../catalog/index.ts';
import { submitLetter } from '../index.ts';

/**
 * 部门信箱's search (found by an officer who could not find a letter by its number): a letter number —
 * also as copied from a PDF (U+2011 hyphens) or typed full-width — opens that letter of the organ,
 * whatever its state; words find letters by subject or writer's name.
 */
describeEachDialect('searching the department mailbox', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps;
  let organ: Organ;
  let other: Organ;
  let clerk: { username: string; password: string };
  const letter = (over: Record<string, string>) => ({ type: 'consult', content: '请问相关政策。', writerName: '王小红', contact: '13912345678', publishConsent: 'no', ...over });

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    app = built.app;
    deps = built.deps;
    organ = await createOrgan(deps);
    other = await createOrgan(deps);
    clerk = await createStaff(deps, organ.code, 'editor');
  });
  afterAll(async () => app?.close());

  const list = async (q: string, view = '') => {
    const s = await loginAs(app, clerk.username, clerk.password);
    return app.inject({ url: `/admin/letters?organ=${organ.code}${view ? `&view=${view}` : ''}&q=${encodeURIComponent(q)}`, cookies: s.cookies });
  };
  const idOf = async (trackingNo: string) => (await deps.db.selectFrom('letters').select('id').where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow()).id;

  it('has a search box that works without JavaScript', async () => {
    const page = await list('');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<form method="get" action="\/admin\/letters"[^>]*role="search"/);
    expect(page.body).toContain('name="q"');
  });

  it('opens the letter whose number is searched, as issued, copied from a PDF or typed full-width', async () => {
    const r = await submitLetter(deps, organ.code, letter({ subject: '小区加装电梯' }));
    const id = await idOf(r.trackingNo);
    const fullWidth = r.trackingNo.toLowerCase().replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const q of [r.trackingNo, r.trackingNo.replace(/-/g, '\u2011'), ` ${fullWidth} `]) {
      const res = await list(q, 'replied');
      expect(res.statusCode, q).toBe(303);
      expect(res.headers.location).toBe(`/admin/letters/${id}`);
    }
  });

  it('does not open another organ\'s letter by its number', async () => {
    const theirs = await submitLetter(deps, other.code, letter({ subject: '别的机关的来信' }));
    const res = await list(theirs.trackingNo, 'all');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('没有符合条件的来信');
    expect(res.body).not.toContain('别的机关的来信');
  });

  it('finds letters by words of the subject or the writer\'s name, every word counting', async () => {
    await submitLetter(deps, organ.code, letter({ subject: '路灯不亮', writerName: '李大明' }));
    await submitLetter(deps, organ.code, letter({ subject: '路面破损', writerName: '赵小强' }));
    const bySubject = await list('路灯');
    expect(bySubject.body).toContain('路灯不亮');
    expect(bySubject.body).not.toContain('路面破损');
    expect(bySubject.body).toContain('value="路灯"');
    const byWriter = await list('赵小强');
    expect(byWriter.body).toContain('路面破损');
    expect(byWriter.body).not.toContain('路灯不亮');
    const both = await list('路 李大明');
    expect(both.body).toContain('路灯不亮');
    expect(both.body).not.toContain('路面破损');
    const none = await list('100%_');
    expect(none.body).toContain('没有符合条件的来信');
  });
});
