import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/db.ts';
import { captureIo as capture, freshCliEnvironment } from '../support/cli.ts';
import { main } from '../../src/main/cli.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { makeDeps, prepareDatabase } from '../../src/main/bootstrap.ts';

/**
 * A real deployment starts without the invented demo region (GONGKAI_DEMO=false): the database
 * stays empty, the operator adds the first organ with `organ add`, and the next start creates the
 * administrator in it (README, "Start without the demo").
 */

for (const dialect of DIALECTS) {
  describe(`a start without the demo on ${dialect}`, () => {
    const saved = { ...process.env };
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      drop = (await freshCliEnvironment(dialect, 'no-demo')).drop;
      process.env.GONGKAI_DEMO = 'false';
      process.env.GONGKAI_ADMIN_PASSWORD = 'first-admin-pass';
    });
    afterAll(async () => {
      process.env = saved;
      await drop?.();
    });

    it('loads nothing, says how to add the first organ, and creates the administrator once there is one', async () => {
      const start = async () => {
        const said: string[] = [];
        const { deps, handle } = makeDeps(loadConfig());
        try {
          await prepareDatabase(deps, loadConfig(), (line) => said.push(line));
          const organs = await deps.db.selectFrom('organs').select('code').execute();
          const users = await deps.db.selectFrom('users').select(['username']).execute();
          const items = await deps.db.selectFrom('publications').select('id').execute();
          return { said: said.join('\n'), organs: organs.map((o) => o.code), users, items: items.length };
        } finally {
          await handle.destroy();
        }
      };
      const first = await start();
      expect(first).toMatchObject({ organs: [], users: [], items: 0 });
      expect(first.said).toContain('./bin/gongkai organ add');

      let c = capture();
      expect(await main(['organ', 'add', '--code', 'lx', '--name', '岚溪县人民政府', '--kind', 'government', '--credit-code', '11341525000000001K'], c.io)).toBe(0);
      expect(c.out.join('')).toContain('已新增机关 岚溪县人民政府（代码 lx）');
      c = capture();
      expect(await main(['organ', 'add', '--code', 'lx-zjj', '--name', '岚溪县住房和城乡建设局', '--kind', 'department', '--credit-code', '11341525000000002K'], c.io)).toBe(1);
      expect(c.err.join('')).toContain('政府部门和二级机构须选择上级机关');
      c = capture();
      expect(await main(['organ', 'add', '--code', 'lx-zjj', '--name', '岚溪县住房和城乡建设局', '--kind', 'department', '--credit-code', '11341525000000002K', '--parent', 'lx'], c.io)).toBe(0);
      c = capture();
      expect(await main(['organ', 'add', '--code', 'lx'], c.io)).toBe(2);
      expect(c.err.join('')).toContain('缺少 --name');

      const second = await start();
      expect(second.organs.sort()).toEqual(['lx', 'lx-zjj']);
      expect(second.users).toEqual([{ username: 'admin' }]);
      expect(second.items).toBe(0);
      expect(second.said).toContain('已创建管理员账号 admin');

      // The first start is the system, as the command line is (系统：命令行): it was recorded as a bare 首次启动.
      const { deps, handle } = makeDeps(loadConfig());
      try {
        const created = await deps.db.selectFrom('audit_events').select(['actor_user_id', 'actor_label', 'after_json']).where('action', '=', 'user.create').execute();
        expect(created).toHaveLength(1);
        expect(created[0]).toMatchObject({ actor_user_id: null, actor_label: '系统：首次启动' });
        expect(JSON.parse(created[0]!.after_json!)).toMatchObject({ username: 'admin', role: 'system_admin' });
      } finally {
        await handle.destroy();
      }
    }, 60_000);
  });
}
