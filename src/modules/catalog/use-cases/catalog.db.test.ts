import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished, createStaff, publicationInput, system, TEST_AUDIT_KEY } from '../../../../test/support/factories.ts';
import { loadAuditChain, loadAuditHead, verifyChain } from '../../audit/index.ts';
import { loadPrincipal } from '../../identity/index.ts';
import {
  addAttachment, findPublication, listAttachments, listCatalogNodes, pagePublishedInNodes, removeCatalogNode, reorderCatalogNode, updateCatalogNode,
  updatePublication,
} from '../index.ts';
import { publishImported } from '../../review/index.ts';

describeEachDialect('catalog and publications', (db) => {
  const deps = () => buildDeps(db());

  it('publishes a draft with a permanent index number drawn per organ and year', async () => {
    const d = deps();
    const organ = await createOrgan(d, { creditCode: '11341525003139573K' });
    const node = await createNode(d, organ.id);
    const first = await createPublished(d, organ.id, [node]);
    const second = await createPublished(d, organ.id, [node]);
    expect(first.indexNumber).toBe('11341525003139573K/2026-00001');
    expect(second.indexNumber).toBe('11341525003139573K/2026-00002');
    expect(first).toMatchObject({ status: 'published', publishedOn: '2026-03-10', publishRoute: 'system_import' });
    await expect(updatePublication(d, system, first.id, publicationInput([node], { title: '改过的标题' }))).rejects.toMatchObject({ code: 'ERR_CATALOG_USE_AMEND' });
    expect((await findPublication(d.db, first.id))!.indexNumber).toBe(first.indexNumber);
  });

  it('gives two organs sharing a credit code one counter, so their index numbers never clash', async () => {
    const d = deps();
    const bureau = await createOrgan(d, { creditCode: '11341525MA2NX1234Y' });
    const unit = await createOrgan(d, { creditCode: '11341525MA2NX1234Y', kind: 'unit', parentCode: bureau.code });
    const a = await createPublished(d, bureau.id, [await createNode(d, bureau.id)]);
    const b = await createPublished(d, unit.id, [await createNode(d, unit.id)]);
    expect([a.indexNumber, b.indexNumber]).toEqual(['11341525MA2NX1234Y/2026-00001', '11341525MA2NX1234Y/2026-00002']);
  });

  it('lists published items of a node newest first with the total, and leaves drafts out', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const node = await createNode(d, organ.id);
    d.clock.set('2026-03-01T02:00:00Z');
    const older = await createPublished(d, organ.id, [node], { formedOn: '2026-02-20' });
    d.clock.set('2026-03-05T02:00:00Z');
    const newer = await createPublished(d, organ.id, [node], { formedOn: '2026-02-20' });
    await createDraft(d, organ.id, [node]);
    const page = await pagePublishedInNodes(d.db, [node], 1, 1);
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.id)).toEqual([newer.id]);
    expect((await pagePublishedInNodes(d.db, [node], 2, 1)).items.map((i) => i.id)).toEqual([older.id]);
  });

  it('lets only imports publish outside the review chain, and lists every reason an import is refused', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const node = await createNode(d, organ.id);
    const admin = await createStaff(d, organ.code, 'organ_admin');
    const principal = (await loadPrincipal(d.db, admin.id))!;
    const draft = await createDraft(d, organ.id, [node], { disclosureMode: 'on_application', bodyHtml: '' });
    const byPerson = await publishImported(d, { kind: 'user', principal, via: 'web' }, draft.id).catch((e) => e);
    expect(byPerson.reasons.map((r: { message: string }) => r.message)).toEqual(['信息须经审核流程和保密审查后发布']);
    const err = await publishImported(d, system, draft.id).catch((e) => e);
    expect(err.code).toBe('ERR_CATALOG_PUBLISH_REFUSED');
    expect(err.reasons.map((r: { message: string }) => r.message)).toEqual(['公开方式不是“主动公开”的信息不能发布到门户', '正文和附件不能都为空']);
    expect((await findPublication(d.db, draft.id))!.status).toBe('draft');
  });

  it('refuses an edit based on a stale version', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const node = await createNode(d, organ.id);
    const draft = await createDraft(d, organ.id, [node]);
    await updatePublication(d, system, draft.id, publicationInput([node]), draft.version);
    await expect(updatePublication(d, system, draft.id, publicationInput([node]), draft.version)).rejects.toMatchObject({ code: 'ERR_CATALOG_VERSION_CONFLICT' });
  });

  it('refuses a catalog move that would create a cycle, and reorders siblings', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const a = await createNode(d, organ.id, { name: '重点领域' });
    const b = await createNode(d, organ.id, { name: '保障性住房', parentId: a });
    const c = await createNode(d, organ.id, { name: '政策文件' });
    await expect(updateCatalogNode(d, system, a, { name: '重点领域', parentId: b })).rejects.toMatchObject({ code: 'ERR_CATALOG_MOVE_REFUSED' });
    await reorderCatalogNode(d, system, c, 'up');
    const roots = (await listCatalogNodes(d.db, organ.id)).filter((n) => n.parentId === null).sort((x, y) => x.sortOrder - y.sortOrder);
    expect(roots.map((n) => n.name)).toEqual(['政策文件', '重点领域']);
    await expect(removeCatalogNode(d, system, a)).rejects.toMatchObject({ code: 'ERR_CATALOG_NODE_NOT_EMPTY' });
  });

  it('stores attachments with type and size and refuses unknown types', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const node = await createNode(d, organ.id);
    const draft = await createDraft(d, organ.id, [node], { bodyHtml: '' });
    await expect(addAttachment(d, system, draft.id, { fileName: 'x.exe', bytes: Buffer.from('MZ') })).rejects.toMatchObject({ code: 'ERR_CATALOG_ATTACHMENT_TYPE' });
    // A Windows program renamed setup.pdf is refused by its content (issue 9); nothing is stored.
    await expect(addAttachment(d, system, draft.id, { fileName: 'setup.pdf', bytes: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]) }))
      .rejects.toMatchObject({ code: 'ERR_CATALOG_ATTACHMENT_CONTENT', message: expect.stringContaining('可执行程序') });
    expect(await listAttachments(d.db, draft.id)).toHaveLength(0);
    await addAttachment(d, system, draft.id, { fileName: '项目清单.xlsx', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]) });
    const published = await publishImported(d, system, draft.id);
    expect(published.status).toBe('published');
  });

  it('keeps an audit chain that verifies', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    await createPublished(d, organ.id, [await createNode(d, organ.id)]);
    const chain = await loadAuditChain(d.db);
    const head = await loadAuditHead(d.db);
    expect(chain.length).toBeGreaterThan(3);
    expect(verifyChain(chain, head, { key: TEST_AUDIT_KEY })).toEqual([]);
    // Dropping entries from the end no longer passes: the head remembers how many there were.
    expect(verifyChain(chain.slice(0, -2), head, { key: TEST_AUDIT_KEY })[0].problem).toContain('末尾记录被删除');
    expect(verifyChain([], head, { key: TEST_AUDIT_KEY })).toHaveLength(1);
    chain[1].actorLabel = '篡改';
    expect(verifyChain(chain, undefined, { key: TEST_AUDIT_KEY }).map((b) => b.id)).toEqual([chain[1].id]);
  });
});
