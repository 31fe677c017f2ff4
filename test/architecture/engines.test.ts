import fs from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * The README names the supported Node (package.json `engines.node`). Every package the lockfile
 * installs must declare engines that include all of it, so `npm install` / `npm ci` on that Node
 * prints no EBADENGINE warning. A package that declares no engines accepts every Node.
 * `.ci/run` also fails when `npm ci` prints such a warning.
 */
const root = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('engines', () => {
  it('the supported Node is one Node major, as the README says', () => {
    expect(semver.validRange(root.engines.node)).not.toBeNull();
    expect(semver.minVersion(root.engines.node)?.major).toBe(20);
  });

  it('every package in the lockfile declares engines that include the supported Node', () => {
    const bad: string[] = [];
    for (const [where, meta] of Object.entries(lock.packages)) {
      if (where === '' || !meta.engines) continue;
      // Very old packages write engines as a list of strings ("node >= 0.8"); npm ignores those.
      const wanted = Array.isArray(meta.engines) ? undefined : meta.engines.node;
      if (!wanted) continue;
      if (!semver.subset(root.engines.node, wanted, { includePrerelease: false })) bad.push(`${where}@${meta.version} wants node ${wanted}`);
    }
    expect(bad).toEqual([]);
  });
});
