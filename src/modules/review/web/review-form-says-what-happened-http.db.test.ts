import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createNode, createOrgan, createPublished, createReviewCast, publicationInput, system } from '../../../../test/support/factories.ts';
import { createPendingRevision } from '../../../../test/support/pending-revision.ts';
import { createPublication } from '../../catalog/index.ts';
import { loadPrincipal } from '../../identity/index.ts';
import { fillReviewForm, loadForm, performReviewVerb } from '../index.ts';

const named = (f: { source: string; start: number; end: number; text: string }) => ({ source: f.source, start: f.start, end: f.end, text: f.text });
/** The printed form's rows, each as its cells' text. */
const rowsOf = (html: string) => [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').trim()));

/**
 * The 保密审查表 (/admin/publications/{id}/review-form) and the 报送审核 message say what happened. An outside tester
 * found an 信息员's 修订 signed 政务公开办公室, 标记已修改 naming the amending document by an internal number
 * (修改文件编号 4786) and 废止 naming no replacement, 涉及个人信息：否 over a mobile number a reviewer accepted
 * and published, a message counting a 密级标志 twice, and a 住址门牌 called 提示确认 that nobody confirms.
 */
describeEachDialect('the 保密审查表 and the scanner’s words', (db) => {
  it('prints the role each person acted in, the amending and replacing documents by title and 文号, and 涉及个人信息 as accepted', async () => {
    const { app, deps } = await buildTestApp(db());
    const w = await createPendingRevision(app, deps, { revisedBody: '<p>县水务局定于6月3日检修管网。</p><p>联系人王某，手机13812345678。</p>' });
    const publisher = { kind: 'user' as const, principal: (await loadPrincipal(deps.db, w.publisher.id))!, via: 'web' as const };
    const phone = (await loadForm(deps.db, w.item.id))!.scanFindings.find((f) => f.text === '13812345678')!;
    await performReviewVerb(deps, publisher, w.item.id, 'approve_amendment', { acceptFindings: [{ ...named(phone), reason: '王某同意公开' }] });
    const decision = await createPublished(deps, w.organ.id, [w.node], { title: '关于修改城区供水管理办法的决定', documentNumber: '岚水〔2026〕5号', formedOn: '2026-03-05' });
    await performReviewVerb(deps, publisher, w.item.id, 'mark_amended', { amendingId: decision.id });
    const replacement = await createPublished(deps, w.organ.id, [w.node], { title: '关于城区停水的补充通知', formedOn: '2026-03-06' });
    await performReviewVerb(deps, publisher, w.item.id, 'repeal', { replacedById: replacement.id });

    const office = await loginAs(app, w.publisher.username, w.publisher.password);
    const html = (await app.inject({ url: `/admin/publications/${w.item.id}/review-form`, cookies: office.cookies })).body;
    const rows = rowsOf(html);
    const signed = (decision: string) => rows.filter((r) => r[3] === decision);
    // 修订 by the 信息员: the drafter's act.
    expect(signed('修订')).toHaveLength(1);
    expect(signed('修订')[0][1]).toBe('起草人');
    expect(signed('修订审核通过')[0][1]).toBe('政务公开办公室');
    // The amending and the replacing document by title (and 文号), not the platform's number.
    expect(html).not.toContain('修改文件编号');
    expect(signed('标记已修改')[0][4]).toContain('修改文件：《关于修改城区供水管理办法的决定》（岚水〔2026〕5号）');
    expect(signed('废止')[0][4]).toContain('替代文件：《关于城区停水的补充通知》');
    // The drafter said 否; the published text holds a mobile number the reviewer accepted: the cell says both, not a bare 否.
    const personal = rows.find((r) => r.includes('涉及个人信息'))!;
    expect(personal[personal.indexOf('涉及个人信息') + 1]).toBe('起草人填写“否”；审核中接受公开疑似个人信息：手机号码 1 处（理由见“审核人说明”）');
    // A 标记已修改 signed before, which recorded the number, prints the document too.
    await deps.db.updateTable('review_decisions').set({ comment: `修改文件编号 ${decision.id}` }).where('publication_id', '=', w.item.id).where('verb', '=', 'mark_amended').execute();
    const before = (await app.inject({ url: `/admin/publications/${w.item.id}/review-form`, cookies: office.cookies })).body;
    expect(before).not.toContain('修改文件编号');
    expect(rowsOf(before).find((r) => r[3] === '标记已修改')![4]).toBe('修改文件：《关于修改城区供水管理办法的决定》（岚水〔2026〕5号）');
    await app.close();
  });

  it('报送审核 says how many findings must be dealt with as the form counts them, each sentence naming only what it counts; a 住址门牌 says it stops nothing', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const body = '<p>秘密★1年</p><p>联系人王某，手机13812345678，李某，手机13698765432。</p><p>安置房源：幸福小区3栋2单元501室。</p>';
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml: body }));
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    const author = await loginAs(app, cast.author.username, cast.author.password);
    const submitted = await app.inject({ method: 'POST', url: `/admin/publications/${draft.id}/verbs/submit`, cookies: author.cookies, payload: { _csrf: author.csrf } });
    const flash = submitted.cookies.find((c) => c.name === 'gk_flash')!;
    const page = (await app.inject({ url: `/admin/publications/${draft.id}`, cookies: { ...author.cookies, gk_flash: flash.value } })).body;
    expect(page).toContain('敏感信息扫描发现 4 处，其中须处理 3 处');
    expect(page).toContain('扫描发现须处理的内容 3 处。');
    expect(page).toContain('其中 1 处密级标志：');
    expect(page).toContain('另 2 处疑似个人信息：');
    expect(page).not.toContain('疑似个人信息或密级标志');
    // The house number: shown for the reviewer to check, and said not to stop publication (docs/privacy-scanner.md).
    expect(page).not.toContain('提示确认');
    expect(page).toContain('提示：请核对，不阻止发布');
    await app.close();
  });
});
