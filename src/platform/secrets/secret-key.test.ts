import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/temp-dirs.ts';
import { loadOrCreateSecretKey, parseSecretKey, SECRET_KEY_FILE } from './secret-key.ts';

const run = promisify(execFile);

describe('the secret key: GONGKAI_SECRET_KEY or secret.key in the data directory', () => {
  it('reads 32 bytes written as hex or base64, and nothing else', () => {
    const hex = 'ab'.repeat(32);
    expect(parseSecretKey(hex)).toEqual(Buffer.alloc(32, 0xab));
    expect(parseSecretKey(Buffer.alloc(32, 0xab).toString('base64'))).toEqual(Buffer.alloc(32, 0xab));
    expect(parseSecretKey(Buffer.alloc(32, 0xfb).toString('base64url'))).toEqual(Buffer.alloc(32, 0xfb));
    for (const bad of ['', 'ab'.repeat(31), Buffer.alloc(16).toString('base64'), 'x'.repeat(64), Buffer.alloc(33).toString('base64')]) expect(parseSecretKey(bad)).toBeNull();
  });

  it('uses GONGKAI_SECRET_KEY when set and writes no file', () => {
    const dir = makeTempDir('secret-key');
    const r = loadOrCreateSecretKey(dir, 'cd'.repeat(32));
    expect(r).toMatchObject({ key: Buffer.alloc(32, 0xcd), source: 'GONGKAI_SECRET_KEY', created: false });
    expect(fs.existsSync(path.join(dir, SECRET_KEY_FILE))).toBe(false);
    expect(() => loadOrCreateSecretKey(dir, 'short')).toThrow(/GONGKAI_SECRET_KEY/);
  });

  it('otherwise makes secret.key once (mode 0600) and reads the same key afterwards', () => {
    const dir = path.join(makeTempDir('secret-key'), 'data');
    const first = loadOrCreateSecretKey(dir, null);
    expect(first.created).toBe(true);
    expect(first.key).toHaveLength(32);
    const file = path.join(dir, SECRET_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateSecretKey(dir, null);
    expect(again).toMatchObject({ created: false, key: first.key, warnings: [] });
    expect(fs.readdirSync(dir)).toEqual([SECRET_KEY_FILE]);
  });

  it('refuses a damaged key file rather than replacing it, and warns when others may read it', () => {
    const dir = makeTempDir('secret-key');
    const file = path.join(dir, SECRET_KEY_FILE);
    fs.writeFileSync(file, 'not a key\n', { mode: 0o600 });
    expect(() => loadOrCreateSecretKey(dir, null)).toThrow(/secret\.key 内容有误/);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a key\n');
    fs.writeFileSync(file, `${'ef'.repeat(32)}\n`);
    fs.chmodSync(file, 0o644);
    expect(loadOrCreateSecretKey(dir, null).warnings.join()).toContain('chmod 600');
  });

  it('processes starting at once on one data directory agree on one key', async () => {
    const dir = makeTempDir('secret-key');
    const script = `import { loadOrCreateSecretKey } from ${JSON.stringify(path.resolve('src/platform/secrets/secret-key.ts'))};
      process.stdout.write(loadOrCreateSecretKey(${JSON.stringify(dir)}, null).key.toString('hex'));`;
    const outs = await Promise.all(Array.from({ length: 6 }, () => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script])));
    const keys = new Set(outs.map((o) => o.stdout));
    expect(keys.size).toBe(1);
    expect(fs.readFileSync(path.join(dir, SECRET_KEY_FILE), 'utf8').trim()).toBe([...keys][0]);
    expect(fs.readdirSync(dir)).toEqual([SECRET_KEY_FILE]);
  });
});
