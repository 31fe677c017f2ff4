import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../shared/domain-error.ts';

/**
 * While `serve` prepares the database (migrations; on the first start the demo region and the search index, up to a
 * minute), it leaves the file `starting` in the data directory; a command that opens the database waits until it is
 * gone (docs/operations.md, "The first start"). A newcomer ran the README's `user add` lines in another shell during
 * the first start: their writes, between the start's read and write of one transaction, made SQLite refuse the start's
 * write (database is locked, SQLITE_BUSY_SNAPSHOT: the busy timeout does not wait for that), and the start stopped.
 * The file names the process: one left by a start that was killed (its process gone on this machine) is ignored.
 */
const MARKER = 'starting';

type Marker = { pid: number; host: string; since: string };

export const startMarkerIn = (dataDir: string): string => path.join(dataDir, MARKER);

/** Marks the data directory as being prepared by this process; the answer removes the mark (only this process's own). */
export function markStarting(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = startMarkerIn(dataDir);
  const mark: Marker = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(mark));
  return () => {
    try {
      if ((JSON.parse(fs.readFileSync(file, 'utf8')) as Marker).pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // gone already, or unreadable: nothing of ours to remove
    }
  };
}

/** The start preparing this data directory, or null: none, or one whose process is gone. */
export function startInProgress(dataDir: string): Marker | null {
  let mark: Marker;
  try {
    mark = JSON.parse(fs.readFileSync(startMarkerIn(dataDir), 'utf8')) as Marker;
  } catch {
    return null;
  }
  if (!Number.isInteger(mark.pid)) return null;
  if (mark.host !== os.hostname()) return mark; // another machine's start (a shared data directory): taken as running
  if (mark.pid === process.pid) return mark;
  try {
    process.kill(mark.pid, 0);
    return mark;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? mark : null;
  }
}

/**
 * Waits while a start prepares the database, saying so once; refuses after `maxWaitMs` (a start does not take that
 * long: something is wrong with it, and the command should not write beside it).
 */
export async function waitForStart(dataDir: string, say: (line: string) => void, opts: { pollMs?: number; maxWaitMs?: number } = {}): Promise<void> {
  const pollMs = opts.pollMs ?? 500;
  const maxWaitMs = opts.maxWaitMs ?? 10 * 60_000;
  let mark = startInProgress(dataDir);
  if (!mark) return;
  say(`服务正在启动（进程 ${mark.pid}，${mark.since.slice(11, 19)} UTC 起），正在准备数据库：迁移，首次启动时还载入演示数据、建立检索索引（约一分钟）。等它准备完成后再执行本命令……`);
  const until = Date.now() + maxWaitMs;
  while (mark) {
    if (Date.now() > until) {
      throw new DomainError(
        'ERR_CLI_START_IN_PROGRESS',
        `服务（进程 ${mark.pid}）自 ${mark.since} 起仍在准备数据库，已等待 ${Math.round(maxWaitMs / 60_000)} 分钟，本命令未执行。` +
          `请查看服务的输出；确认该进程已不在运行时，删除 ${startMarkerIn(dataDir)} 后重试。`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    mark = startInProgress(dataDir);
  }
  say('服务已准备好数据库，继续执行。');
}
