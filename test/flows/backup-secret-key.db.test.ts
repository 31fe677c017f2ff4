import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dirs.ts';
import { DIALECTS, createTestDatabase } from '../support/db.ts';
import { buildDeps, createOrgan, createStaff } from '../support/factories.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { DialectName } from '../../src/platform/db/dialect.ts';
import { createBackup, restoreBackup, type BackupTarget } from '../../src/platform/backup/backup.ts';
import { createSecretBox } from '../../src/platform/secrets/secret-box.ts';
import { loadOrCreateSecretKey, SECRET_KEY_FILE } from '../../src/platform/secrets/secret-key.ts';
import { beginTwoStep, twoStepStatus } from '../../src/modules/identity/use-cases/two-step.ts';
import { main } from '../../src/main/cli.ts';

type Site = { handle: DatabaseHandle; target: BackupTarget; drop(): Promise<void> };
async function openSite(dialect: DialectName): Promise<Site> {
  const dataDir = makeTempDir('data');
  if (dialect === 'sqlite') {
    const handle = openDatabase({ databaseUrl: null, dataDir });
    await migrateToLatest(handle.db, 'sqlite');
    return { handle, target: { dataDir, databaseUrl: null }, drop: () => handle.destroy() };
  }
  const pg = await createTestDatabase('postgres');
  return { handle: pg, target: { dataDir, databaseUrl: pg.url! }, drop: pg.drop };
}
/** A site's deps with the box of its own data directory's key file, as the server has them. */
const depsOf = (site: { handle: DatabaseHandle; target: BackupTarget }) => ({
  ...buildDeps(site.handle), dataDir: site.target.dataDir, secretBox: createSecretBox(loadOrCreateSecretKey(site.target.dataDir, null).key),
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

for (const dialect of DIALECTS) {
  describe(`backup and the secret key [${dialect}] (ADR 0025)`, () => {
    it('leaves secret.key out of the backup; a restore over this machine\'s data keeps its key, so sealed secrets still open', async () => {
      const source = await openSite(dialect);
      cleanups.push(source.drop);
      const deps = depsOf(source);
      const organ = await createOrgan(deps);
      const u = await createStaff(deps, organ.code, 'editor');
      const { secret } = await beginTwoStep(deps, { userId: u.id, username: u.username });
      const key = fs.readFileSync(path.join(source.target.dataDir, SECRET_KEY_FILE), 'utf8');

      const out = path.join(makeTempDir('backup'), 'gongkai.tar.gz');
      const made = await createBackup(source.target, out, new Date('2026-12-06T08:00:00Z'));
      expect(made.manifest.files.map((f) => f.path)).not.toContain(SECRET_KEY_FILE);
      const entries: string[] = [];
      await tar.list({ file: out, onReadEntry: (e) => { entries.push(e.path); } });
      expect(entries.some((p) => p.endsWith(SECRET_KEY_FILE))).toBe(false);
      expect(entries).toContain('manifest.json');

      // Restored over the same machine's data (the usual roll-back): the key in place stays.
      if (dialect === 'sqlite') await source.handle.destroy();
      const r = await restoreBackup(source.target, out, { force: true }, new Date('2026-12-06T09:00:00Z'));
      cleanups.push(async () => fs.rmSync(r.keptOldDataAt!, { recursive: true, force: true }));
      expect(r.keptSecretKey).toBe(true);
      expect(fs.readFileSync(path.join(source.target.dataDir, SECRET_KEY_FILE), 'utf8')).toBe(key);
      expect(fs.statSync(path.join(source.target.dataDir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
      const handle = dialect === 'sqlite' ? openDatabase({ databaseUrl: null, dataDir: source.target.dataDir }) : openDatabase({ databaseUrl: source.target.databaseUrl, dataDir: source.target.dataDir });
      cleanups.push(() => handle.destroy());
      const after = depsOf({ handle, target: source.target });
      expect((await twoStepStatus(after, { userId: u.id, username: u.username })).pending?.secret).toBe(secret);
    });

    it('a restore onto a new machine has no key file until the operator puts the kept one back', async () => {
      const source = await openSite(dialect);
      cleanups.push(source.drop);
      loadOrCreateSecretKey(source.target.dataDir, null);
      const out = path.join(makeTempDir('backup'), 'gongkai.tar.gz');
      await createBackup(source.target, out, new Date('2026-12-06T08:00:00Z'));
      const target: BackupTarget = dialect === 'sqlite'
        ? { dataDir: path.join(makeTempDir('restore'), 'data'), databaseUrl: null }
        : await (async () => { const s = await openSite(dialect); cleanups.push(s.drop); return s.target; })();
      const r = await restoreBackup(target, out, { force: dialect === 'postgres' }, new Date());
      expect(r.keptSecretKey).toBe(false);
      expect(fs.existsSync(path.join(target.dataDir, SECRET_KEY_FILE))).toBe(false);
    });
  });
}

describe('backup and restore commands say where the secret key is', () => {
  it('tells the operator to keep secret.key apart, and after a restore whether it was kept', async () => {
    const saved = { ...process.env };
    try {
      process.env.GONGKAI_DATA_DIR = makeTempDir('cli');
      delete process.env.DATABASE_URL;
      delete process.env.GONGKAI_SECRET_KEY;
      const out: string[] = [];
      const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s) };
      expect(await main(['migrate'], io)).toBe(0);
      expect(fs.existsSync(path.join(process.env.GONGKAI_DATA_DIR, SECRET_KEY_FILE))).toBe(true);
      const file = path.join(makeTempDir('backup'), 'cli.tar.gz');
      expect(await main(['backup', file], io)).toBe(0);
      expect(out.join('\n')).toContain('secret.key（两步验证密钥的加密密钥）有意不放入备份');
      process.env.GONGKAI_DATA_DIR = path.join(makeTempDir('cli-restore'), 'data');
      expect(await main(['restore', file], io)).toBe(0);
      expect(out.join('\n')).toContain('备份中不含 secret.key：启动服务或运行其他命令之前');
    } finally {
      process.env = saved;
    }
  });
});
