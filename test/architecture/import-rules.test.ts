import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The picture in docs/adr/0006-import-rules.md, checked on every run: areas meet only through
 * each other's index.ts, and domain code stays pure (no database, HTTP, file system or clock).
 */
const ROOT = path.resolve('src');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
const importsOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({ spec: m[3], typeOnly: !!m[2] }));
const areaOf = (file: string) => /src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;
const rel = (f: string) => path.relative(process.cwd(), f);

describe('import rules', () => {
  const all = files(ROOT);

  it('areas import each other only through index.ts', () => {
    const bad: string[] = [];
    for (const f of all.filter((x) => areaOf(x))) {
      for (const { spec } of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(f), spec);
        const area = areaOf(target);
        if (area && area !== areaOf(f) && !target.endsWith(`modules/${area}/index.ts`)) bad.push(`${rel(f)} → ${rel(target)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('domain code does no I/O', () => {
    const forbiddenPackages = ['kysely', 'fastify', 'pg', 'better-sqlite3', 'pino', 'node:fs', 'node:fs/promises', 'node:http', 'node:net', 'node:child_process'];
    const bad: string[] = [];
    for (const f of all.filter((x) => /\/modules\/[^/]+\/domain\//.test(x))) {
      for (const { spec, typeOnly } of importsOf(f)) {
        if (forbiddenPackages.includes(spec) || /^@fastify\//.test(spec)) bad.push(`${rel(f)} imports ${spec}`);
        if (!spec.startsWith('.')) continue;
        const target = rel(path.resolve(path.dirname(f), spec));
        if (areaOf(path.resolve(path.dirname(f), spec)) === areaOf(f) && /\/(storage|web|use-cases|jobs|cli)\//.test(target)) bad.push(`${rel(f)} imports ${target}`);
        if (target.startsWith('src/platform/') && !(typeOnly && target === 'src/platform/documents/document-model.ts')) bad.push(`${rel(f)} imports ${target}`);
        if (target.startsWith('src/main/')) bad.push(`${rel(f)} imports ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('nothing but src/main wires concrete parts together', () => {
    const bad = all.filter((f) => !f.includes('/src/main/')).flatMap((f) => importsOf(f).filter(({ spec }) => spec.includes('/main/')).map(({ spec }) => `${rel(f)} imports ${spec}`));
    expect(bad).toEqual([]);
  });

  it('time comes from a Clock in domain code, never Date.now()', () => {
    const bad = all.filter((f) => /\/domain\//.test(f) && /Date\.now\(\)|new Date\(\)/.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(bad).toEqual([]);
  });

  // Issue 12: which area uses which, from every import between areas (type-only ones too).
  const areaGraph = () => {
    const graph = new Map<string, Set<string>>();
    for (const f of all.filter((x) => areaOf(x))) {
      for (const { spec } of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const to = areaOf(path.resolve(path.dirname(f), spec));
        const from = areaOf(f)!;
        if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
      }
    }
    return graph;
  };

  it('the area graph has no cycles', () => {
    const graph = areaGraph();
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (area: string, trail: string[]) => {
      if (state.get(area) === 'done') return;
      if (state.get(area) === 'open') { cycles.push([...trail.slice(trail.indexOf(area)), area].join(' → ')); return; }
      state.set(area, 'open');
      for (const next of graph.get(area) ?? []) visit(next, [...trail, area]);
      state.set(area, 'done');
    };
    for (const area of graph.keys()) visit(area, []);
    expect(cycles).toEqual([]);
  });

  it('the catalog never reaches up into the review workflow: review owns every status change of an item', () => {
    expect([...(areaGraph().get('catalog') ?? [])]).not.toContain('review');
  });

  it('China time is computed in one place (src/shared/iso-date.ts), not by hand', () => {
    const handWritten = /8 \* 3600|8 \* 60 \* 60|28_?800_?000|\+08:00/;
    const bad = all.filter((f) => !f.endsWith('src/shared/iso-date.ts') && handWritten.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(bad).toEqual([]);
  });

  it('SQL stays in storage/: routes, pages, use cases, jobs and commands build no queries (issue 12)', () => {
    const query = /\.(selectFrom|updateTable|insertInto|deleteFrom)\(|\bsql`|\bsql</;
    const bad = all.filter((f) => /\/modules\/[^/]+\//.test(f) && !/\/modules\/[^/]+\/(storage|testing)\//.test(f) && query.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(bad).toEqual([]);
  });

  it('SQL stays in storage/: src/main wires areas together through their index.ts and builds no queries', () => {
    // The start read organs with its own queries (bootstrap.ts) where no test looked. The demo's bulk loader is the one
    // exception: it writes the whole region in one transaction across areas (ADR 0004).
    const query = /\.(selectFrom|updateTable|insertInto|deleteFrom)\(|\bsql`|\bsql</;
    const allowed = ['src/main/seed-demo.ts'];
    const bad = all.filter((f) => f.includes('/src/main/') && !allowed.includes(rel(f)) && query.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(bad).toEqual([]);
  });

  it('the staff context is the only scope helper: no area reads the organ scope itself (issue 12)', () => {
    // Back-office pages ask staffContext (catalog/web/staff-context.ts) and the permission rules of
    // identity/domain/permissions.ts; only the context itself and the reminders of src/main build on organScope.
    const allowed = ['src/modules/catalog/web/staff-context.ts', 'src/modules/catalog/use-cases/organ-scope.ts', 'src/modules/catalog/index.ts', 'src/main/staff-reminders.ts'];
    const bad = all.filter((f) => !allowed.includes(rel(f)) && /\borganScope\(/.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(bad).toEqual([]);
  });
});
