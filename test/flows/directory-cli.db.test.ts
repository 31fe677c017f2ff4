import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/db.ts';
import { makeTempDir } from '../support/temp-dirs.ts';
import { captureIo as capture, freshCliEnvironment } from '../support/cli.ts';
import { main } from '../../src/main/cli.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';
import { buildDeps, createNode, createOrgan } from '../support/factories.ts';

/** `./bin/gongkai directory …` (docs/standard-directories.md) on both databases. */
for (const dialect of DIALECTS) {
  describe(`./bin/gongkai directory on ${dialect}`, () => {
    const saved = { ...process.env };
    let drop: (() => Promise<void>) | undefined;
    let handle: ReturnType<typeof openDatabase>;

    beforeAll(async () => {
      drop = (await freshCliEnvironment(dialect, 'cli')).drop;
      expect(await main(['migrate'], capture().io)).toBe(0);
      handle = openDatabase({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir: process.env.GONGKAI_DATA_DIR! });
    });
    afterAll(async () => {
      await handle.destroy();
      process.env = saved;
      await drop?.();
    });

    it('lists the shipped templates', async () => {
      const c = capture();
      expect(await main(['directory', 'list'], c.io)).toBe(0);
      expect(c.out.join('\n')).toMatch(/zhujian-baozhangxing-zhufang\t保障性住房\t8 个栏目，13 项事项/);
    });

    it('imports a template under a node named by its path, twice without duplicating, and lists the 事项 still missing', async () => {
      const d = buildDeps(handle);
      const organ = await createOrgan(d);
      await createNode(d, organ.id, { name: '重点领域' });
      let c = capture();
      expect(await main(['directory', 'import', '--organ', organ.code, '--template', 'zhujian-nongcun-weifang', '--under', '重点领域'], c.io)).toBe(0);
      expect(c.out.join('')).toContain('已导入“农村危房改造”标准目录');
      expect(c.out.join('')).toContain('新增栏目 5 个');
      // Audited as every command: 系统：命令行.
      const labels = await handle.db.selectFrom('audit_events').select('actor_label').where('organ_id', '=', organ.id).where('action', 'like', 'catalog.%').execute();
      expect(labels.length).toBeGreaterThan(0);
      expect(new Set(labels.map((l) => l.actor_label))).toEqual(new Set(['系统：命令行']));
      c = capture();
      expect(await main(['directory', 'import', '--organ', organ.code, '--template', 'zhujian-nongcun-weifang', '--under', '重点领域'], c.io)).toBe(0);
      expect(c.out.join('')).toContain('目录中已有全部栏目和 7 项事项，未做改动');
      const nodes = await handle.db.selectFrom('catalog_nodes').select(['name']).where('organ_id', '=', organ.id).execute();
      expect(nodes.filter((n) => n.name === '农村危房改造')).toHaveLength(1);
      c = capture();
      expect(await main(['directory', 'coverage', '--organ', organ.code], c.io)).toBe(0);
      expect(c.out[0]).toContain('标准目录事项 7 项，尚无信息 7 项');
      expect(c.out.join('\n')).toContain('缺 重点领域 > 农村危房改造 > 补助对象认定 · 补助对象审核审批结果公示（结果公开）');
    });

    it('refuses a bad template file in Chinese, importing nothing', async () => {
      const d = buildDeps(handle);
      const organ = await createOrgan(d);
      const file = path.join(makeTempDir('template'), 'mine.json');
      fs.writeFileSync(file, JSON.stringify({ format: 'gongkai.standard-directory/1', id: 'mine', area: '测试', title: '测试', department: '住建', basis: ['条例'], nodes: [{ name: '甲', matters: [{ key: 'a', name: '甲事项', stage: '公开' }] }] }));
      const c = capture();
      expect(await main(['directory', 'import', '--organ', organ.code, '--file', file], c.io)).toBe(1);
      expect(c.err.join('')).toContain('错误（ERR_CATALOG_TEMPLATE_INVALID）：标准目录模板文件 mine.json 有误：nodes[0].matters[0].stage：过程 stage 应为 决策、执行、管理、服务 或 结果');
      expect(c.err.join('')).toContain('缺少公开时限 timeLimit');
      expect(await handle.db.selectFrom('catalog_nodes').select('id').where('organ_id', '=', organ.id).execute()).toEqual([]);
      const u = capture();
      expect(await main(['directory', 'import', '--organ', organ.code], u.io)).toBe(2);
      expect(u.err.join('')).toContain('请用 --template 指定模板编号，或用 --file 指定模板文件');
    });
  });
}
