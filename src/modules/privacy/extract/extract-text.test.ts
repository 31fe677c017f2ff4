import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text.ts';
import { isDomainError } from '../../../shared/domain-error.ts';
import { buildDocx } from '../../../../test/corpus/privacy/factories/build-docx.ts';
import { buildXlsx } from '../../../../test/corpus/privacy/factories/build-xlsx.ts';
import { buildPdf } from '../../../../test/corpus/privacy/factories/build-pdf.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function refusal(bytes: Uint8Array, name: string): Promise<{ code: string; message: string; httpStatus: number }> {
  try {
    await extractText(bytes, name);
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, message: e.message, httpStatus: e.httpStatus };
    throw e;
  }
  throw new Error(`${name} was read`);
}

describe('extractText: plain text', () => {
  it('reads UTF-8 and drops the BOM', async () => {
    expect(await extractText(utf8('\ufeff联系电话：13812345678'), 'a.txt')).toEqual({ text: '联系电话：13812345678', format: 'txt' });
  });

  it('falls back to GB18030 when the bytes are not valid UTF-8', async () => {
    // '联系电话：13812345678，张三' encoded in GB18030
    const gb = new Uint8Array([193, 170, 207, 181, 181, 231, 187, 176, 163, 186, 49, 51, 56, 49, 50, 51, 52, 53, 54, 55, 56, 163, 172, 213, 197, 200, 253]);
    expect((await extractText(gb, 'gbk.TXT')).text).toBe('联系电话：13812345678，张三');
  });

  it('reads UTF-16 with a BOM', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...[...'张三'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect((await extractText(bytes, 'u16.txt')).text).toBe('张三');
  });

  it('refuses a binary file renamed to .txt', async () => {
    expect(await refusal(new Uint8Array([0x4d, 0x5a, 0, 0, 1]), 'setup.txt')).toMatchObject({ code: 'ERR_PRIVACY_UNREADABLE_FILE' });
  });
});

describe('extractText: HTML', () => {
  it('keeps the visible text, decodes entities, puts blocks on lines and cells in columns', async () => {
    const html =
      '<html><head><title>公示</title><style>p{color:red}</style><script>var tel="13800000000"</script></head><body>' +
      '<h1>低保   名单</h1><p>联系人：张三&nbsp;电话&#65306;13812345678<br>地址&amp;邮编</p>' +
      '<table><tr><th>姓名</th><th>身份证号</th></tr><tr><td> 李四 </td><td>341525199003071234</td></tr></table><div>完</div></body></html>';
    const { text, format } = await extractText(utf8(html), 'page.html');
    expect(format).toBe('html');
    expect(text).toBe('公示\n低保 名单\n联系人：张三\u00a0电话：13812345678\n地址&邮编\n姓名\t身份证号\n李四\t341525199003071234\n完');
  });

  it('keeps the whitespace of <pre>', async () => {
    expect((await extractText(utf8('<pre>a  b\nc</pre>'), 'x.htm')).text).toBe('a  b\nc');
  });
});

describe('extractText: .docx', () => {
  it('reads paragraphs, tabs, tables, the page header, tracked deletions and comments', async () => {
    const bytes = buildDocx({
      header: '内部资料 注意保存',
      blocks: ['关于张三的处理决定', '姓名：\t张三', [['姓名', '电话'], ['张三', ['138 1234', '5678']]], '以上。'],
      deleted: '身份证号341525199003071234',
      comments: ['请核实手机号'],
    });
    const { text, format } = await extractText(bytes, '决定书.DOCX');
    expect(format).toBe('docx');
    expect(text).toBe(
      '内部资料 注意保存\n\n' +
        '关于张三的处理决定\n姓名：\t张三\n姓名\t电话\n张三\t138 1234 5678\n以上。\n身份证号341525199003071234\n\n' +
        '请核实手机号\n',
    );
  });

  it('refuses a .docx that is not a zip, or a zip without a body', async () => {
    expect(await refusal(utf8('not a zip'), 'a.docx')).toMatchObject({ code: 'ERR_PRIVACY_UNREADABLE_FILE', httpStatus: 422 });
    const xlsx = buildXlsx({ sheets: [{ name: 'S', rows: [['x']] }] });
    const r = await refusal(xlsx, 'renamed.docx');
    expect(r.message).toContain('renamed.docx');
    expect(r.message).toContain('word/document.xml');
  });

  it('refuses a truncated archive', async () => {
    const bytes = buildDocx({ blocks: ['正文'.repeat(200)] });
    expect(await refusal(bytes.subarray(0, bytes.length - 30), 'cut.docx')).toMatchObject({ code: 'ERR_PRIVACY_UNREADABLE_FILE' });
  });
});

describe('extractText: .xlsx', () => {
  it('reads sheets in order with their names, cells by tab at their column, shared and inline strings', async () => {
    const rows = [['序号', '姓名', '身份证号', '手机'], [1, '张三', '341525199003071234', 13812345678], [2, null, '李四']];
    const shared = await extractText(buildXlsx({ sheets: [{ name: '名单', rows }, { name: '说明', rows: [['无']] }] }), 'l.xlsx');
    expect(shared).toEqual({
      text: '名单\n序号\t姓名\t身份证号\t手机\n1\t张三\t341525199003071234\t13812345678\n2\t\t李四\n\n说明\n无',
      format: 'xlsx',
    });
    const inline = await extractText(buildXlsx({ sheets: [{ name: '名单', rows }], inlineStrings: true }), 'l.xlsx');
    expect(inline.text).toBe(shared.text.split('\n\n')[0]);
  });
});

describe('extractText: PDF', () => {
  it('reads the text layer of every page', async () => {
    const pdf = await buildPdf(['身份证号：341525199003071234', { pageBreak: true }, '联系电话 13812345678'], { cjk: true });
    const { text, format } = await extractText(pdf, 'scan.pdf');
    expect(format).toBe('pdf');
    expect(text).toContain('341525199003071234');
    expect(text).toContain('13812345678');
    expect(text.indexOf('341525')).toBeLessThan(text.indexOf('138123'));
  });

  it('reports a PDF without a text layer as unreadable, not as clean', async () => {
    const r = await refusal(await buildPdf([]), '扫描件.pdf');
    expect(r.code).toBe('ERR_PRIVACY_UNREADABLE_FILE');
    expect(r.message).toContain('扫描件.pdf');
    expect(r.message).toContain('没有文字层');
  });

  it('refuses a file that only claims to be a PDF', async () => {
    expect(await refusal(utf8('%PDF-1.4 garbage'), 'bad.pdf')).toMatchObject({ code: 'ERR_PRIVACY_UNREADABLE_FILE' });
    expect(await refusal(utf8('hello'), 'bad2.pdf')).toMatchObject({ code: 'ERR_PRIVACY_UNREADABLE_FILE' });
  });
});

describe('extractText: unsupported files', () => {
  it.each([
    ['old.doc', '.docx'],
    ['old.xls', '.xlsx'],
    ['photo.jpg', '.jpg'],
    ['README', '没有扩展名'],
  ])('refuses %s with a Chinese reason', async (name, hint) => {
    const r = await refusal(utf8('x'), name);
    expect(r.code).toBe('ERR_PRIVACY_UNREADABLE_FILE');
    expect(r.message).toContain(hint);
  });

  it('refuses an empty file', async () => {
    expect((await refusal(new Uint8Array(), 'empty.txt')).message).toContain('文件为空');
  });
});
