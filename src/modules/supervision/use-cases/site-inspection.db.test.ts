import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createDraft, createNode, createOrgan, createPublished, system } from '../../../../test/support/factories.ts';
import { addAttachment, attachmentPath } from '../../catalog/index.ts';
import { setNodeSupervision } from './set-node-supervision.ts';
import { lastInspections, runInspectionNow, runNightlyInspection } from './inspection-runs.ts';
import { addWordingRule, removeWordingRule, wordingRulesOf } from './wording-rules.ts';
import { publishImported } from '../../review/index.ts';

const PDF = Buffer.from('%PDF-1.4\n%测试\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describeEachDialect('the site inspection', (db) => {
  let server: http.Server;
  let base: string;
  const hits = new Map<string, number>();
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
      if (req.url === '/ok') res.writeHead(200).end('ok');
      else if (req.url === '/moved') res.writeHead(301, { location: '/gone' }).end();
      else if (req.url === '/hop/a' || req.url === '/hop/b') res.writeHead(301, { location: '/hop/end' }).end();
      else if (req.url === '/hop/end') res.writeHead(200).end('ok');
      else res.writeHead(404).end('gone');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  const http1 = { http: { timeoutMs: 2_000, retries: 0, perHostIntervalMs: 0 } };

  it('names broken internal links, missing attachment files, failing external links and serious wording errors with who must fix each, and stores the run', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const county = await createOrgan(deps);
    const organ = await createOrgan(deps, { parentCode: county.code });
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `村镇建设股${organ.id}` });
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const countyOffice = await createActor(deps, county.code, 'disclosure_office');
    const news = await createNode(deps, organ.id, { name: '工作动态' });
    await setNodeSupervision(deps, office.actor, news, { unitCode: unit.code });

    const target = await createPublished(deps, organ.id, [news]);
    const draft = await createDraft(deps, organ.id, [news]);
    const withFile = await createDraft(deps, organ.id, [news]);
    await addAttachment(deps, office.actor, withFile.id, { fileName: '名单.pdf', bytes: PDF });
    await publishImported(deps, system, withFile.id);
    const att = await deps.db.selectFrom('attachments').selectAll().where('publication_id', '=', withFile.id).executeTakeFirstOrThrow();

    const body = [
      `<p>会议由王副县长主持。详见<a href="/organs/${organ.code}/items/${target.id}">通知</a>、<a href="/organs/${organ.code}/items/${draft.id}">草稿</a>、`,
      `<a href="/organs/${organ.code}/items/999999">旧文</a>、<a href="/attachments/${att.id}/名单.pdf">名单</a>、<a href="/organs/${organ.code}/guide">指南</a>、`,
      `<a href="${base}/ok">国务院</a>、<a href="${base}/gone">省厅</a>、<a href="${base}/moved">市局</a>、<a href="mailto:gkb@example.cn">来信</a>。</p>`,
    ].join('');
    const item = await createPublished(deps, organ.id, [news], { title: '关于县住建局开展检查的通知', bodyHtml: body });
    await addWordingRule(deps, countyOffice.actor, county.code, { wrongPhrase: '王副县长', correctPhrase: '李副县长', note: '2025 年起分管住建' });
    await addWordingRule(deps, office.actor, organ.code, { wrongPhrase: '县住建局', correctPhrase: '县住房和城乡建设局' });

    const first = await runInspectionNow(deps, 'manual', [organ], http1);
    const o = first.result.organs[0]!;
    expect(o.verdict.vetoes.find((v) => v.rule === 'serious_wording_error')).toMatchObject({ failed: true, measured: '1 条信息' });
    const who = `村镇建设股${organ.id}`;
    const of = (kind: string) => o.findings.filter((f) => f.kind === kind).map((f) => ({ title: f.title, detail: f.detail, responsible: f.responsible, href: f.href }));
    expect(of('wording_error')).toEqual([
      { title: item.title, detail: '标题中“县住建局”应为“县住房和城乡建设局”：关于县住建局开展检查的通知', responsible: who, href: `/admin/publications/${item.id}` },
      { title: item.title, detail: expect.stringMatching(/^正文中“王副县长”应为“李副县长”：会议由王副县长主持/), responsible: who, href: `/admin/publications/${item.id}` },
    ]);
    expect(of('broken_link').map((f) => f.detail)).toEqual([
      `链接“草稿”（/organs/${organ.code}/items/${draft.id}）：链接的信息尚未发布`,
      `链接“旧文”（/organs/${organ.code}/items/999999）：链接的信息不存在`,
      `链接“省厅”（${base}/gone）：HTTP 404`,
      `链接“市局”（${base}/moved）：HTTP 404（重定向至 ${base}/gone）`,
    ]);
    expect(of('broken_link').every((f) => f.responsible === who)).toBe(true);
    expect(o.verdict.deductions).toContainEqual({ item: '断链 4 个', points: 4 });

    // A missing attachment file is found both on its item and where another item links to it.
    fs.rmSync(attachmentPath(deps.dataDir, att.storage_key));
    deps.clock.set('2026-03-10T03:00:00Z');
    const second = await runInspectionNow(deps, 'manual', [organ], http1);
    const details = second.result.organs[0]!.findings.filter((f) => f.kind === 'broken_attachment' || f.kind === 'broken_link').map((f) => f.detail);
    expect(details).toContain('附件“名单.pdf”：附件文件缺失');
    expect(details).toContain(`链接“名单”（/attachments/${att.id}/名单.pdf）：附件文件缺失`);
    // External results are reused within a day: the server was not asked again …
    expect(hits.get('/gone')).toBe(1); // once in the first run: linked itself and the end of /moved, one address
    deps.clock.set('2026-03-11T04:00:00Z');
    await runInspectionNow(deps, 'manual', [organ], http1);
    expect(hits.get('/gone')).toBe(2); // … and asked again after a day

    // The last run per organ is kept with its time; removing a rule ends its finding.
    const last = (await lastInspections(deps, [organ.code])).get(organ.code)!;
    expect(last).toMatchObject({ trigger: 'manual', finishedAt: '2026-03-11T04:00:00.000Z' });
    const own = (await wordingRulesOf(deps, office.actor, organ.code)).own[0]!;
    await removeWordingRule(deps, office.actor, organ.code, own.id);
    const offline = await runInspectionNow(deps, 'cli', [organ], { checkExternal: false });
    expect(offline.result.externalLinksChecked).toBe(false);
    expect(offline.result.organs[0]!.findings.filter((f) => f.kind === 'wording_error')).toHaveLength(1);
    expect(offline.result.organs[0]!.findings.some((f) => f.detail.includes(base))).toBe(false);
  });

  it('lets the server answer while it inspects: the event loop gets a turn between pages of items', async () => {
    // On SQLite every statement completes at once, so an inspection that only awaits statements runs
    // to its end in one turn of the event loop — the server (which starts it at each day's first
    // start) answered nobody until it was done. A callback queued just after it starts must run before it ends.
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '工作动态' });
    for (let i = 0; i < 3; i++) await createPublished(deps, organ.id, [node]);
    let finished = false;
    const run = runInspectionNow(deps, 'cli', [organ], { checkExternal: false }).then(() => { finished = true; });
    const answeredBeforeTheEnd = await new Promise<boolean>((resolve) => setImmediate(() => resolve(!finished)));
    await run;
    expect(answeredBeforeTheEnd).toBe(true);
  });

  it('inspects an organ with more published items than one statement may bind, in pages, down to its last item', async () => {
    // 70,000 items: more ids than SQLite (32,766) or PostgreSQL (65,535) take as parameters of one
    // statement, which the inspection used to pass all at once to read the organ's placements.
    // A database of its own, dropped after: the 70,000 copies would slow every later test of this file.
    const own = await createTestDatabase(db().dialect);
    try {
      const deps = buildDeps(own, '2026-03-10T02:00:00Z');
      const organ = await createOrgan(deps);
      const office = await createActor(deps, organ.code, 'disclosure_office');
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      const sample = await createPublished(deps, organ.id, [node], { title: '关于做好防汛工作的通知' });
      const row = await deps.db.selectFrom('publications').selectAll().where('id', '=', sample.id).executeTakeFirstOrThrow();
      const cols = Object.keys(row).filter((c) => c !== 'id' && c !== 'index_number');
      const copied = sql.join(cols.map((c) => sql.ref(`p.${c}`)));
      const n = 70_000;
      const series = db().dialect === 'postgres'
        ? sql`select generate_series(1, ${n}) as k`
        : sql`with recursive s(k) as (select 1 union all select k + 1 from s where k < ${n}) select k from s`;
      await sql`insert into publications (${sql.join(cols.map((c) => sql.ref(c)))}, index_number)
        select ${copied}, p.index_number || '-' || s.k from publications p, (${series}) s where p.id = ${sample.id}`.execute(deps.db);
      await sql`insert into publication_placements (publication_id, node_id)
        select id, ${node} from publications where organ_id = ${organ.id} and id <> ${sample.id}`.execute(deps.db);
      const last = await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
      await deps.db.updateTable('publications').set({ title: '关于做好防汛工作的通告' }).where('id', '=', last.id).execute();
      await addWordingRule(deps, office.actor, organ.code, { wrongPhrase: '通告', correctPhrase: '通知' });

      const run = await runInspectionNow(deps, 'cli', [organ], { checkExternal: false });
      const findings = run.result.organs[0]!.findings.filter((f) => f.kind === 'wording_error');
      expect(findings.map((f) => f.href)).toEqual([`/admin/publications/${last.id}`]);
    } finally {
      await own.drop();
    }
  }, 120_000);

  it('finds every broken link of a site read in pages, in its items’ order, however few external links are checked together', async () => {
    // Links are resolved a page of items at a time and external ones checked in batches, so that only
    // findings are kept (a million items' links once filled the worker's memory): neither the page
    // boundary (200 items) nor the batch size may lose, repeat or reorder a finding.
    const deps = buildDeps(db(), '2026-03-12T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '通知公告' });
    const body = `<p><a href="/organs/${organ.code}/items/999999">旧文</a>、<a href="${base}/ok">国务院</a>、<a href="${base}/gone-batched">省厅</a></p>`;
    const sample = await createPublished(deps, organ.id, [node], { bodyHtml: body });
    const row = await deps.db.selectFrom('publications').selectAll().where('id', '=', sample.id).executeTakeFirstOrThrow();
    const cols = Object.keys(row).filter((c) => c !== 'id' && c !== 'index_number');
    const series = db().dialect === 'postgres' ? sql`select generate_series(1, 204) as k` : sql`with recursive s(k) as (select 1 union all select k + 1 from s where k < 204) select k from s`;
    await sql`insert into publications (${sql.join(cols.map((c) => sql.ref(c)))}, index_number)
      select ${sql.join(cols.map((c) => sql.ref(`p.${c}`)))}, p.index_number || '-' || s.k from publications p, (${series}) s where p.id = ${sample.id}`.execute(deps.db);
    await sql`insert into publication_placements (publication_id, node_id) select id, ${node} from publications where organ_id = ${organ.id} and id <> ${sample.id}`.execute(deps.db);
    const ids = (await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).orderBy('id').execute()).map((r) => r.id);
    expect(ids).toHaveLength(205);

    const expected = ids.flatMap((id) => [
      { href: `/admin/publications/${id}`, detail: `链接“旧文”（/organs/${organ.code}/items/999999）：链接的信息不存在` },
      { href: `/admin/publications/${id}`, detail: `链接“省厅”（${base}/gone-batched）：HTTP 404` },
    ]);
    const brokenOf = (run: Awaited<ReturnType<typeof runInspectionNow>>) => run.result.organs[0]!.findings.filter((f) => f.kind === 'broken_link').map((f) => ({ href: f.href, detail: f.detail }));
    const batched = await runInspectionNow(deps, 'cli', [organ], { ...http1, externalLinksPerCheck: 7 });
    expect(brokenOf(batched)).toEqual(expected);
    expect(hits.get('/gone-batched')).toBe(1); // asked once, whatever the number of batches
    expect(batched.result.organs[0]!.verdict.deductions).toContainEqual(expect.objectContaining({ item: '断链 410 个' }));
    deps.clock.set('2026-03-12T03:00:00Z');
    expect(brokenOf(await runInspectionNow(deps, 'cli', [organ], http1))).toEqual(expected);
  }, 60_000);

  it('asks each address once in a run: a redirect’s target linked itself or reached from two links, in one batch or in several', async () => {
    const deps = buildDeps(db(), '2026-03-12T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '通知公告' });
    const links = ['/hop/a', '/hop/end', '/hop/b', '/ok'].map((p, i) => `<a href="${base}${p}">链接${i}</a>`).join('、');
    for (let i = 0; i < 3; i++) await createPublished(deps, organ.id, [node], { bodyHtml: `<p>${links}</p>` });
    for (const perCheck of [5_000, 2]) {
      await deps.db.deleteFrom('link_checks').execute(); // not the day's stored results: the addresses are asked again
      hits.clear();
      const run = await runInspectionNow(deps, 'cli', [organ], { ...http1, externalLinksPerCheck: perCheck });
      expect(run.result.organs[0]!.findings.filter((f) => f.kind === 'broken_link')).toEqual([]);
      expect(Object.fromEntries(hits), `${perCheck} per check`).toEqual({ '/hop/a': 1, '/hop/b': 1, '/hop/end': 1, '/ok': 1 });
    }
  });

  it('runs the nightly inspection once per China date from 02:00, whichever instance asks first', async () => {
    const deps = buildDeps(db(), '2026-03-10T17:30:00Z'); // 01:30 on 11 March in China
    await createOrgan(deps);
    expect(await runNightlyInspection(deps, { checkExternal: false })).toBeNull();
    deps.clock.set('2026-03-10T18:05:00Z'); // 02:05
    const [a, b] = await Promise.all([runNightlyInspection(deps, { checkExternal: false }), runNightlyInspection(deps, { checkExternal: false })]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect((a ?? b)!.result.inspectedOn).toBe('2026-03-11');
    deps.clock.set('2026-03-11T10:00:00Z');
    expect(await runNightlyInspection(deps, { checkExternal: false })).toBeNull();
    const runs = await deps.db.selectFrom('inspection_runs').select(['run_key', 'status']).where('run_key', '=', 'nightly:2026-03-11').execute();
    expect(runs).toEqual([{ run_key: 'nightly:2026-03-11', status: 'done' }]);
  });

  it('stops between batches when told to, records the run as interrupted and leaves the day\'s run to the next start', async () => {
    const deps = buildDeps(db(), '2026-04-20T03:00:00Z'); // 11:00 on 20 April in China
    await createOrgan(deps);
    const stop = new AbortController();
    const run = runNightlyInspection(deps, { checkExternal: false, signal: stop.signal });
    stop.abort(new Error('服务停止'));
    await expect(run).rejects.toThrow('服务停止');
    const rows = await deps.db.selectFrom('inspection_runs').select(['run_key', 'status', 'error', 'result_json']).where('run_key', 'like', 'nightly:2026-04-20%').execute();
    expect(rows).toEqual([{ run_key: expect.stringMatching(/^nightly:2026-04-20:interrupted:\d+$/), status: 'failed', error: expect.stringContaining('中断'), result_json: null }]);
    // The day's key is free again: the next tick (this instance after its restart, or another) runs it.
    const again = await runNightlyInspection(deps, { checkExternal: false });
    expect(again?.result.inspectedOn).toBe('2026-04-20');
    expect(await runNightlyInspection(deps, { checkExternal: false })).toBeNull();
  });

  it('keeps the wording list to the disclosure office and refuses duplicates and blank phrases', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const editor = await createActor(deps, organ.code, 'editor');
    await addWordingRule(deps, office.actor, organ.code, { wrongPhrase: '县建设局', correctPhrase: '县住房和城乡建设局' });
    await expect(addWordingRule(deps, office.actor, organ.code, { wrongPhrase: '县建设局', correctPhrase: '别的' })).rejects.toMatchObject({ code: 'ERR_SUPERVISION_WORDING_DUPLICATE', httpStatus: 409 });
    await expect(addWordingRule(deps, office.actor, organ.code, { wrongPhrase: '甲', correctPhrase: '甲' })).rejects.toMatchObject({ code: 'ERR_SUPERVISION_WORDING_SAME' });
    await expect(addWordingRule(deps, office.actor, organ.code, { wrongPhrase: ' ', correctPhrase: '乙' })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(addWordingRule(deps, editor.actor, organ.code, { wrongPhrase: '丙', correctPhrase: '丁' })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    expect((await wordingRulesOf(deps, editor.actor, organ.code)).own.map((r) => r.wrongPhrase)).toEqual(['县建设局']);
  });
});
