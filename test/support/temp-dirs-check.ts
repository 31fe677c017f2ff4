import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * vitest globalSetup. The run gets a temp folder of its own (TMPDIR, inherited by the test workers
 * and every process they start), so what one run leaves is not confused with another's. At the end
 * the run fails when a `gongkai-*` folder is still there: a test made a temp folder and did not
 * remove it (use makeTempDir from test/support/temp-dirs.ts). The run's folder is removed either way.
 */
export default function setup() {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = runDir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    const left = fs.readdirSync(runDir).filter((n) => n.startsWith('gongkai-'));
    fs.rmSync(runDir, { recursive: true, force: true });
    if (left.length > 0) {
      // vitest reports an error thrown here but keeps the exit code of the tests: set it too.
      process.exitCode = 1;
      throw new Error(`测试运行后留下了 ${left.length} 个临时目录（${left.slice(0, 5).join('、')}${left.length > 5 ? ' …' : ''}）：测试应删除自己创建的临时目录（用 test/support/temp-dirs.ts 的 makeTempDir）`);
    }
  };
}
