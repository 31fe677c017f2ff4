import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, system } from '../../../../test/support/factories.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';

/**
 * A spreadsheet imported as published: a row whose 有效期至 is already past is 已失效 when the import
 * commits, by the rule the lapse job uses, not at the job's next run (docs/adr/0027).
 */
describeEachDialect('spreadsheet import: 有效期至 already past', (db) => {
  it('imports a published row past its 有效期至 as 已失效, its end that day, and one still in force as 有效', async () => {
    const deps = buildDeps(db(), '2026-12-10T02:00:00Z');
    const organ = await createOrgan(deps);
    await createNode(deps, organ.id, { name: '规范性文件' });
    const file = readItemFile('items.csv', new TextEncoder().encode([
      '标题,文号,成文日期,发布日期,五公开,文件类型,体裁,目录,有效期至,正文',
      '测试县住房租赁补贴暂行办法,测建规〔2020〕3号,2020-11-01,2020-11-02,决策,行政规范性文件,办法,规范性文件,2025-11-07,<p>第一条　为了规范补贴发放，制定本办法。</p>',
      '测试县物业服务管理办法,测建规〔2024〕1号,2024-03-01,2024-03-02,决策,行政规范性文件,办法,规范性文件,2029-02-28,<p>第一条　为了规范物业服务，制定本办法。</p>',
    ].join('\n')));
    const done = await importItems(deps, system, organ.code, file, { mode: 'published', dryRun: false, attachments: null, from: 'items.csv' });
    expect(done).toMatchObject({ ok: true, items: 2, problems: [] });
    const rows = await deps.db.selectFrom('publications').select(['title', 'validity', 'repealed_on', 'lapsed_by_date']).where('organ_id', '=', organ.id).orderBy('id').execute();
    expect(rows).toEqual([
      { title: '测试县住房租赁补贴暂行办法', validity: 'expired', repealed_on: '2025-11-07', lapsed_by_date: 1 },
      { title: '测试县物业服务管理办法', validity: 'valid', repealed_on: null, lapsed_by_date: 0 },
    ]);
  });
});
