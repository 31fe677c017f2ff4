import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createReviewCast, publicationInput, system } from '../../../../test/support/factories.ts';
import { buildDocx } from '../../../../test/corpus/privacy/factories/build-docx.ts';
import { addAttachment, createPublication, listAttachments } from '../../catalog/index.ts';
import { addRevisionAttachment, decisionsFor, fillReviewForm, loadForm, performReviewVerb, publishImported } from '../index.ts';
import { retitleRevisionAttachments } from './revision-attachments.ts';

const named = (f: { source: string; start: number; end: number; text: string }) => ({ source: f.source, start: f.start, end: f.end, text: f.text });
const codes = (e: unknown) => ((e as { reasons?: { code: string }[] }).reasons ?? []).map((r) => r.code);
const CLEAN = Buffer.from(buildDocx({ blocks: ['城区停水范围：城关镇幸福路、人民路。'] }));
/** The file name of the outside report, its ID number masked as every source names the file. */
const ID_NAME = '张三身份证110105194912310021.docx';
const ID_NAME_MASKED = '张三身份证110105********0021.docx';

/**
 * A file's name and its 附件名称 are published with it (the link text, its tooltip, the download's
 * Content-Disposition) but the scanner did not read them: 张三身份证110105194912310021.pdf, or a title
 * 附件2：李四 13800138000 联系方式, went to the portal unseen. Both are scanned as the item's text is —
 * a draft's at 报送审核 and every approval, a revision's (its pending title) when it changes and at
 * 修订审核通过 — blocking and acceptable the same way, each finding naming where it stands.
 */
describeEachDialect('an attachment\'s file name and 附件名称 are scanned as its text is', (db) => {
  it('stops a draft whose file name holds an ID number and whose title a mobile number until a reviewer accepts each', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml: '<p>城区停水的通知。</p>', formedOn: '2026-03-02' }));
    await addAttachment(deps, cast.author.actor, draft.id, { fileName: ID_NAME, bytes: CLEAN, title: '附件2：李四 13800138000 联系方式' });
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', involvesPersonalInfo: false, avoidanceNote: '不涉及' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    const findings = (await loadForm(deps.db, draft.id))!.scanFindings;
    expect(findings.map((f) => [f.source, f.type, f.text, f.severity])).toEqual([
      [`附件“${ID_NAME_MASKED}”的文件名`, 'id_card', '110105194912310021', 'block'],
      [`附件“${ID_NAME_MASKED}”的附件名称`, 'mobile_phone', '13800138000', 'block'],
    ]);
    const refused = await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'approve').catch((e) => e);
    expect(codes(refused)).toEqual(['ERR_REVIEW_SCAN_BLOCKED']);
    await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'approve', {
      acceptFindings: findings.map((f) => ({ ...named(f), reason: '本人同意公开' })),
    });
    expect((await decisionsFor(deps.db, draft.id)).map((d) => d.verb)).toEqual(['submit', 'approve']);
    // The signed decision names the file by its masked name: it never holds the number.
    const comments = (await decisionsFor(deps.db, draft.id)).map((d) => d.comment).join('\n');
    expect(comments).toContain(`接受附件“${ID_NAME_MASKED}”的文件名中的`);
    expect(comments).not.toContain('110105194912310021');
  });

  it('scans the title a revision gives a live file as soon as it is given, and holds 修订审核通过 until it is accepted', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, system, organ.id, publicationInput([node], { bodyHtml: '<p>城区停水的通知。</p>', formedOn: '2026-03-02' }));
    const fileId = await addAttachment(deps, system, draft.id, { fileName: '停水范围.docx', bytes: CLEAN, title: '附件1：停水范围' });
    const item = await publishImported(deps, system, draft.id);
    await fillReviewForm(deps, system, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(deps, cast.author.actor, item.id, 'amend', {
      changeNote: '补充联系人', amended: { ...publicationInput([node], { bodyHtml: '<p>城区停水的通知。</p>', formedOn: '2026-03-02' }), title: item.title },
    });
    expect((await loadForm(deps.db, item.id))!.scanFindings).toEqual([]);

    await retitleRevisionAttachments(deps, cast.author.actor, item.id, new Map([[fileId, '附件1：停水范围（联系人王五 13912345678）']]));
    const findings = (await loadForm(deps.db, item.id))!.scanFindings;
    expect(findings.map((f) => [f.source, f.type, f.text])).toEqual([['附件“停水范围.docx”的附件名称', 'mobile_phone', '13912345678']]);
    const refused = await performReviewVerb(deps, cast.office.actor, item.id, 'approve_amendment').catch((e) => e);
    expect(codes(refused)).toEqual(['ERR_REVIEW_SCAN_BLOCKED']);
    await performReviewVerb(deps, cast.office.actor, item.id, 'approve_amendment', { acceptFindings: [{ ...named(findings[0]), reason: '系停水抢修值班电话' }] });
    expect((await listAttachments(deps.db, item.id))[0].title).toBe('附件1：停水范围（联系人王五 13912345678）');
    // The approval's scan was of the revision, which is now what is published: it stays, with its acceptance.
    expect((await loadForm(deps.db, item.id))!.scanFindings.map((f) => [f.source, f.accepted?.reason])).toEqual([['附件“停水范围.docx”的附件名称', '系停水抢修值班电话']]);
  });

  it('after 退回修订 the item\'s scan is of the published version again: no finding of a file the return deleted', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, system, organ.id, publicationInput([node], { bodyHtml: '<p>城区停水的通知。</p>', formedOn: '2026-03-02' }));
    const fileId = await addAttachment(deps, system, draft.id, { fileName: '停水范围.docx', bytes: CLEAN });
    const item = await publishImported(deps, system, draft.id);
    await fillReviewForm(deps, system, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(deps, cast.author.actor, item.id, 'amend', {
      changeNote: '补充名单', amended: { ...publicationInput([node], { bodyHtml: '<p>城区停水的通知，联系人手机13912345678。</p>', formedOn: '2026-03-02' }), title: item.title },
    });
    await addRevisionAttachment(deps, cast.author.actor, item.id, { fileName: '停水户名单.docx', bytes: Buffer.from(buildDocx({ blocks: ['户主：王建国，身份证号11010519491231002X'] })) });
    await retitleRevisionAttachments(deps, cast.author.actor, item.id, new Map([[fileId, '附件1：停水范围（李四 13800138000）']]));
    expect((await loadForm(deps.db, item.id))!.scanFindings.map((f) => f.source)).toEqual(['正文', '附件“停水范围.docx”的附件名称', '附件：停水户名单.docx']);

    // 退回修订 keeps the revision and its own scan for its proposer (ADR 0051); 撤回修订 discards it.
    await performReviewVerb(deps, cast.office.actor, item.id, 'return_amendment', { comment: '名单不应公开' });
    expect((await loadForm(deps.db, item.id))!.scanFindings.map((f) => f.source)).toEqual(['正文', '附件“停水范围.docx”的附件名称', '附件：停水户名单.docx']);
    await performReviewVerb(deps, cast.author.actor, item.id, 'withdraw_amendment');
    const after = (await loadForm(deps.db, item.id))!;
    expect(after.scanFindings, 'the published version holds nothing to find').toEqual([]);
  });
});
