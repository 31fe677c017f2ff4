import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { laterDocumentsWords, ValidityNotice } from './validity-notice.tsx';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the 效力 notice and 有效期至 (ADR 0027)', () => {
  it('says when a lapsed document was in force to and from which day it lapsed', () => {
    const html = renderToString(<ValidityNotice item={{ validity: 'expired', validThroughOn: '2026-06-06' }} amendedBy={[]} replacements={[]} />);
    expect(text(html)).toBe('本文件已失效。有效期至 2026-06-06，已于 2026-06-07 失效。');
  });

  it('says nothing for a document in force, even with a 有效期至 ahead', () => {
    expect(renderToString(<ValidityNotice item={{ validity: 'valid', validThroughOn: '2027-06-06' }} amendedBy={[]} replacements={[]} />)).toBe('');
  });

  it('keeps 已修改 and 已废止 as they were: they take precedence over the period', () => {
    expect(text(renderToString(<ValidityNotice item={{ validity: 'repealed', validThroughOn: '2025-06-06' }} amendedBy={[]} replacements={[]} />))).toBe('本文件已废止。');
    expect(text(renderToString(<ValidityNotice item={{ validity: 'amended', validThroughOn: '2025-06-06' }} amendedBy={[]} replacements={[]} />))).toMatch(/^本文件已修改。/);
  });

  // An outside tester (a resident on a phone) on 岚建规〔2020〕1号: a bare 本文件已修改。 tells neither what changed it nor where the text in force is.
  describe('an amended document whose amender the site does not name', () => {
    const later = { organName: '县住建局', catalogHref: '/organs/qlx-zjj/catalog', searchWords: '青岚县农村危房改造补助资金管理办法' };
    const amended = { validity: 'amended' as const, validThroughOn: null };

    it('says plainly that none is recorded and points to the catalog and a search for the documents after it', () => {
      const html = renderToString(<ValidityNotice item={amended} amendedBy={[]} replacements={[]} laterDocuments={later} />);
      expect(text(html)).toBe('本文件已修改。本站没有记载是哪份文件、何时修改了本文件。修改后的规定请查看此后发布的文件：县住建局公开目录，或检索“青岚县农村危房改造补助资金管理办法”（最新的在前）。');
      expect(html).toContain('<a href="/organs/qlx-zjj/catalog">');
      expect(html).toContain(`<a href="/search?q=${encodeURIComponent('青岚县农村危房改造补助资金管理办法')}&amp;sort=newest">`);
    });

    it('does not say none is recorded when the recorded amender is only withdrawn since (ADR 0026), and still points onward', () => {
      const html = renderToString(<ValidityNotice item={amended} amendedBy={[]} replacements={[]} laterDocuments={later} amendersRecorded />);
      expect(text(html)).toBe('本文件已修改。修改后的规定请查看此后发布的文件：县住建局公开目录，或检索“青岚县农村危房改造补助资金管理办法”（最新的在前）。');
    });

    it('names a recorded amender as before, with no pointer', () => {
      const decision = { id: 5, title: '关于修改部分规范性文件的决定', organCode: 'qlx-zf', documentNumber: '岚政〔2026〕5号', publishedOn: '2026-03-01' };
      expect(text(renderToString(<ValidityNotice item={amended} amendedBy={[decision]} replacements={[]} laterDocuments={later} />)))
        .toBe('本文件已被《关于修改部分规范性文件的决定》（岚政〔2026〕5号，2026-03-01发布）修改。');
    });

    it('searches by the name the title quotes, else the 文号, else the title', () => {
      expect(laterDocumentsWords({ title: '关于印发《青岚县农村危房改造补助资金管理办法》的通知', documentNumber: '岚建规〔2020〕1号' })).toBe('青岚县农村危房改造补助资金管理办法');
      expect(laterDocumentsWords({ title: '关于加强扬尘治理的通知', documentNumber: '岚建〔2021〕3号' })).toBe('岚建〔2021〕3号');
      expect(laterDocumentsWords({ title: '住宅工程质量分户验收管理办法', documentNumber: null })).toBe('住宅工程质量分户验收管理办法');
    });
  });

  it('keeps a lapsed document without a date as before', () => {
    expect(text(renderToString(<ValidityNotice item={{ validity: 'expired', validThroughOn: null }} amendedBy={[]} replacements={[]} />))).toBe('本文件已失效。');
  });

  it('names a document whose title holds a 《》 name with 〈〉 inside, not 《》 inside 《》 (second citizen tester)', () => {
    const replacement = { id: 9, title: '关于印发《青岚县公共租赁住房管理办法》的通知', organCode: 'qlx-zjj', documentNumber: '岚建〔2025〕3号', publishedOn: '2025-03-01', validity: 'valid' as const };
    expect(text(renderToString(<ValidityNotice item={{ validity: 'repealed', validThroughOn: null }} amendedBy={[]} replacements={[replacement]} />)))
      .toBe('本文件已被《关于印发〈青岚县公共租赁住房管理办法〉的通知》（岚建〔2025〕3号，2025-03-01发布）废止。');
  });

  it('keeps each date on one line: at 360 px 2026- | 11-02发布 broke across two (an outside tester)', () => {
    const replacement = { id: 9, title: '管理办法', organCode: 'qlx-zjj', documentNumber: null, publishedOn: '2026-11-02', validity: 'valid' as const };
    expect(renderToString(<ValidityNotice item={{ validity: 'repealed', validThroughOn: null }} amendedBy={[]} replacements={[replacement]} />)).toContain('<span class="nowrap">2026-11-02</span>发布');
    const lapsed = renderToString(<ValidityNotice item={{ validity: 'expired', validThroughOn: '2025-06-06' }} amendedBy={[]} replacements={[]} />);
    expect(lapsed).toContain('<span class="nowrap">2025-06-06</span>');
    expect(lapsed).toContain('<span class="nowrap">2025-06-07</span>');
  });

  // An outside tester followed the banner's link from a repealed document to another repealed one.
  describe('a replacement repealed in its turn (the chain 政策解读 follows, domain/replacement-chain.ts)', () => {
    const doc = (id: number, title: string, validity: 'valid' | 'amended' | 'repealed' | 'expired', documentNumber: string) =>
      ({ id, title, organCode: 'qlx-zjj', documentNumber, publishedOn: '2025-03-01', validity });
    const second = doc(2, '住房保障办法（第二版）', 'repealed', '岚建规〔2025〕2号');
    const third = doc(3, '住房保障办法（第三版）', 'valid', '岚建规〔2026〕3号');
    const named = (d: { title: string; documentNumber: string }) => `《${d.title}》（${d.documentNumber}，2025-03-01发布）`;
    const notice = (validity: 'repealed' | 'expired', replacements: ReturnType<typeof doc>[], validThroughOn: string | null = null) =>
      renderToString(<ValidityNotice item={{ validity, validThroughOn }} amendedBy={[]} replacements={replacements} />);

    it('names the direct replacement and, when that is no longer in force, the document in force now, linked', () => {
      const html = notice('repealed', [second, third]);
      expect(text(html)).toBe(`本文件已被${named(second)}废止，后者也已废止，现行有效的是${named(third)}。`);
      expect(html).toContain('<a href="/organs/qlx-zjj/items/2">');
      expect(html).toContain('<a href="/organs/qlx-zjj/items/3">');
    });

    it('names only the direct replacement when it is in force (已修改 is in force)', () => {
      expect(text(notice('repealed', [third]))).toBe(`本文件已被${named(third)}废止。`);
      expect(text(notice('repealed', [{ ...third, validity: 'amended' }]))).toBe(`本文件已被${named(third)}废止。`);
    });

    it('says truthfully when the chain ends at a document no longer in force, with none after it', () => {
      expect(text(notice('repealed', [second]))).toBe(`本文件已被${named(second)}废止，后者也已废止，本站没有记载现行有效的替代文件。`);
      const lapsed = { ...third, validity: 'expired' as const };
      expect(text(notice('repealed', [second, lapsed]))).toBe(`本文件已被${named(second)}废止，后者也已废止，最终替代它的${named(lapsed)}也已失效，本站没有记载现行有效的替代文件。`);
    });

    it('a lapsed document whose 现行文件 was repealed since does not call that one 现行', () => {
      expect(text(notice('expired', [second, third], '2026-06-06')))
        .toBe(`本文件已失效。有效期至 2026-06-06，已于 2026-06-07 失效。替代文件：${named(second)}，后者也已废止，现行有效的是${named(third)}。`);
      expect(text(notice('expired', [third], '2026-06-06'))).toBe(`本文件已失效。有效期至 2026-06-06，已于 2026-06-07 失效。现行文件：${named(third)}`);
    });
  });
});
