import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase } from '../support/db.ts';
import { makeTempDir } from '../support/temp-dirs.ts';
import { createNode, createOrgan, createStaff } from '../support/factories.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createApiToken } from '../../src/modules/identity/index.ts';
import { loadOrCreateAuditKey, useAuditKey, verifyAuditLog } from '../../src/modules/audit/index.ts';
import type { AppDeps } from '../../src/platform/app-deps.ts';

/**
 * Issue 19: a write acknowledged to a user survives kill -9 of the server. A real `gongkai serve`
 * takes drafts through the API from several writers at once and is killed with SIGKILL at random
 * moments, several times; after each restart every acknowledged draft must be there, and at the end
 * the database passes its integrity check and `audit verify`. Prints what it did.
 */
const BIN = path.resolve(import.meta.dirname, '../../bin/gongkai');
const ROUNDS = 4;
const WRITERS = 4;

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /已启动：(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); if (!/已启动/.test(out)) reject(new Error(`server exited ${code}: ${out}`)); });
  });
}

for (const dialect of DIALECTS) {
  describe(`kill -9 durability [${dialect}]`, () => {
    it('keeps every acknowledged write across repeated SIGKILLs, and the database and audit chain stay whole', { timeout: 240_000 }, async () => {
      const dataDir = makeTempDir('kill');
      const pgDb = dialect === 'postgres' ? await createTestDatabase('postgres') : null;
      const handle = pgDb ?? openDatabase({ databaseUrl: null, dataDir });
      await migrateToLatest(handle.db, dialect);
      // The key the server will load from the data directory, so this process can verify its chain.
      useAuditKey(loadOrCreateAuditKey(dataDir, null).key, dataDir);
      const deps: AppDeps = { db: handle.db, dialect, clock: fixedClock(new Date()), dataDir, logger: pino({ level: 'silent' }) };
      const organ = await createOrgan(deps);
      const nodeId = await createNode(deps, organ.id);
      const staff = await createStaff(deps, organ.code, 'editor');
      const token = await createApiToken(deps, staff.username, 'durability');
      if (!pgDb) await handle.destroy();
      const env = { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', GONGKAI_ADMIN_PASSWORD: 'correct-horse-1' };

      const acknowledged = new Map<number, string>();
      let attempts = 0;
      let failedInFlight = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const { child, base } = await startServer(env);
        let killed = false;
        const writer = async (w: number) => {
          for (let i = 0; !killed; i++) {
            const title = `耐久测试 第${round}轮 写入者${w} 第${i}条`;
            attempts++;
            try {
              const res = await fetch(`${base}/api/v1/organs/${organ.code}/publications`, {
                method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: JSON.stringify({ title, formedOn: '2026-11-02', stage: 'execution', docType: 'other', genre: '通知', subject: '城乡建设', bodyHtml: '<p>正文</p>', nodeIds: [nodeId] }),
              });
              if (res.status !== 201) throw new Error(`status ${res.status}: ${await res.text()}`);
              acknowledged.set(((await res.json()) as { id: number }).id, title);
            } catch (e) {
              if (!killed) throw e;
              failedInFlight++; // the connection died with the server: not acknowledged
            }
          }
        };
        const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
        await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 1200)));
        killed = true;
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        await Promise.all(writers);
      }

      // A last start proves the killed database opens again (and runs its migrations check).
      const { child } = await startServer(env);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));

      const check = pgDb ?? openDatabase({ databaseUrl: null, dataDir });
      const rows = await check.db.selectFrom('publications').select(['id', 'title']).where('organ_id', '=', organ.id).execute();
      const present = new Map(rows.map((r) => [r.id, r.title]));
      const lost = [...acknowledged].filter(([id, title]) => present.get(id) !== title);
      const audit = await verifyAuditLog(check.db, { expectHeads: [] });
      if (!pgDb) {
        await check.destroy();
        const raw = new SQLite(path.join(dataDir, 'gongkai.sqlite'), { readonly: true });
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        raw.close();
      }
      console.log(`kill -9 [${dialect}]: ${ROUNDS} kills, ${attempts} writes tried, ${acknowledged.size} acknowledged, ${present.size} present, ${lost.length} lost, ${failedInFlight} cut off unacknowledged, audit chain ${audit.breaks.length === 0 ? 'whole' : 'BROKEN'} (${audit.entries} entries)`);
      expect(acknowledged.size).toBeGreaterThan(ROUNDS);
      expect(lost).toEqual([]);
      expect(audit.breaks).toEqual([]);
      await pgDb?.drop();
    });
  });
}

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the request in flight, answers it, and exits 0', { timeout: 120_000 }, async () => {
    const dataDir = makeTempDir('term');
    const handle = openDatabase({ databaseUrl: null, dataDir });
    await migrateToLatest(handle.db, 'sqlite');
    useAuditKey(loadOrCreateAuditKey(dataDir, null).key, dataDir);
    const deps: AppDeps = { db: handle.db, dialect: 'sqlite', clock: fixedClock(new Date()), dataDir, logger: pino({ level: 'silent' }) };
    const organ = await createOrgan(deps);
    const nodeId = await createNode(deps, organ.id);
    const staff = await createStaff(deps, organ.code, 'editor');
    const token = await createApiToken(deps, staff.username, 'shutdown');
    await handle.destroy();
    const { child, base } = await startServer({ GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '', GONGKAI_ADMIN_PASSWORD: 'correct-horse-1' });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    // The request body arrives in two halves; SIGTERM comes between them.
    const body = JSON.stringify({ title: '停机时正在提交的信息', formedOn: '2026-11-02', stage: 'execution', docType: 'other', genre: '通知', subject: '城乡建设', bodyHtml: '<p>正文</p>', nodeIds: [nodeId] });
    const half = Math.floor(body.length / 2);
    let sendRest!: () => void;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body.slice(0, half)));
        sendRest = () => { controller.enqueue(new TextEncoder().encode(body.slice(half))); controller.close(); };
      },
    });
    const answer = fetch(`${base}/api/v1/organs/${organ.code}/publications`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body))},
      body: stream, duplex: 'half',
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    sendRest();
    const res = await answer;
    expect(res.status).toBe(201);
    expect(await exited).toBe(0);
    const check = openDatabase({ databaseUrl: null, dataDir });
    expect((await check.db.selectFrom('publications').select('title').where('organ_id', '=', organ.id).execute()).map((r) => r.title)).toEqual(['停机时正在提交的信息']);
    await check.destroy();
  });
});
