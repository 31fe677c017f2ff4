import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { runInspectCommand } from './inspect-command.ts';

function capture() {
  const out: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: () => {} }, out };
}

describeEachDialect('gongkai inspect', (db) => {
  it('prints the findings and the verdict as JSON and exits 1 on a veto, 0 on a clean organ', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const clean = await createOrgan(deps);
    const news = await createNode(deps, clean.id, { name: '工作动态' });
    await createPublished(deps, clean.id, [news], { formedOn: '2026-03-09' });
    const failing = await createOrgan(deps);
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: failing.code, name: `办公室${failing.id}` });
    for (let i = 1; i <= 5; i++) await createNode(deps, failing.id, { name: `空栏目${i}` });

    let c = capture();
    expect(await runInspectCommand(['--organ', clean.code, '--json'], c.io, deps)).toBe(0);
    let json = JSON.parse(c.out.join(''));
    expect(json).toMatchObject({ inspectedOn: '2026-03-10', vetoed: false, organs: [{ code: clean.code, verdict: { passed: true, score: 100 }, findings: [] }] });

    c = capture();
    expect(await runInspectCommand([`--organ=${failing.code}`, '--json'], c.io, deps)).toBe(1);
    json = JSON.parse(c.out.join(''));
    expect(json.organs[0].verdict.vetoes.filter((v: { failed: boolean }) => v.failed).map((v: { rule: string }) => v.rule)).toEqual(['home_not_updated', 'columns_empty']);
    expect(json.organs[0].findings).toHaveLength(5);
    expect(json.organs[0].findings[0]).toMatchObject({ kind: 'empty_node', title: '空栏目1', responsible: `${failing.name}（政务公开办公室）` });

    // Without --organ every organ is inspected except internal units; text output names each veto.
    c = capture();
    expect(await runInspectCommand([], c.io, deps)).toBe(1);
    const text = c.out.join('\n');
    expect(text).toContain(`${failing.name}（${failing.code}）：不合格（单项否决）`);
    expect(text).toContain('否决：空白栏目');
    expect(text).toContain(`${clean.name}（${clean.code}）：合格，100 分`);
    expect(text).not.toContain(`（${unit.code}）`);
  });

  it('refuses an unknown organ and unknown options', async () => {
    const deps = buildDeps(db());
    await expect(runInspectCommand(['--organ', 'no-such-organ'], capture().io, deps)).rejects.toMatchObject({ code: 'ERR_SUPERVISION_ORGAN_NOT_FOUND' });
    await expect(runInspectCommand(['--organ'], capture().io, deps)).rejects.toMatchObject({ code: 'ERR_CLI_USAGE' });
    await expect(runInspectCommand(['--verbose'], capture().io, deps)).rejects.toMatchObject({ code: 'ERR_CLI_USAGE' });
  });
});
