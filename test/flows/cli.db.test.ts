import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/db.ts';
import { captureIo as capture, freshCliEnvironment } from '../support/cli.ts';
import { main } from '../../src/main/cli.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';


for (const dialect of DIALECTS) {
  describe(`./bin/gongkai on ${dialect}`, () => {
    const saved = { ...process.env };
    let drop: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      drop = (await freshCliEnvironment(dialect, 'cli')).drop;
    });
    afterAll(async () => {
      process.env = saved;
      await drop?.();
    });

    it('migrates, seeds the demo region once, and refuses a second seed without changing anything', async () => {
      let c = capture();
      expect(await main(['migrate'], c.io)).toBe(0);
      c = capture();
      expect(await main(['seed', '--demo'], c.io)).toBe(0);
      expect(c.out.join('')).toMatch(/已载入演示数据：\d+ 个机关/);
      c = capture();
      expect(await main(['seed', '--demo'], c.io)).toBe(1);
      expect(c.err.join('')).toContain('ERR_SEED_DEMO_EXISTS');

      const handle = openDatabase({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir: process.env.GONGKAI_DATA_DIR! });
      try {
        const rows = await handle.db
          .selectFrom('publications as p')
          .innerJoin('organs as o', 'o.id', 'p.organ_id')
          .select(['p.stage', (eb) => eb.fn.countAll<number>().as('n')])
          .where('o.name', 'like', '%住房和城乡建设局')
          .where('p.status', '=', 'published')
          .where('p.published_on', '>=', '2020-01-01')
          .where('p.published_on', '<=', '2020-12-31')
          .groupBy('p.stage')
          .execute();
        const byStage = Object.fromEntries(rows.map((r) => [r.stage, Number(r.n)]));
        expect(byStage).toEqual({ decision: 87, execution: 63, management: 109, service: 56, result: 105 });
        const late = await handle.db.selectFrom('publications').select(['published_on', 'proactive_due_on']).where('published_late', '=', 1).execute();
        expect(late.length).toBeGreaterThan(0);
        expect(late.every((r) => r.published_on! > r.proactive_due_on!)).toBe(true);
        const indexNumbers = await handle.db.selectFrom('publications').select('index_number').execute();
        expect(new Set(indexNumbers.map((r) => r.index_number)).size).toBe(indexNumbers.length);
      } finally {
        await handle.destroy();
      }
    }, 120_000);

    it('adds a user, creates a token and verifies the audit chain; bad input exits non-zero in Chinese', async () => {
      let c = capture();
      expect(await main(['user', 'add', '--username', 'wang', '--password', 'long-enough-1', '--name', '王某', '--organ', 'qlx-zjj', '--role', 'organ_admin'], c.io)).toBe(0);
      c = capture();
      expect(await main(['user', 'add', '--username', 'li', '--password', 'short', '--name', '李某', '--organ', 'qlx-zjj'], c.io)).toBe(1);
      expect(c.err.join('')).toContain('密码至少需要 8 个字符');
      c = capture();
      expect(await main(['user', 'add', '--username', 'li'], c.io)).toBe(2);
      expect(c.err.join('')).toContain('缺少 --password');
      c = capture();
      expect(await main(['token', 'create', '--user', 'wang', '--name', '数据交换'], c.io)).toBe(0);
      expect(c.out[0]).toMatch(/^gk_[A-Za-z0-9_-]{40,}$/);
      // token list dates the token by the day in China (found by an outside tester: 01:30 Beijing time printed the day before).
      const handle = openDatabase({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir: process.env.GONGKAI_DATA_DIR! });
      try {
        await handle.db.updateTable('api_tokens').set({ created_at: '2026-03-10T17:30:00.000Z', expires_at: '2099-06-30T16:30:00.000Z' }).where('name', '=', '数据交换').execute();
      } finally {
        await handle.destroy();
      }
      c = capture();
      expect(await main(['token', 'list', '--user', 'wang'], c.io)).toBe(0);
      expect(c.out.join('')).toContain('创建 2026-03-11');
      expect(c.out.join('')).toContain('到期 2099-07-01');
      c = capture();
      expect(await main(['audit', 'verify'], c.io)).toBe(0);
      expect(c.out.join('')).toContain('哈希链（密钥 HMAC）校验通过');
      // The key lives outside the database, readable by its owner only; a printed head can be checked later.
      expect(fs.statSync(path.join(process.env.GONGKAI_DATA_DIR!, 'audit.key')).mode & 0o777).toBe(0o600);
      const printed = /链头哈希：([0-9a-f]{64})/.exec(c.out.join('\n'))![1];
      c = capture();
      expect(await main(['audit', 'verify', '--expect-head', printed], c.io)).toBe(0);
      c = capture();
      expect(await main(['audit', 'verify', '--expect-head', 'f'.repeat(64)], c.io)).toBe(1);
      expect(c.err.join('')).toContain(`另行记录的链头哈希 ${'f'.repeat(64)} 不在当前审计日志中`);
      c = capture();
      expect(await main(['audit', 'verify', '--expect-head', 'abc'], c.io)).toBe(2);
      c = capture();
      expect(await main(['frobnicate'], c.io)).toBe(2);
    });
  });
}
