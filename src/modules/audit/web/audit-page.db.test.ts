import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createNode, createOrgan, createPublished, createStaff, TEST_AUDIT_KEY } from '../../../../test/support/factories.ts';
import { setUserActive } from '../../identity/index.ts';
import { useAuditKey } from '../storage/audit-key.ts';
import { recordLostAuditKey } from '../use-cases/lost-audit-key.ts';
import { appendAuditEvent, auditEventsFor, loadAuditHead } from '../storage/audit-repository.ts';

describeEachDialect('the audit head in the back office', (db) => {
  it('shows the system administrator the current head to record elsewhere, and checks the chain on demand', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createStaff(deps, organ.code, 'system_admin');
    const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
    const page = await app.inject({ url: '/admin/audit', cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<code id="audit-head-hash">${(await loadAuditHead(deps.db))!.last_hash}</code>`);
    const checked = await app.inject({ url: '/admin/audit?verify=1', cookies });
    expect(checked.body).toContain('校验通过');
    await app.close();
  });

  it('says which entries a lost key left unchecked (ADR 0032)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createStaff(deps, organ.code, 'system_admin');
    try {
      useAuditKey(Buffer.from('the-new-key-after-the-old-one-was-lost-0123456789'), deps.dataDir);
      await recordLostAuditKey(deps.db, deps.dialect, '2026-12-07T08:00:00.000Z', '测试');
      const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
      const checked = await app.inject({ url: '/admin/audit?verify=1', cookies });
      expect(checked.body).toContain('校验通过');
      expect(checked.body).toMatch(/原审计日志密钥已于 2026-12-07T08:00:00.000Z 记录为丢失（第 \d+ 条记录）；此前的 \d+ 条记录无法再校验其内容/);
    } finally {
      useAuditKey(TEST_AUDIT_KEY, deps.dataDir);
      await app.close();
    }
  });

  it('lets the system administrator read the entries: newest first, in China time, named in Chinese, each with its own page', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createActor(deps, organ.code, 'system_admin');
    const leaver = await createStaff(deps, organ.code, 'editor');
    await setUserActive(deps, sysadmin.actor, leaver.id, false);
    const item = await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
    const page = await app.inject({ url: '/admin/audit', cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<caption>操作记录，最新的在前；点序号查看详情</caption>');
    expect(page.body).toContain('<th scope="col">时间（北京时间）</th>');
    const deactivation = (await auditEventsFor(deps.db, 'user', String(leaver.id))).find((e) => e.action === 'user.deactivate')!;
    // The fixed test clock, 2026-03-10T02:00Z, is 10:00 in China.
    expect(page.body).toContain(`<a href="/admin/audit/${deactivation.id}" aria-label="第 ${deactivation.id} 条记录详情">${deactivation.id}</a>`);
    expect(page.body).toMatch(new RegExp(`2026-03-10 10:00</td><td data-label="操作人">${sysadmin.actor.principal.displayName}（${sysadmin.username}）</td><td data-label="操作">停用账号</td><td data-label="对象"><a href="/admin/users/${leaver.id}">用户 ${leaver.id}：张某\\d+（${leaver.username}）</a></td>`));
    expect(page.body).toContain(`<a href="/admin/publications/${item.id}">信息 ${item.id}：${item.title}</a>`);
    // Newest first: the item was published after the account was deactivated.
    expect(page.body.indexOf(`/admin/publications/${item.id}"`)).toBeLessThan(page.body.indexOf(`/admin/users/${leaver.id}"`));

    const detail = await app.inject({ url: `/admin/audit/${deactivation.id}`, cookies });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain(`<h1>审计记录第 ${deactivation.id} 条：停用账号</h1>`);
    // China time first; the recorded instant unbroken beside it.
    expect(detail.body).toContain(`<td>2026-03-10 10:00（北京时间；记录值 <code class="nowrap">${deactivation.occurred_at}</code>）</td>`);
    expect(detail.body).toContain(`<h2>变更后</h2><pre class="audit-json">{\n  &quot;username&quot;: &quot;${leaver.username}&quot;,\n  &quot;active&quot;: false\n}</pre>`);
    expect(detail.body).toContain(`<a href="/admin/audit?type=user&amp;target=${leaver.id}">同一对象的全部记录</a>`);
    expect((await app.inject({ url: `/admin/audit?type=user&target=${leaver.id}`, cookies })).statusCode).toBe(200);
    expect((await app.inject({ url: '/admin/audit/999999999', cookies })).statusCode).toBe(404);
    expect((await app.inject({ url: '/admin/audit/abc', cookies })).statusCode).toBe(404);
    await app.close();
  });

  it('names every target by its current title or name, read for the page; a target since deleted by its number', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createActor(deps, organ.code, 'system_admin');
    const item = await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    const leaver = await createStaff(deps, organ.code, 'editor');
    await setUserActive(deps, sysadmin.actor, leaver.id, false);
    // An entry about an item no longer there, recording no title: its number only. One of no organ: — as every other.
    await deps.db.transaction().execute((trx) => appendAuditEvent(trx, deps.dialect, {
      occurredAt: '2026-03-10T02:00:00.000Z', actorUserId: null, actorLabel: '测试', action: 'publication.withdraw',
      entityType: 'publication', entityId: '999999999', organId: null, before: null, after: { status: 'withdrawn' },
    }));
    const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
    const page = await app.inject({ url: '/admin/audit', cookies });
    const itemLinks = [...page.body.matchAll(new RegExp(`<a href="/admin/publications/${item.id}">([^<]*)</a>`, 'g'))].map((m) => m[1]);
    expect(itemLinks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(itemLinks)).toEqual(new Set([`信息 ${item.id}：${item.title}`]));
    expect(page.body).toContain(`<a href="/admin/users/${leaver.id}">用户 ${leaver.id}：张某`);
    expect(page.body).toContain('<a href="/admin/publications/999999999">信息 999999999</a></td><td data-label="机关">—</td>');
    expect(page.body).not.toContain('<td data-label="机关"></td>');
    await app.close();
  });

  it('filters with a GET form, and answers a bad value with a Chinese message, not an error', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createActor(deps, organ.code, 'system_admin');
    const leaver = await createStaff(deps, organ.code, 'editor');
    await setUserActive(deps, sysadmin.actor, leaver.id, false);
    const item = await createPublished(deps, organ.id, [await createNode(deps, organ.id)]);
    const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
    const form = await app.inject({ url: '/admin/audit', cookies });
    expect(form.body).toContain('<form method="get" action="/admin/audit" class="audit-filter" aria-label="筛选审计记录">');
    const deactivations = await app.inject({ url: '/admin/audit?action=user.deactivate', cookies });
    expect(deactivations.body).toContain(`/admin/users/${leaver.id}"`);
    expect(deactivations.body).not.toContain(`/admin/publications/${item.id}"`);
    expect(deactivations.body).toContain('<option value="user.deactivate" selected>停用账号</option>');
    const ofItem = await app.inject({ url: `/admin/audit?type=publication&target=${item.id}&from=2026-03-10&to=2026-03-10`, cookies });
    expect(ofItem.body).toContain(`/admin/publications/${item.id}"`);
    expect(ofItem.body).not.toContain(`/admin/users/${leaver.id}"`);
    const before = await app.inject({ url: `/admin/audit?type=publication&target=${item.id}&to=2026-03-09`, cookies });
    expect(before.body).toContain('<h2 id="audit-results-h">没有符合条件的记录</h2>');
    const bad = await app.inject({ url: '/admin/audit?from=2026-13-01&action=%27%3Bdrop', cookies });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('起始日期“2026-13-01”不是有效日期，请写成 年-月-日，如 2026-12-01');
    expect(bad.body).toContain('无法识别的操作类型');
    for (const target of ['abc', '1.5', '99999999999999999999']) {
      const refused = await app.inject({ url: `/admin/audit?type=publication&target=${target}`, cookies });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(`<span class="error-message" id="f-target-error">对象编号“${target}”无效，请填写信息、用户等的编号（正整数，如 4710）</span>`);
    }
    const wide = await app.inject({ url: `/admin/audit?type=publication&target=${encodeURIComponent(String(item.id).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))))}`, cookies });
    expect(wide.statusCode).toBe(200);
    expect(wide.body).toContain(`/admin/publications/${item.id}"`);
    const unknownAction = await app.inject({ url: '/admin/audit?action=bogus.action', cookies });
    expect(unknownAction.statusCode).toBe(400);
    expect(unknownAction.body).toContain('无法识别的操作类型“bogus.action”，请从列表中选择');
    expect(unknownAction.body).not.toContain('<option value="bogus.action"');
    const unknownType = await app.inject({ url: '/admin/audit?type=bogus', cookies });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.body).toContain('无法识别的对象类型“bogus”，请从列表中选择');
    expect(unknownType.body).not.toContain('<option value="bogus"');
    const lost = await app.inject({ url: '/admin/audit?before=x', cookies });
    expect(lost.statusCode).toBe(400);
    expect(lost.body).toContain('<li>翻页位置无效，请从第一页重新查看</li>');
    // A position that is no entry (an address edited by hand): the list goes by time, so it is not guessed.
    const gone = await app.inject({ url: '/admin/audit?before=999999999', cookies });
    expect(gone.statusCode).toBe(400);
    expect(gone.body).toContain('<li>翻页位置无效，请从第一页重新查看</li>');
    await app.close();
  });

  it('pages back through a long log and keeps the filter', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createStaff(deps, organ.code, 'system_admin');
    for (let i = 0; i < 55; i++) await createStaff(deps, organ.code, 'editor');
    const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
    const first = await app.inject({ url: '/admin/audit?action=user.create', cookies });
    expect(first.body.match(/<td data-label="操作">新建用户<\/td>/g)).toHaveLength(50);
    const older = /<a href="(\/admin\/audit\?action=user\.create&amp;before=\d+)" rel="next">更早的记录<\/a>/.exec(first.body);
    expect(older).not.toBeNull();
    const second = await app.inject({ url: older![1].replaceAll('&amp;', '&'), cookies });
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('<a href="/admin/audit?action=user.create">最新记录</a>');
    expect(second.body.match(/<td data-label="操作">新建用户<\/td>/g)!.length).toBeGreaterThanOrEqual(6);
    await app.close();
  });

  it('shows an organ’s administrator and disclosure office their organs’ entries only, without the chain head; others not at all', async () => {
    const { app, deps } = await buildTestApp(db());
    const ours = await createOrgan(deps);
    const theirs = await createOrgan(deps);
    const ourItem = await createPublished(deps, ours.id, [await createNode(deps, ours.id)]);
    const theirItem = await createPublished(deps, theirs.id, [await createNode(deps, theirs.id)]);
    const admin = await createStaff(deps, ours.code, 'organ_admin');
    const office = await createStaff(deps, ours.code, 'disclosure_office');
    const editor = await createStaff(deps, ours.code, 'editor');
    for (const reader of [admin, office]) {
      const { cookies } = await loginAs(app, reader.username, reader.password);
      const page = await app.inject({ url: '/admin/audit', cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<a href="/admin/audit">审计日志</a>');
      expect(page.body).toContain(`/admin/publications/${ourItem.id}"`);
      expect(page.body).not.toContain(`/admin/publications/${theirItem.id}"`);
      // Sign-ins record no organ: the system administrator's to read.
      expect(page.body).not.toContain('<td data-label="操作">登录</td>');
      expect(page.body).not.toContain('audit-head-hash');
      const theirEntry = (await auditEventsFor(deps.db, 'publication', String(theirItem.id)))[0];
      expect((await app.inject({ url: `/admin/audit/${theirEntry.id}`, cookies })).statusCode).toBe(404);
      expect((await app.inject({ url: '/admin/audit?verify=1', cookies })).body).not.toContain('校验通过');
    }
    const { cookies } = await loginAs(app, editor.username, editor.password);
    const refused = await app.inject({ url: '/admin/audit', cookies });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('只有系统管理员、机关管理员和政务公开办公室可以查看审计日志');
    expect((await app.inject({ url: '/admin', cookies })).body).not.toContain('<a href="/admin/audit">审计日志</a>');
    await app.close();
  });

  it('records nothing for reading the log', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createStaff(deps, organ.code, 'system_admin');
    const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
    const before = (await loadAuditHead(deps.db))!.entries;
    await app.inject({ url: '/admin/audit', cookies });
    await app.inject({ url: `/admin/audit/${(await loadAuditHead(deps.db))!.last_id}`, cookies });
    expect((await loadAuditHead(deps.db))!.entries).toBe(before);
    await app.close();
  });
});
