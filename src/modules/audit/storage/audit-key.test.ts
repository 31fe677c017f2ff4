import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { AUDIT_KEY_FILE, AUDIT_KEYED_MARKER, loadOrCreateAuditKey } from './audit-key.ts';

/**
 * Creators released at the same instant, round after round, each on a fresh data directory: worker
 * threads, so they run at once on separate cores, held at a barrier (Atomics) until all are ready.
 * Each returns per round the key it read (hex) or its error's message.
 */
async function raceCreators(dirs: string[], creators: number): Promise<string[][]> {
  const shared = new SharedArrayBuffer(4 * dirs.length);
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    (async () => {
      const { register } = await import('tsx/esm/api');
      register();
      const { loadOrCreateAuditKey } = await import(workerData.module);
      const arrived = new Int32Array(workerData.shared);
      const out = [];
      for (let i = 0; i < workerData.dirs.length; i++) {
        Atomics.add(arrived, i, 1);
        while (Atomics.load(arrived, i) < workerData.creators) { /* all creators start this round together */ }
        try { out.push(loadOrCreateAuditKey(workerData.dirs[i], null).key.toString('hex')); } catch (e) { out.push('ERR ' + e.message); }
      }
      parentPort.postMessage(out);
    })().catch((e) => parentPort.postMessage(['FAILED ' + e.stack]));`;
  const module = new URL('./audit-key.ts', import.meta.url).href;
  return Promise.all(Array.from({ length: creators }, () => new Promise<string[]>((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { module, dirs, shared, creators } });
    w.once('message', (m: string[]) => { resolve(m); void w.terminate(); });
    w.once('error', reject);
  })));
}

describe('audit.key is created whole, once', () => {
  it('creators starting at the same moment all read the one key that won, never an empty or second key', { timeout: 120_000 }, async () => {
    const root = makeTempDir('audit-key-race');
    const dirs = Array.from({ length: 400 }, (_, i) => path.join(root, `data-${i}`));
    const results = await raceCreators(dirs, 3);
    const problems: string[] = [];
    dirs.forEach((dir, i) => {
      const read = new Set(results.map((r) => r[i]));
      const onDisk = fs.readFileSync(path.join(dir, AUDIT_KEY_FILE), 'utf8').trim();
      if (read.size !== 1 || !read.has(onDisk)) problems.push(`round ${i}: ${[...read].join(' | ')} (file: ${onDisk || 'empty'})`);
      const leftover = fs.readdirSync(dir).filter((f) => f !== AUDIT_KEY_FILE);
      if (leftover.length) problems.push(`round ${i}: left ${leftover.join(', ')}`);
    });
    expect(problems).toEqual([]);
  });

  it('refuses a key file that is there but malformed, naming it, and leaves it as it was', () => {
    const dir = makeTempDir('audit-key');
    const file = path.join(dir, AUDIT_KEY_FILE);
    for (const [content, why] of [['', '文件是空的'], ['ab'.repeat(20), '只有 40 位'], [`${'g'.repeat(64)}\n`, '含有十六进制以外的字符'], [Buffer.alloc(32, 7).toString('base64'), '含有十六进制以外的字符']]) {
      fs.writeFileSync(file, content, { mode: 0o600 });
      expect(() => loadOrCreateAuditKey(dir, null)).toThrow(`审计日志密钥文件 ${file} 内容有误（应为 64 位十六进制，${why}）`);
      expect(fs.readFileSync(file, 'utf8')).toBe(content);
    }
    fs.writeFileSync(file, `${'AB'.repeat(32)}\r\n`);
    fs.chmodSync(file, 0o644);
    const r = loadOrCreateAuditKey(dir, null);
    expect(r).toMatchObject({ key: Buffer.alloc(32, 0xab), created: false });
    expect(r.warnings.join()).toContain(`chmod 600 ${file}`);
  });

  it('makes no new key where the data directory records a keyed chain: the kept key must be put back', () => {
    const dir = makeTempDir('audit-key');
    fs.writeFileSync(path.join(dir, AUDIT_KEYED_MARKER), '审计日志自 2026-12-01 起以密钥签名。\n');
    expect(() => loadOrCreateAuditKey(dir, null)).toThrow(expect.objectContaining({
      code: 'ERR_AUDIT_KEY_MISSING',
      message: expect.stringContaining(`请把另行保管的 audit.key 放回 ${path.join(dir, AUDIT_KEY_FILE)}（权限 600），或设置原来的 GONGKAI_AUDIT_KEY`),
    }));
    expect(fs.existsSync(path.join(dir, AUDIT_KEY_FILE))).toBe(false);
    // The environment's key is used as before; so is the kept file once it is back.
    expect(loadOrCreateAuditKey(dir, 'k'.repeat(40)).source).toBe('GONGKAI_AUDIT_KEY');
    fs.writeFileSync(path.join(dir, AUDIT_KEY_FILE), `${'cd'.repeat(32)}\n`, { mode: 0o600 });
    expect(loadOrCreateAuditKey(dir, null)).toMatchObject({ key: Buffer.alloc(32, 0xcd), created: false, warnings: [] });
  });
});
