import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';

/** 信息管理 shows each item's 效力 and 有效期至, and how soon an item still 有效 lapses (docs/adr/0027). */
describeEachDialect('信息管理: 效力 and 有效期至 in the staff list', (db) => {
  it('shows 已失效 and the 有效期至, and counts the days until an item in force lapses when it is within 30 days', async () => {
    // 2026-12-10, 10:00 in China.
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    await createPublished(deps, organ.id, [node], { title: '已过期的办法', formedOn: '2021-06-07', validThroughOn: '2026-06-06' });
    await createPublished(deps, organ.id, [node], { title: '今天是最后一天的办法', formedOn: '2021-06-07', validThroughOn: '2026-12-10' });
    await createPublished(deps, organ.id, [node], { title: '月底到期的办法', formedOn: '2021-06-07', validThroughOn: '2026-12-31' });
    await createPublished(deps, organ.id, [node], { title: '明年到期的办法', formedOn: '2021-06-07', validThroughOn: '2027-06-06' });
    await createPublished(deps, organ.id, [node], { title: '没有期限的通知' });
    const staff = await createStaff(deps, organ.code, 'organ_admin');
    const { cookies } = await loginAs(app, staff.username, staff.password);
    const body = (await app.inject({ url: `/admin/publications?organ=${organ.code}`, cookies })).body;
    expect(body).toMatch(/<th scope="col">效力<\/th><th scope="col">有效期至<\/th>/);
    const row = (title: string) => new RegExp(`<tr[^>]*>(?:(?!</tr>).)*${title}(?:(?!</tr>).)*</tr>`, 's').exec(body)?.[0] ?? '';
    expect(row('已过期的办法')).toMatch(/data-label="效力">已失效<\/td>/);
    expect(row('已过期的办法')).toMatch(/data-label="有效期至">2026-06-06<\/td>/);
    expect(row('今天是最后一天的办法')).toMatch(/data-label="有效期至">2026-12-10<span class="lapse-soon">（明日失效）<\/span><\/td>/);
    expect(row('月底到期的办法')).toMatch(/data-label="有效期至">2026-12-31<span class="lapse-soon">（22 天后失效）<\/span><\/td>/);
    expect(row('月底到期的办法')).toMatch(/data-label="效力">有效<\/td>/);
    expect(row('明年到期的办法')).toMatch(/data-label="有效期至">2027-06-06<\/td>/);
    expect(row('没有期限的通知')).toMatch(/data-label="有效期至">—<\/td>/);
    await app.close();
  });
});
