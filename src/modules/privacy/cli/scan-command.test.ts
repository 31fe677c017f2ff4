import { writeFile } from 'node:fs/promises';
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
    expect(code).toBe(0);
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
    expect(code).toBe(0);
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
});
