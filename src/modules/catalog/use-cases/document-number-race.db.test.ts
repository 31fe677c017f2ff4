import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, publicationInput, system } from '../../../../test/support/factories.ts';
import { fillReviewForm, performReviewVerb } from '../../review/index.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { createPublication, updatePublication } from '../index.ts';

const TAKEN = (id: number, title: string, documentNumber: string) =>
  `文号“${documentNumber}”已用于本机关的《${title}》（编号 ${id}，草稿）。一个文号只对应一份文件，请核对文号；如是同一文件，请修改或修订该信息，不要另建`;
const refusal = (id: number, title: string, documentNumber: string) =>
  ({ code: 'ERR_CATALOG_DOCUMENT_NUMBER_TAKEN', field: 'documentNumber', httpStatus: 409, message: TAKEN(id, title, documentNumber) });

/**
 * Until the other save waits for a lock or has ended. PostgreSQL: a backend of this database waits on a lock
 * (pg_stat_activity). SQLite: the one connection is this transaction's, so the other save cannot start a
 * statement before it ends; nothing to wait for.
 */
async function untilWaitingOrDone(deps: AppDeps, other: Promise<unknown>): Promise<void> {
  if (deps.dialect === 'sqlite') return;
  let done = false;
  void other.then(() => { done = true; }, () => { done = true; });
  while (!done) {
    const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(deps.db);
    if (waiting.rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Two saves with one 文号 at the same moment (two officers, a double click, a retry): the check read the organ's items
 * before either wrote, and both were stored — no index can say it, as an interpretation shares its policy's 文号.
 * The first save here holds its transaction open once its draft is stored; the second runs meanwhile.
 */
describeEachDialect('two saves of one 文号 at the same moment: one is stored, the other refused', (db) => {
  it('two new drafts: the second is refused by the field (409), naming the first', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const dn = '岚建〔2026〕90号';
    let second: Promise<unknown> = Promise.resolve();
    const first = await createPublication(deps, system, organ.id, publicationInput([node], { title: '关于开展住宅小区消防通道清理工作的通知', documentNumber: dn }), {
      inTransaction: async () => {
        second = createPublication(deps, system, organ.id, publicationInput([node], { title: '关于开展电动自行车充电安全检查的通知', documentNumber: '岚建[2026]90号' }));
        await untilWaitingOrDone(deps, second);
      },
    });
    await expect(second).rejects.toMatchObject(refusal(first.id, '关于开展住宅小区消防通道清理工作的通知', dn));
    expect(await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).where('document_number', '=', dn).execute()).toEqual([{ id: first.id }]);
  });

  it('an edit given the 文号 a new draft is being saved with: refused by the field (409)', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const dn = '岚建〔2026〕91号';
    const other = await createPublication(deps, system, organ.id, publicationInput([node], { title: '关于公布物业服务企业信用评价结果的通知', documentNumber: '岚建〔2026〕92号' }));
    let edit: Promise<unknown> = Promise.resolve();
    const first = await createPublication(deps, system, organ.id, publicationInput([node], { title: '关于做好城镇燃气安全排查整治工作的通知', documentNumber: dn }), {
      inTransaction: async () => {
        edit = updatePublication(deps, system, other.id, publicationInput([node], { title: '关于公布物业服务企业信用评价结果的通知', documentNumber: dn }));
        await untilWaitingOrDone(deps, edit);
      },
    });
    await expect(edit).rejects.toMatchObject(refusal(first.id, '关于做好城镇燃气安全排查整治工作的通知', dn));
    const held = await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).where('document_number', '=', dn).execute();
    expect(held).toEqual([{ id: first.id }]);
  });

  it('a 修订 approved while a new draft with its 文号 is being saved: the approval is refused (409)', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const dn = '岚建〔2026〕95号';
    const published = await createPublished(deps, organ.id, [node], { title: '关于调整住房公积金贷款政策的通知', documentNumber: '岚建〔2026〕94号' });
    await fillReviewForm(deps, system, published.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(deps, system, published.id, 'amend', { changeNote: '更正文号', amended: publicationInput([node], { title: '关于调整住房公积金贷款政策的通知', documentNumber: dn }) });
    let approval: Promise<unknown> = Promise.resolve();
    const draft = await createPublication(deps, system, organ.id, publicationInput([node], { title: '关于开展住房公积金缴存专项检查的通知', documentNumber: dn }), {
      inTransaction: async () => {
        approval = performReviewVerb(deps, system, published.id, 'approve_amendment');
        await untilWaitingOrDone(deps, approval);
      },
    });
    await expect(approval).rejects.toMatchObject(refusal(draft.id, '关于开展住房公积金缴存专项检查的通知', dn));
    const held = await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).where('document_number', '=', dn).execute();
    expect(held).toEqual([{ id: draft.id }]);
  });
});

/**
 * SQLite in two processes (a `gongkai import` beside the server, a second instance by mistake): within one the one
 * connection serialises the saves; across two, a save whose transaction had read before the other committed could not
 * write (SQLITE_BUSY_SNAPSHOT: a 500, not the refusal). The save takes the database's write lock by its first statement,
 * so it waits for the other process and then reads what it wrote.
 */
describe('a save while another process holds a save of the same 文号 open [sqlite]', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    handle = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it('waits for it and is refused by the field (409), not failed', async () => {
    const deps = buildDeps(handle);
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const dn = '岚建〔2026〕93号';
    const script = fileURLToPath(new URL('../../../../test/support/save-held-open.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, handle.file!, deps.dataDir, String(organ.id), String(node), '关于开展老旧小区加装电梯摸底调查的通知', dn, '1500'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const holding = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => { out += String(d); if (out.includes('holding')) resolve(); });
      child.on('exit', () => reject(new Error(`the other process ended without holding its save open: ${out}`)));
    });
    const ended = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await holding;
    // The other process lets go by itself after 1.5 s: this save, waiting on the lock, blocks the thread.
    const mine = createPublication(deps, system, organ.id, publicationInput([node], { title: '关于开展既有住宅加装电梯工作的通知', documentNumber: dn }));
    const outcome = await mine.then(() => 'saved', (e: { code?: string; message?: string }) => e.code ?? e.message);
    await ended;
    const theirs = Number(/saved (\d+)/.exec(out)?.[1]);
    expect(out).toContain('saved');
    expect(outcome).toBe('ERR_CATALOG_DOCUMENT_NUMBER_TAKEN');
    await expect(mine).rejects.toMatchObject(refusal(theirs, '关于开展老旧小区加装电梯摸底调查的通知', dn));
  });
});
