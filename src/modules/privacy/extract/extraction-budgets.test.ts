import { describe, expect, it } from 'vitest';
import { docxBomb, sharedStreamPdf, zip64EntryBomb } from '../../../../test/corpus/privacy/factories/build-hostile.ts';
import { isDomainError } from '../../../shared/domain-error.ts';
import { extractText } from './extract-text.ts';
import type { ExtractionLimits } from './extraction-limits.ts';

// Issue 10: small hostile files held the server for minutes. Each is refused within its budget,
// reported unreadable (not scanned, never clean), and read off the event loop.
async function refusal(bytes: Uint8Array, name: string, limits: Partial<ExtractionLimits> = {}) {
  try {
    await extractText(bytes, name, limits);
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`${name} was read`);
}

const UNSCANNED = '该文件未经扫描，不能视为无问题';

describe('extraction budgets', () => {
  it('refuses a 128-byte ZIP64 archive whose directory claims 4,294,967,295 entries, as .docx and as .xlsx', async () => {
    const bomb = zip64EntryBomb();
    expect(bomb.length).toBe(128);
    for (const name of ['bomb.docx', 'bomb.xlsx']) {
      const r = await refusal(bomb, name);
      expect(r.code).toBe('ERR_PRIVACY_UNREADABLE_FILE');
      expect(r.message).toContain('超出扫描限制：压缩包声明了 4294967295 个条目，超过扫描上限 10000 个');
      expect(r.message).toContain(UNSCANNED);
    }
  });

  it('refuses a .docx whose body inflates to 250 MB, and one whose header hides that size', async () => {
    const honest = docxBomb(250);
    expect(honest.length).toBeLessThan(1024 * 1024);
    expect((await refusal(honest, 'bomb.docx')).message).toContain('超出扫描限制：解压后内容声明为 250 MB，超过扫描上限 64 MB');
    const lying = docxBomb(250, 1);
    const r = await refusal(lying, 'lying.docx');
    expect(r.code).toBe('ERR_PRIVACY_UNREADABLE_FILE');
    expect(r.message).toContain(UNSCANNED);
  });

  it('refuses a PDF of 2,000 pages sharing one 1 MB content stream by its page count', async () => {
    const pdf = sharedStreamPdf(2000, 1024);
    expect(pdf.length).toBeLessThan(400 * 1024);
    const r = await refusal(pdf, 'pages.pdf');
    expect(r.message).toContain('超出扫描限制：PDF 共 2000 页，超过扫描上限 1000 页');
    expect(r.message).toContain(UNSCANNED);
  });

  it('stops a reader over the text budget', async () => {
    const r = await refusal(sharedStreamPdf(3, 1024), 'text.pdf', { maxTextChars: 100_000 });
    expect(r.message).toMatch(/超出扫描限制：PDF 的文字超过扫描上限 100000 字（读到第 1 页）/);
  });

  it('stops a reader that runs out of time, and the next file is read as usual', async () => {
    const r = await refusal(sharedStreamPdf(200, 1024), 'slow.pdf', { timeoutMs: 200 });
    expect(r.message).toContain('超出扫描限制：读取超过 0.2 秒');
    expect(await extractText(new TextEncoder().encode('联系电话：13812345678'), 'next.txt')).toEqual({ text: '联系电话：13812345678', format: 'txt' });
  });

  it('stops a reader that runs out of heap', async () => {
    const r = await refusal(sharedStreamPdf(50, 1024), 'heavy.pdf', { maxHeapMb: 16 });
    expect(r.message).toMatch(/超出扫描限制：(读取时内存超过 16 MB|内存不足)/);
  });

  it('keeps the event loop free while a slow file is read', async () => {
    let settled = false;
    const reading = extractText(docxBomb(40), 'slow.docx').catch(() => null).finally(() => { settled = true; });
    // Inflating and reading 40 MB of XML takes a while; this thread goes on turning its event loop.
    let turns = 0;
    while (!settled) {
      await new Promise((r) => setImmediate(r));
      turns++;
    }
    await reading;
    expect(turns).toBeGreaterThan(100);
  });
});
