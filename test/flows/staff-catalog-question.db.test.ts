import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { loginAs } from '../support/app.ts';
import { buildDeps, createActor, createNode, createOrgan } from '../support/factories.ts';
import { buildApp } from '../../src/main/build-app.ts';

/** Whether a query is the organ scope's catalog question: which organs have a catalog node (a distinct read of catalog_nodes). */
const asksCatalog = (node: RootOperationNode) => {
  const text = JSON.stringify(node);
  return node.kind === 'SelectQueryNode' && text.includes('"catalog_nodes"') && /"distinct"|DistinctNode|"DISTINCT"/i.test(text);
};

/**
 * The staff organ scope (the one staff context) knows which organs have a catalog node — for 新建信息
 * on 工作台 and 信息管理 only. It is asked when one of them asks, at most once a request; every other
 * back-office page (待办 here, which also builds its reminders on the organ scope) never asks it.
 */
describeEachDialect('the organ scope’s catalog question on staff pages', (db) => {
  it('is asked once by 工作台 and 信息管理, and never by a page that does not need it', async () => {
    let asked = 0;
    const counter: KyselyPlugin = {
      transformQuery: (a) => { if (asksCatalog(a.node)) asked++; return a.node; },
      transformResult: async (a) => a.result,
    };
    const base = buildDeps(db());
    const app = await buildApp({ ...base, db: db().db.withPlugin(counter) }, { publicUrl: null });
    const organ = await createOrgan(base);
    await createNode(base, organ.id);
    const officer = await createActor(base, organ.code, 'organ_admin');
    const { cookies } = await loginAs(app, officer.username, officer.password);
    const count = async (url: string) => {
      asked = 0;
      const res = await app.inject({ url, cookies });
      expect(res.statusCode, url).toBe(200);
      return asked;
    };
    expect(await count('/admin/review')).toBe(0);
    expect(await count('/admin/account')).toBe(0);
    expect(await count(`/admin/applications?organ=${organ.code}`)).toBe(0);
    expect(await count('/admin')).toBe(1);
    expect(await count('/admin/publications')).toBe(1);
    // And what they offer still follows it: 新建信息 where the organ has a catalog node.
    expect((await app.inject({ url: '/admin', cookies })).body).toContain(`/admin/organs/${organ.code}/publications/new`);
    await app.close();
  });
});
