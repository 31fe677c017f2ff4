import { describe, expect, it } from 'vitest';
import { compareWithManifest, isLiveDatabaseFile, parseManifest, type BackupManifest } from './backup-manifest.ts';

const h = (c: string) => c.repeat(64);
const manifest: BackupManifest = {
  format: 'gongkai-backup', version: 1, createdAt: '2026-12-03T08:00:00.000Z', dialect: 'sqlite', lastMigration: '015-interaction-consultations',
  database: { path: 'database/gongkai.sqlite', size: 10, sha256: h('a') },
  files: [{ path: 'attachments/x.pdf', size: 3, sha256: h('b') }],
};

describe('backup manifest', () => {
  it('accepts what it wrote and refuses what is not a backup', () => {
    expect(parseManifest(JSON.stringify(manifest))).toEqual(manifest);
    expect(() => parseManifest('{')).toThrow(/不是一个 gongkai 备份文件/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, format: 'other' }))).toThrow(/备份标记/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, version: 2 }))).toThrow(/版本 2/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, files: [{ path: '../etc/passwd', size: 1, sha256: h('c') }] }))).toThrow(/清单/);
  });

  it('reads the key files a backup left out, and a manifest from before without them (ADR 0032)', () => {
    const withKeys = { ...manifest, keysLeftOut: [{ path: 'audit.key', what: '审计日志密钥' }] };
    expect(parseManifest(JSON.stringify(withKeys))).toEqual(withKeys);
    expect(parseManifest(JSON.stringify(manifest)).keysLeftOut).toBeUndefined();
    expect(() => parseManifest(JSON.stringify({ ...manifest, keysLeftOut: 'audit.key' }))).toThrow(/keysLeftOut/);
  });

  it('names every missing, changed and unlisted file', () => {
    const ok = new Map([
      ['database/gongkai.sqlite', { size: 10, sha256: h('a') }],
      ['data/attachments/x.pdf', { size: 3, sha256: h('b') }],
      ['manifest.json', { size: 1, sha256: h('f') }],
    ]);
    expect(compareWithManifest(manifest, ok)).toEqual([]);
    const bad = new Map([
      ['database/gongkai.sqlite', { size: 10, sha256: h('d') }],
      ['data/extra.txt', { size: 1, sha256: h('e') }],
    ]);
    expect(compareWithManifest(manifest, bad)).toEqual([
      '文件 database/gongkai.sqlite 的校验值不符（可能已损坏或被改动）',
      '缺少文件 data/attachments/x.pdf',
      '清单之外的文件 data/extra.txt',
    ]);
  });

  it('leaves the live database files to the snapshot', () => {
    expect(['gongkai.sqlite', 'gongkai.sqlite-wal', 'gongkai.sqlite-shm'].every(isLiveDatabaseFile)).toBe(true);
    expect(isLiveDatabaseFile('attachments/gongkai.sqlite')).toBe(false);
    expect(isLiveDatabaseFile('audit.key')).toBe(false);
  });
});
