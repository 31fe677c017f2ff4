import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli.ts';
import { captureIo } from '../support/cli.ts';
import { makeTempDir } from '../support/temp-dirs.ts';

// An outside tester ran a look-up (`token list`) in a fresh checkout: it created and migrated an empty
// data/gongkai.sqlite (with audit.key and secret.key beside it) and answered 没有 API 令牌. A command that
// only reads or changes existing data refuses where there is no database and creates nothing; the
// commands meant to make one still do (docs/operations.md, "Which commands create the database").
// SQLite only: with DATABASE_URL the operator names a database that must already exist.
describe('./bin/gongkai where there is no database', () => {
  const saved = { ...process.env };
  let dataDir = '';
  beforeAll(() => {
    delete process.env.DATABASE_URL;
    delete process.env.GONGKAI_SMTP_URL;
    delete process.env.GONGKAI_MAIL_FROM;
  });
  afterAll(() => {
    process.env = saved;
  });
  const fresh = () => {
    // A data directory that does not exist yet, as ./data in a fresh checkout.
    dataDir = path.join(makeTempDir('no-database'), 'data');
    process.env.GONGKAI_DATA_DIR = dataDir;
    return dataDir;
  };
  const run = async (argv: string[]) => {
    const c = captureIo();
    const code = await main(argv, { ...c.io, readSecret: async () => 'long-enough-1' });
    return { code, out: c.out.join('\n'), err: c.err.join('\n') };
  };

  it.each([
    [['token', 'list']],
    [['token', 'create', '--user', 'admin', '--name', '数据交换']],
    [['token', 'revoke', '1']],
    [['user', 'add', '--username', 'wang', '--password', 'long-enough-1', '--name', '王某', '--organ', 'qlx']],
    [['user', 'reset-2fa', '--username', 'admin']],
    [['user', 'set-password', '--username', 'admin', '--password', 'long-enough-1']],
    [['user', 'reactivate', '--username', 'admin']],
    [['audit', 'verify']],
    [['audit', 'new-key', '--old-key-lost']],
    [['import', 'applications', 'ledger.csv', '--organ', 'qlx']],
    [['import', 'appeals', 'appeals.csv', '--organ', 'qlx']],
    [['import', 'items', 'items.csv', '--organ', 'qlx']],
    [['import', 'site', 'list.csv', '--organ', 'qlx', '--pages', 'pages']],
    [['export', 'items', '--organ', 'qlx', '--format', 'json']],
    [['directory', 'import', '--organ', 'qlx', '--template', 'zhujian-nongcun-weifang']],
    [['directory', 'coverage', '--organ', 'qlx']],
    [['report', 'reminders']],
    [['report', 'annual', '--organ', 'qlx', '--year', '2025', '--format', 'json']],
    [['reindex']],
    [['inspect', '--offline']],
    [['export-site', 'OUT/site-copy']],
    [['archive', '--organ', 'qlx', '--year', '2025', 'OUT/archive-2025']],
  ])('%j refuses in Chinese, exit 1, and creates nothing', async (argv) => {
    const dir = fresh();
    // Files a command would write go under the temp folder, never the working directory.
    const r = await run(argv.map((a) => a.replace(/^OUT\//, `${path.dirname(dir)}/`)));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('ERR_CLI_NO_DATABASE');
    expect(r.err).toContain(`没有数据库：${path.join(dir, 'gongkai.sqlite')}`);
    expect(r.err).toContain('npm start');
    expect(r.err).toContain('DATABASE_URL');
    expect(fs.readdirSync(path.dirname(dir))).toEqual([]);
  });

  it('remind, with its mail server set, refuses the same way', async () => {
    const dir = fresh();
    process.env.GONGKAI_SMTP_URL = 'smtp://127.0.0.1:2525';
    process.env.GONGKAI_MAIL_FROM = 'gongkai@example.org';
    try {
      const r = await run(['remind']);
      expect(r.code).toBe(1);
      expect(r.err).toContain('ERR_CLI_NO_DATABASE');
    } finally {
      delete process.env.GONGKAI_SMTP_URL;
      delete process.env.GONGKAI_MAIL_FROM;
    }
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('an existing data directory without the database file is left as it was', async () => {
    const dir = fresh();
    fs.mkdirSync(dir);
    expect((await run(['token', 'list'])).code).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('commands that need no database still run and create nothing', async () => {
    const dir = fresh();
    expect((await run(['directory', 'list'])).code).toBe(0);
    expect((await run(['deadline', '--received', '2026-12-15'])).code).toBe(0);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('migrate and organ add create the database, and the refused commands then run', async () => {
    let dir = fresh();
    expect((await run(['migrate'])).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'gongkai.sqlite'))).toBe(true);
    expect(await run(['token', 'list'])).toMatchObject({ code: 0, out: '没有 API 令牌' });

    dir = fresh();
    const organ = await run(['organ', 'add', '--code', 'lx', '--name', '岚溪县人民政府', '--kind', 'government', '--credit-code', '11341525000000001K']);
    expect(organ.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'gongkai.sqlite'))).toBe(true);
    expect((await run(['audit', 'verify'])).code).toBe(0);
  });
});
