import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/db.ts';
import { captureIo as capture, freshCliEnvironment } from '../support/cli.ts';
import { buildDeps, createOrgan } from '../support/factories.ts';
import { buildXlsx } from '../corpus/privacy/factories/build-xlsx.ts';
import { main } from '../../src/main/cli.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/connect.ts';

/** GB18030 bytes of the few Chinese characters these files use (an Excel-on-Windows export). */
const GB18030: Record<string, number[]> = { 张: [0xd5, 0xc5], 某: [0xc4, 0xb3], 自: [0xd7, 0xd4], 然: [0xc8, 0xbb], 人: [0xc8, 0xcb] };
const gb18030 = (s: string) => Uint8Array.from([...s].flatMap((ch) => GB18030[ch] ?? [ch.charCodeAt(0)]));

const HEADER = 'tracking_no,received_on,channel,applicant_type,applicant_name,subject,outcome,replied_on';

for (const dialect of DIALECTS) {
  describe(`./bin/gongkai import and deadline on ${dialect}`, () => {
    const saved = { ...process.env };
    let drop: (() => Promise<void>) | undefined;
    let handle: DatabaseHandle;
    let organCode: string;
    let dir: string;
    const file = (name: string, content: string | Uint8Array) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, content);
      return p;
    };
    const count = async (table: 'applications' | 'appeals') =>
      Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      ({ dataDir: dir, drop } = await freshCliEnvironment(dialect, 'import'));
      expect(await main(['migrate'], capture().io)).toBe(0);
      handle = openDatabase({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir: dir });
      organCode = (await createOrgan(buildDeps(handle))).code;
    });
    afterAll(async () => {
      await handle?.destroy();
      process.env = saved;
      await drop?.();
    });

    it('refuses a ledger with bad rows, printing each line number and reason, and imports nothing', async () => {
      const bad = file('bad.csv', [
        HEADER,
        'L-1,2025-03-03,in_person,natural_person,张某,规划许可,disclosed,2025-03-20',
        'L-2,2025-02-30,in_person,natural_person,李某,规划许可,,',
        'L-3,2025-03-03,in_person,natural_person,王某,"征收补偿方案, 2024年",withheld.unknown,2025-03-20',
      ].join('\n'));
      const c = capture();
      expect(await main(['import', 'applications', bad, '--organ', organCode], c.io)).toBe(1);
      const err = c.err.join('');
      expect(err).toContain('ERR_APPLICATION_IMPORT_INVALID');
      expect(err).toContain('第3行（received_on）：收到申请日期“2025-02-30”不是有效日期');
      expect(err).toContain('第4行（outcome）：办理结果“withheld.unknown”不在年度报告表三所列的21种办理结果之内');
      expect(err).not.toContain('第2行');
      expect(await count('applications')).toBe(0);
    });

    it('imports a UTF-8 ledger with BOM, then a GB18030 one, then an .xlsx; a repeated tracking number refuses the whole file', async () => {
      const utf8 = file('ok.csv', `\uFEFF${[
        HEADER,
        'L-1,2025-03-03,in_person,natural_person,张某,规划许可,disclosed,2025-03-20',
        'L-2,2025-12-29,网上,法律服务机构,某律师事务所,征收补偿方案,,',
        'L-3,2025-04-01,post_signed,commercial_enterprise,某公司,招标文件,withheld.state_secret,2025-04-20',
      ].join('\r\n')}\r\n`);
      let c = capture();
      expect(await main(['import', 'applications', utf8, '--organ', organCode], c.io)).toBe(0);
      expect(c.out.join('')).toContain('已导入 3 件申请（其中未办结 1 件）');
      const open = await handle.db.selectFrom('applications').select(['state', 'received_on', 'due_on', 'imported', 'outcome']).where('tracking_no', '=', 'L-2').executeTakeFirstOrThrow();
      expect(open).toEqual({ state: 'in_progress', received_on: '2025-12-29', due_on: '2026-01-27', imported: 1, outcome: null });
      // The one actor of the command line (系统：命令行, as every command); the file is named in the record instead.
      const audit = await handle.db.selectFrom('audit_events').select(['actor_label', 'after_json']).where('action', '=', 'application.import').executeTakeFirstOrThrow();
      expect(audit.actor_label).toBe('系统：命令行');
      expect(JSON.parse(audit.after_json!)).toMatchObject({ file: 'ok.csv', count: 3 });
      const event = await handle.db.selectFrom('application_events as e').innerJoin('applications as a', 'a.id', 'e.application_id')
        .select(['e.actor_label', 'e.note']).where('a.tracking_no', '=', 'L-2').executeTakeFirstOrThrow();
      expect(event).toEqual({ actor_label: '系统：命令行', note: '从历史台账“ok.csv”导入（第3行）' });

      c = capture();
      expect(await main(['import', 'applications', file('gbk.csv', gb18030(`${HEADER}\nG-1,2025-05-06,fax,自然人,张某某,张某,not_processed.repeated,2025-05-20\n`)), `--organ=${organCode}`], c.io)).toBe(0);
      expect(c.out.join('')).toContain('GB18030');
      expect((await handle.db.selectFrom('applications').select(['applicant_name', 'applicant_type']).where('tracking_no', '=', 'G-1').executeTakeFirstOrThrow())).toEqual({ applicant_name: '张某某', applicant_type: 'natural_person' });

      const xlsx = buildXlsx({ sheets: [{ name: '台账', rows: [HEADER.split(','), ['X-1', 45719, 'email', 'research_institution', '某研究院', '住房保障统计', 'partly_disclosed', '2025-03-25']] }] });
      c = capture();
      expect(await main(['import', 'applications', file('ledger.xlsx', xlsx), '--organ', organCode], c.io)).toBe(0);
      expect((await handle.db.selectFrom('applications').select('received_on').where('tracking_no', '=', 'X-1').executeTakeFirstOrThrow()).received_on).toBe('2025-03-03');

      c = capture();
      expect(await main(['import', 'applications', file('again.csv', `${HEADER}\nN-1,2025-06-01,in_person,natural_person,赵某,内容,,\nL-1,2025-03-03,in_person,natural_person,张某,规划许可,,\n`), '--organ', organCode], c.io)).toBe(1);
      expect(c.err.join('')).toContain('第3行（tracking_no）：申请编号“L-1”已存在');
      expect(await count('applications')).toBe(5);
    });

    it('imports appeals linked to the imported applications, all or nothing', async () => {
      const APPEALS = 'tracking_no,kind,filed_on,result,decided_on';
      let c = capture();
      expect(await main(['import', 'appeals', file('bad-appeals.csv', `${APPEALS}\nL-3,reconsideration,2025-05-10,upheld,2025-07-01\nNOPE,litigation_direct,2025-06-01,pending,\n`), '--organ', organCode], c.io)).toBe(1);
      expect(c.err.join('')).toContain('第3行（tracking_no）：本机关没有申请编号为“NOPE”的申请');
      expect(await count('appeals')).toBe(0);
      c = capture();
      expect(await main(['import', 'appeals', file('appeals.csv', `${APPEALS}\nL-3,reconsideration,2025-05-10,upheld,2025-07-01\nL-3,litigation_after_reconsideration,2025-07-10,pending,\n`), '--organ', organCode], c.io)).toBe(0);
      expect(c.out.join('')).toContain('已导入 2 件');
      const rows = await handle.db.selectFrom('appeals').select(['kind', 'result', 'decided_on', 'application_id']).orderBy('id').execute();
      expect(rows.map((r) => [r.kind, r.result, r.decided_on, r.application_id !== null])).toEqual([
        ['reconsideration', 'upheld', '2025-07-01', true],
        ['litigation_after_reconsideration', 'pending', null, true],
      ]);
    });

    it('names rows as a spreadsheet shows them when a 申请内容 cell holds line breaks, in refusals and in the records', async () => {
      const APPEALS = 'tracking_no,kind,filed_on,result,decided_on';
      const SUBJECT = '"一、某小区规划许可\n二、竣工验收意见\n三、附图"';
      // Text lines 1, 2–4, 5: Excel and WPS show rows 1, 2, 3.
      let c = capture();
      expect(await main(['import', 'applications', file('multi-bad.csv', [
        HEADER,
        `ML-1,2025-03-03,in_person,natural_person,张某,${SUBJECT},disclosed,2025-03-20`,
        'ML-2,2025-02-30,in_person,natural_person,李某,规划许可,,',
      ].join('\n')), '--organ', organCode], c.io)).toBe(1);
      expect(c.err.join('')).toContain('第3行（received_on）：收到申请日期“2025-02-30”不是有效日期');
      expect(c.err.join('')).not.toContain('第5行');

      c = capture();
      expect(await main(['import', 'applications', file('multi.csv', `${[
        HEADER,
        `ML-1,2025-03-03,in_person,natural_person,张某,${SUBJECT},disclosed,2025-03-20`,
        `ML-2,2025-03-04,in_person,natural_person,李某,${SUBJECT},disclosed,2025-03-21`,
        'ML-3,2025-03-05,in_person,natural_person,王某,规划许可,disclosed,2025-03-22',
      ].join('\r\n')}\r\n`), '--organ', organCode], c.io)).toBe(0);
      const notes = await handle.db.selectFrom('application_events as e').innerJoin('applications as a', 'a.id', 'e.application_id')
        .select(['a.tracking_no', 'a.subject', 'e.note']).where('a.tracking_no', 'in', ['ML-1', 'ML-2', 'ML-3']).orderBy('a.tracking_no').execute();
      expect(notes).toEqual([
        { tracking_no: 'ML-1', subject: '一、某小区规划许可\n二、竣工验收意见\n三、附图', note: '从历史台账“multi.csv”导入（第2行）' },
        { tracking_no: 'ML-2', subject: '一、某小区规划许可\n二、竣工验收意见\n三、附图', note: '从历史台账“multi.csv”导入（第3行）' },
        { tracking_no: 'ML-3', subject: '规划许可', note: '从历史台账“multi.csv”导入（第4行）' },
      ]);

      // An appeals ledger with a stray line break in a cell: text lines 1, 2–3, 4 are rows 1, 2, 3.
      c = capture();
      expect(await main(['import', 'appeals', file('multi-appeals-bad.csv', `${APPEALS}\nML-1,"行政复议\n",2025-05-10,upheld,2025-07-01\nNOPE-ML,litigation_direct,2025-06-01,pending,\n`), '--organ', organCode], c.io)).toBe(1);
      expect(c.err.join('')).toContain('第3行（tracking_no）：本机关没有申请编号为“NOPE-ML”的申请');
      expect(c.err.join('')).not.toContain('第4行');
      c = capture();
      expect(await main(['import', 'appeals', file('multi-appeals.csv', `${APPEALS}\nML-1,"行政复议\n",2025-05-10,upheld,2025-07-01\nML-2,litigation_direct,2025-06-01,pending,\n`), '--organ', organCode], c.io)).toBe(0);
      const appealNotes = await handle.db.selectFrom('appeals').select(['tracking_no', 'note']).where('tracking_no', 'in', ['ML-1', 'ML-2']).orderBy('tracking_no').execute();
      expect(appealNotes).toEqual([
        { tracking_no: 'ML-1', note: '从历史台账“multi-appeals.csv”导入（第2行）' },
        { tracking_no: 'ML-2', note: '从历史台账“multi-appeals.csv”导入（第3行）' },
      ]);
    });

    it('answers usage errors with exit 2', async () => {
      const c = capture();
      expect(await main(['import', 'applications', 'x.csv'], c.io)).toBe(2);
      expect(c.err.join('')).toContain('缺少 --organ');
      expect(await main(['import', 'ledgers', 'x.csv', '--organ', organCode], capture().io)).toBe(2);
      // A mistyped option is refused, not taken for the file's name.
      const typo = capture();
      expect(await main(['import', 'applications', 'x.csv', '--organs', organCode], typo.io)).toBe(2);
      expect(typo.err.join('')).toContain('未知选项 --organs');
    });

    it('says in Chinese why a file cannot be read: missing, or a folder', async () => {
      let c = capture();
      expect(await main(['import', 'applications', path.join(dir, 'no-such.csv'), '--organ', organCode], c.io)).toBe(1);
      expect(c.err.join('')).toContain('文件不存在');
      c = capture();
      expect(await main(['import', 'applications', dir, '--organ', organCode], c.io)).toBe(1);
      expect(c.err.join('')).toContain('这是一个文件夹，不是文件');
    });

    it('deadline uses the holiday years an administrator entered', async () => {
      let c = capture();
      expect(await main(['deadline', '--received', '2026-12-15'], c.io)).toBe(0);
      expect(c.out.join('')).toContain('截止日期：2027-01-13（暂定）');
      await handle.db.insertInto('holiday_years').values({ year: 2027, holidays: '["2027-01-01"]', workdays: '[]', notice_url: null, entered_by: null, entered_at: '2026-12-01T00:00:00Z' }).execute();
      c = capture();
      expect(await main(['deadline', '--received', '2026-12-15'], c.io)).toBe(0);
      expect(c.out.join('')).toContain('截止日期：2027-01-13\n');
      await handle.db.deleteFrom('holiday_years').execute();
    });
  });
}
