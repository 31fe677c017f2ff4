import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { createCountyBureau } from '../../../../test/support/county-bureau.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan } from '../../../../test/support/factories.ts';
import { runReindexCommand } from './reindex-command.ts';

/**
 * `reindex --organ` given an internal unit's code (股室, which publishes nothing in its own name): an outside tester ran
 * it with 村镇建设股's code and was told 检索索引已重建：0 条公开信息, exit 0 — as if the unit's items were rebuilt. It
 * rebuilds the organ that publishes for the unit, as a search with the unit's code searches that organ, and says so.
 */
describeEachDialect('reindex --organ', (db) => {
  it('given a unit’s code rebuilds the organ that publishes for it and names both', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const { bureau, item } = await createCountyBureau(deps);
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: bureau.code, name: '村镇建设股' });
    await item('关于农村危房改造的通知', '农村危房改造。');
    await item('关于村镇建设的通知', '村镇建设。');
    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: () => {}, progress: () => {} };
    expect(await runReindexCommand(['--organ', unit.code], io, deps)).toBe(0);
    expect(out.join('\n')).toContain('检索索引已重建：2 条公开信息');
    expect(out.join('\n')).toContain('村镇建设股');
    expect(out.join('\n')).toContain(bureau.name);
    await app.close();
  });
});
