import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dirs.ts';

// An operator ran /opt/gongkai/bin/gongkai from another folder (a cron job's, their home) while the compiled
// build was absent or older than the sources: the launcher ran the TypeScript through tsx, which read the
// tsconfig of the folder it was started in (none), compiled the TSX for React and failed on the first page
// module with "React is not defined". The launcher names the project's own tsconfig.json.
describe('bin/gongkai started from outside the checkout', () => {
  it('runs its commands all the same', () => {
    const launcher = path.resolve(import.meta.dirname, '../../bin/gongkai');
    const elsewhere = makeTempDir('cli-outside');
    const out = execFileSync(process.execPath, [launcher, '--help'], { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, GONGKAI_DATA_DIR: elsewhere } });
    expect(out).toMatch(/^ {2}reindex \[--organ 机关代码\]/m);
  }, 60_000);
});
