import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dirs.ts';
import { DIALECTS, createTestDatabase } from '../support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished, system } from '../support/factories.ts';
import { buildApp } from '../../src/main/build-app.ts';
import { main } from '../../src/main/cli.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { DialectName } from '../../src/platform/db/dialect.ts';
import { createBackup, restoreBackup, type BackupTarget } from '../../src/platform/backup/backup.ts';
import { addAttachment } from '../../src/modules/catalog/index.ts';
import { verifyAuditLog } from '../../src/modules/audit/index.ts';
import { publishImported } from '../../src/modules/review/index.ts';

/** A platform's data: a database of the dialect and a data directory (SQLite lives inside it). */
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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

for (const dialect of DIALECTS) {
  describe(`backup and restore [${dialect}]`, () => {
    it('restores the portal, its attachments and the audit chain as they were when the backup was taken while the server ran', async () => {
      const source = await openSite(dialect);
      cleanups.push(source.drop);
      const deps = { ...buildDeps(source.handle), dataDir: source.target.dataDir };
      const organ = await createOrgan(deps);
      const nodeId = await createNode(deps, organ.id);
      const draft = await createDraft(deps, organ.id, [nodeId], { title: '关于公布2026年保障性住房分配结果的公告' });
      const attachmentId = await addAttachment(deps, system, draft.id, { fileName: '分配结果.pdf', bytes: PDF });
      await publishImported(deps, system, draft.id);
      const app = await buildApp(deps, { publicUrl: null });
      cleanups.push(() => app.close());
      const nodeUrl = `/organs/${organ.code}/catalog/${nodeId}`;
      const attachmentUrl = `/attachments/${attachmentId}/${encodeURIComponent('分配结果.pdf')}`;
      const before = await app.inject({ method: 'GET', url: nodeUrl });
      expect(before.statusCode).toBe(200);

      const out = path.join(makeTempDir('backup'), 'gongkai.tar.gz');
      const made = await createBackup(source.target, out, new Date('2026-12-03T08:00:00Z'));
      expect(made.manifest.dialect).toBe(dialect);
      expect(made.manifest.files.map((f) => f.path)).toContainEqual(expect.stringMatching(/^attachments\/.+\.pdf$/));
      expect(made.manifest.files.map((f) => f.path)).not.toContain('gongkai.sqlite');
      expect(fs.readFileSync(`${out}.sha256`, 'utf8')).toBe(`${made.sha256}  gongkai.tar.gz\n`);
      // Written after the backup: the restore must not know it.
      const later = await createPublished(deps, organ.id, [nodeId], { title: '备份之后发布的信息' });

      // SQLite restores into a data directory that does not exist yet; PostgreSQL into a migrated database.
      const restored = dialect === 'sqlite'
        ? { target: { dataDir: path.join(makeTempDir('restore'), 'data'), databaseUrl: null }, handle: null }
        : await openSite(dialect);
      if (restored.handle) cleanups.push((restored as Site).drop);
      if (dialect === 'postgres') {
        // The target database is migrated (it has tables): replacing it needs --force.
        await expect(restoreBackup(restored.target, out, { force: false }, new Date())).rejects.toMatchObject({ code: 'ERR_RESTORE_TARGET_NOT_EMPTY' });
      }
      const r = await restoreBackup(restored.target, out, { force: dialect === 'postgres' }, new Date());
      expect(r.manifest.createdAt).toBe('2026-12-03T08:00:00.000Z');
      const handle = restored.handle ?? openDatabase({ databaseUrl: null, dataDir: restored.target.dataDir });
      if (dialect === 'sqlite') cleanups.push(() => handle.destroy());
      const deps2 = { ...buildDeps(handle), dataDir: restored.target.dataDir };
      const app2 = await buildApp(deps2, { publicUrl: null });
      cleanups.push(() => app2.close());

      const after = await app2.inject({ method: 'GET', url: nodeUrl });
      expect(after.statusCode).toBe(200);
      expect(after.body).toBe(before.body);
      const file = await app2.inject({ method: 'GET', url: attachmentUrl });
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(PDF)).toBe(true);
      expect((await app2.inject({ method: 'GET', url: `/organs/${organ.code}/items/${later.id}` })).statusCode).toBe(404);
      expect((await verifyAuditLog(handle.db, { expectHeads: [] })).breaks).toEqual([]);
    });
  });
}

describe('backup and restore refusals', () => {
  async function backedUpSqlite() {
    const source = await openSite('sqlite');
    cleanups.push(source.drop);
    const deps = { ...buildDeps(source.handle), dataDir: source.target.dataDir };
    const organ = await createOrgan(deps);
    const nodeId = await createNode(deps, organ.id);
    const draft = await createDraft(deps, organ.id, [nodeId]);
    await addAttachment(deps, system, draft.id, { fileName: '附件.pdf', bytes: PDF });
    const out = path.join(makeTempDir('backup'), 'b.tar.gz');
    await createBackup(source.target, out, new Date());
    return { source, out };
  }

  it('never overwrites an existing backup file', async () => {
    const { source, out } = await backedUpSqlite();
    await expect(createBackup(source.target, out, new Date())).rejects.toMatchObject({ code: 'ERR_BACKUP_FILE_EXISTS' });
  });

  it('refuses a damaged archive, a non-empty target without --force and the wrong database kind, touching nothing', async () => {
    const { source, out } = await backedUpSqlite();
    const target = { dataDir: path.join(makeTempDir('restore'), 'data'), databaseUrl: null };

    fs.writeFileSync(`${out}.sha256`, `${'0'.repeat(64)}  b.tar.gz\n`);
    await expect(restoreBackup(target, out, { force: false }, new Date())).rejects.toMatchObject({ code: 'ERR_RESTORE_CHECKSUM' });
    fs.rmSync(`${out}.sha256`);
    expect(fs.existsSync(target.dataDir)).toBe(false);

    await expect(restoreBackup({ ...target, databaseUrl: 'postgres://postgres@127.0.0.1:5432/none' }, out, { force: false }, new Date()))
      .rejects.toMatchObject({ code: 'ERR_RESTORE_DIALECT' });

    // Restoring over the source itself: it holds data, so --force is needed, and the old data is kept aside.
    await source.handle.destroy();
    await expect(restoreBackup(source.target, out, { force: false }, new Date())).rejects.toMatchObject({ code: 'ERR_RESTORE_TARGET_NOT_EMPTY' });
    const r = await restoreBackup(source.target, out, { force: true }, new Date('2026-12-03T09:30:00Z'));
    expect(r.keptOldDataAt).toBe(`${path.resolve(source.target.dataDir)}.before-restore-20261203T093000`);
    expect(fs.existsSync(path.join(r.keptOldDataAt!, 'gongkai.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(source.target.dataDir, 'gongkai.sqlite'))).toBe(true);
    fs.rmSync(r.keptOldDataAt!, { recursive: true, force: true });

    const notBackup = path.join(makeTempDir('junk'), 'not-a-backup.tar.gz');
    fs.writeFileSync(notBackup, 'this is not an archive');
    await expect(restoreBackup(target, notBackup, { force: false }, new Date())).rejects.toMatchObject({ code: 'ERR_RESTORE_NOT_A_BACKUP' });
    expect(fs.existsSync(target.dataDir)).toBe(false);
  });

  it('runs from the command line on the configured data directory', async () => {
    const saved = { ...process.env };
    try {
      process.env.GONGKAI_DATA_DIR = makeTempDir('cli');
      delete process.env.DATABASE_URL;
      const out: string[] = [];
      const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s) };
      expect(await main(['migrate'], io)).toBe(0);
      const file = path.join(makeTempDir('backup'), 'cli.tar.gz');
      expect(await main(['backup', file], io)).toBe(0);
      expect(out.join('\n')).toMatch(/已备份：SQLite 数据库/);
      expect(await main(['backup'], io)).toBe(2);
      expect(await main(['restore', file], io)).toBe(1);
      expect(out.join('\n')).toMatch(/ERR_RESTORE_TARGET_NOT_EMPTY/);
    } finally {
      process.env = saved;
    }
  });
});
