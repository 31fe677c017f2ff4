import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/db.ts';
import { freshCliEnvironment } from '../support/cli.ts';
import { createNode, createOrgan, createPublished } from '../support/factories.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { makeDeps, prepareDatabase } from '../../src/main/bootstrap.ts';
import { backgroundJobs } from '../../src/main/background-jobs.ts';
import { searchPublications, TOKENIZER_VERSION } from '../../src/modules/search/index.ts';

/**
 * An upgrade whose tokenizer version changed what an index entry holds: the start no longer rebuilds the whole index
 * before serving (hours at a million items, the portal down meanwhile); it says so and serves, and the background job
 * rebuilds it (docs/search.md, "Keeping the index current").
 */
for (const dialect of DIALECTS) {
  describe(`the start after an upgrade of the search index on ${dialect}`, () => {
    const saved = { ...process.env };
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      drop = (await freshCliEnvironment(dialect, 'index-upgrade')).drop;
      process.env.GONGKAI_DEMO = 'false';
    });
    afterAll(async () => {
      process.env = saved;
      await drop?.();
    });

    it('serves at once and leaves the rebuild to the background job, which makes the index current', async () => {
      const { deps, handle } = makeDeps(loadConfig());
      try {
        const said: string[] = [];
        await prepareDatabase(deps, loadConfig(), (line) => said.push(line));
        expect(said.join('\n')).toContain('已建立检索索引：0 条公开信息');

        const organ = await createOrgan(deps);
        const node = await createNode(deps, organ.id);
        const item = await createPublished(deps, organ.id, [node], { title: '燃气安全检查通报' });
        await createPublished(deps, organ.id, [node], { title: '燃气管道改造公示' });
        // What the earlier version wrote: the entries of another version, and the first item's text changed since.
        await sql`update publications set title = ${'路灯维修工程竣工验收公示'} where id = ${item.id}`.execute(deps.db);
        await sql`update search_docs set tokenizer_version = ${TOKENIZER_VERSION - 1}`.execute(deps.db);
        await sql`update search_state set tokenizer_version = ${TOKENIZER_VERSION - 1}`.execute(deps.db);
        const found = async (q: string) => (await searchPublications(deps, { q, filters: { scopeOrganId: null }, sort: 'newest', page: 1, pageSize: 20 })).hits.map((h) => h.id);

        said.length = 0;
        await prepareDatabase(deps, loadConfig(), (line) => said.push(line));
        expect(said.join('\n')).toContain('检索索引由旧版本建立，服务照常启动，索引在后台逐批按新版本重建');
        // Not rebuilt before serving: the old entries answer.
        expect(await found('路灯维修')).toEqual([]);
        expect(await found('燃气安全')).toEqual([item.id]);

        const job = backgroundJobs(deps).find((j) => j.name === 'search-index-upgrade')!;
        expect(job.everySeconds).toBe(60);
        await job.run(new AbortController().signal);
        expect(await found('路灯维修')).toEqual([item.id]);
        expect(await found('燃气安全')).toEqual([]);

        said.length = 0;
        await prepareDatabase(deps, loadConfig(), (line) => said.push(line));
        expect(said.join('\n')).not.toContain('检索索引');
      } finally {
        await handle.destroy();
      }
    });
  });
}
