import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { runScanCommand } from './scan-command.ts';
import { buildDocx } from '../../../../test/corpus/privacy/factories/build-docx.ts';
import { idCheckCharacter } from '../domain/id-card.ts';

const id = '34152519900307123' + idCheckCharacter('34152519900307123');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runScanCommand(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('gongkai scan', () => {
  let dir: string;
  let txt: string;
  let docx: string;
  let clean: string;
  beforeAll(async () => {
    dir = makeTempDir('scan');
    txt = join(dir, '答复书.txt');
    await writeFile(txt, `申请人张三：\n身份证号${id}，手机13812345678。`);
    docx = join(dir, '名单.docx');
    await writeFile(docx, buildDocx({ blocks: ['公示名单', [['姓名', '电话'], ['李四', '13912345678']]] }));
    clean = join(dir, 'clean.txt');
    await writeFile(clean, '咨询电话：0564-5022345。');
  });

  it('prints {"findings": […]} for one file, with offsets into the extracted text and masks', async () => {
    const { code, out } = await run([txt, '--json']);
    expect(code).toBe(1); // blocking findings
    const text = `申请人张三：\n身份证号${id}，手机13812345678。`;
    expect(JSON.parse(out)).toEqual({
      findings: [
        { type: 'id_card', text: id, start: text.indexOf(id), end: text.indexOf(id) + 18, severity: 'block', suggestion: `341525********${id.slice(14)}`, rule: 'id18' },
        { type: 'mobile_phone', text: '13812345678', start: text.indexOf('138'), end: text.indexOf('138') + 11, severity: 'block', suggestion: '138****5678', rule: 'mobile' },
      ],
    });
  });

  it('prints an array of {file, findings} for several files', async () => {
    const { code, out } = await run(['--json', txt, docx, clean]);
    expect(code).toBe(1);
    const doc = JSON.parse(out);
    expect(doc.map((d: { file: string }) => d.file)).toEqual([txt, docx, clean]);
    expect(doc[1].findings).toMatchObject([{ type: 'mobile_phone', text: '13912345678' }]);
    expect(doc[2].findings).toEqual([]);
  });

  it('reports a missing or unreadable file in the output and exits with 1, still scanning the others', async () => {
    const broken = join(dir, 'broken.docx');
    await writeFile(broken, 'not a zip');
    const { code, out } = await run(['--json', join(dir, 'nope.txt'), broken, txt]);
    expect(code).toBe(1);
    const [missing, unreadable, scanned] = JSON.parse(out);
    expect(missing).toEqual({ file: join(dir, 'nope.txt'), error: { code: 'ERR_PRIVACY_FILE_NOT_FOUND', message: expect.stringContaining('不存在') } });
    expect(unreadable.error.code).toBe('ERR_PRIVACY_UNREADABLE_FILE');
    expect(unreadable.error.message).toContain('broken.docx');
    expect(scanned.findings).toHaveLength(2);
  });

  it('reports a single unreadable file as {file, error}', async () => {
    const { code, out } = await run([dir, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ file: dir, error: { code: 'ERR_PRIVACY_UNREADABLE_FILE' } });
  });

  it('prints a readable Chinese listing without --json', async () => {
    const { code, out } = await run([txt, clean, join(dir, 'nope.txt')]);
    expect(code).toBe(1);
    expect(out).toContain(`【${txt}】（txt）发现 2 处，其中 2 处阻止发布：`);
    expect(out).toContain(`第 2 行第 5 列  身份证号  ${id} → 341525********${id.slice(14)}  [阻止发布]`);
    expect(out).toContain(`【${clean}】（txt）未发现需要处理的内容`);
    expect(out).toContain('无法扫描');
  });

  it('exits like a linter: 1 when any blocking finding exists, 0 when none (or only 提示：请核对，不阻止发布), with or without --json', async () => {
    expect((await run([clean])).code).toBe(0);
    expect((await run([clean, '--json'])).code).toBe(0);
    expect((await run([txt])).code).toBe(1);
    expect((await run([clean, docx])).code).toBe(1); // one file with a blocking finding is enough
    const words = join(dir, '提示词表.txt');
    await writeFile(words, '咨询\twarn\t示例\n');
    const warned = await run([clean, '--json', '--words', words]);
    expect(JSON.parse(warned.out).findings).toMatchObject([{ type: 'sensitive_word', severity: 'warn' }]);
    expect(warned.code).toBe(0);
    const blocking = join(dir, '阻止词表.txt');
    await writeFile(blocking, '咨询\tblock\t示例\n');
    expect((await run([clean, '--words', blocking])).code).toBe(1);
  });

  it('applies word lists given with --words', async () => {
    const words = join(dir, '词表.txt');
    await writeFile(words, '申请人\twarn\t示例\n');
    const { out } = await run([txt, '--json', '--words', words]);
    expect(JSON.parse(out).findings[0]).toMatchObject({ type: 'sensitive_word', text: '申请人', severity: 'warn', rule: '词表' });
  });

  it('refuses bad arguments with exit code 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--jsno', txt])).err).toContain('无法识别的参数“--jsno”');
    expect((await run([txt, '--words'])).code).toBe(2);
    const bad = join(dir, 'bad-words.txt');
    await writeFile(bad, '词\t很严重\n');
    const r = await run([txt, '--words', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('第 1 行');
  });

  it('./bin/gongkai scan sets the process exit code: 1 for a blocking finding, 0 for a clean file, 2 for a usage error', () => {
    const bin = fileURLToPath(new URL('../../../../bin/gongkai', import.meta.url));
    const gongkai = (...argv: string[]) => spawnSync(process.execPath, [bin, 'scan', ...argv], { encoding: 'utf8' });
    const blocked = gongkai(txt);
    expect(blocked.stdout).toContain('阻止发布'); // a listing, not a crash, gave the 1
    expect(blocked.status).toBe(1);
    expect(gongkai(clean, '--json').status).toBe(0);
    const usage = gongkai('--jsno', clean);
    expect(usage.stderr).toContain('无法识别的参数');
    expect(usage.status).toBe(2);
  }, 120_000);
});
