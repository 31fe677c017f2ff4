import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/db.ts';
import { freshCliEnvironment } from '../../test/support/cli.ts';
import { loadConfig } from '../platform/config/config.ts';
import { makeDeps, prepareDatabase } from './bootstrap.ts';

/**
 * A first start that stopped after the demo's organs were written (one transaction, ADR 0004) left the rest of the demo
 * — its files, standard directory, proposals, consultations, search log — undone for good: every later start found the
 * database no longer empty and loaded nothing. The next start now completes it. The failures are real ones: a file
 * where the demo's attachments go, then the search log's table moved away (its write fails and is logged).
 */
for (const dialect of DIALECTS) {
  describe(`a first start that stopped while loading the demo on ${dialect}`, () => {
    const saved = { ...process.env };
    let drop: (() => Promise<void>) | undefined;
    let dataDir = '';
    beforeAll(async () => {
      ({ dataDir, drop } = await freshCliEnvironment(dialect, 'demo-resume'));
      delete process.env.GONGKAI_DEMO;
      process.env.GONGKAI_ADMIN_PASSWORD = 'Tester-Pass-2026';
      process.env.LOG_LEVEL = 'silent';
    });
    afterAll(async () => {
      process.env = saved;
      await drop?.();
    });

    const start = async () => {
      const said: string[] = [];
      const { deps, handle } = makeDeps(loadConfig());
      try {
        await prepareDatabase(deps, loadConfig(), (line) => said.push(line));
        return { said, error: null };
      } catch (e) {
        return { said, error: e as Error & { code?: string } };
      } finally {
        await handle.destroy();
      }
    };
    const onDatabase = async <T>(fn: (deps: ReturnType<typeof makeDeps>['deps']) => Promise<T>): Promise<T> => {
      const { deps, handle } = makeDeps(loadConfig());
      try {
        return await fn(deps);
      } finally {
        await handle.destroy();
      }
    };

    it('is completed by the next start, and the search log is said to be loaded only once it is written', async () => {
      const blocker = path.join(dataDir, 'attachments', 'demo');
      fs.mkdirSync(path.dirname(blocker), { recursive: true });
      fs.writeFileSync(blocker, 'not a folder');
      const first = await start();
      expect(first.error).not.toBeNull();
      expect(first.said.join('\n')).not.toContain('已载入演示数据');

      // The next start, with the files writable again but the search log's table away.
      fs.rmSync(blocker);
      await onDatabase((deps) => sql`alter table search_terms rename to search_terms_away`.execute(deps.db));
      const second = await start();
      expect(second.error?.message).toContain('演示检索记录未能写入数据库');
      expect(second.said).toContain('上次启动未载入完演示数据，已继续载入：规范性文件的 PDF 附件、标准目录、建议提案、意见征集、征求意见公告的意见征集');
      expect(second.said.join('\n')).not.toContain('已载入演示检索记录');

      await onDatabase((deps) => sql`alter table search_terms_away rename to search_terms`.execute(deps.db));
      const third = await start();
      expect(third.error).toBeNull();
      expect(third.said.find((l) => l.startsWith('已载入演示检索记录：最近 90 天'))).toBeDefined();
      expect(third.said).toContain('已创建管理员账号 admin（密码为 GONGKAI_ADMIN_PASSWORD 的值）');
      expect(third.said.join('\n')).not.toContain('上次启动未载入完');

      const counts = await onDatabase(async (deps) => {
        const n = async (table: 'attachments' | 'proposals' | 'consultations' | 'directory_matters' | 'search_terms') =>
          Number((await deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        const normative = await deps.db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id')
          .select((eb) => eb.fn.countAll().as('n')).where('o.code', '=', 'qlx-zjj').where('p.doc_type', '=', 'normative_document').executeTakeFirstOrThrow();
        return { attachments: await n('attachments'), normative: Number(normative.n), proposals: await n('proposals'), consultations: await n('consultations'), matters: await n('directory_matters'), terms: await n('search_terms') };
      });
      expect(counts.attachments).toBe(counts.normative);
      expect(counts.normative).toBeGreaterThan(0);
      expect(counts.proposals).toBeGreaterThan(0);
      expect(counts.consultations).toBeGreaterThan(0);
      expect(counts.matters).toBeGreaterThan(0);
      expect(counts.terms).toBeGreaterThan(0);

      // A restart after it has nothing more to load.
      const fourth = await start();
      expect(fourth.error).toBeNull();
      expect(fourth.said.join('\n')).not.toMatch(/演示/);
    }, 600_000);
  });
}
