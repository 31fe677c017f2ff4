import { AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, Paragraph, Tab, Table, TableCell, TableRow, TabStopType, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxToHtml } from './docx-to-html.ts';

/** A 1×1 PNG, for a document with a picture in it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function wordDocument(): Promise<Buffer> {
  const cell = (text: string, columnSpan?: number) => new TableCell({ children: [new Paragraph(text)], ...(columnSpan ? { columnSpan } : {}) });
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ text: '关于2026年农村危房改造补助对象的公示', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: '一、补助对象', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ children: [new TextRun('经村民代表会议评议，'), new TextRun({ text: '以下农户', bold: true }), new TextRun('拟列为补助对象。')] }),
        new Table({
          rows: [
            new TableRow({ children: [cell('乡镇'), cell('户主'), cell('补助金额（元）')] }),
            new TableRow({ children: [cell('青岚镇'), cell('张某'), cell('20000')] }),
            new TableRow({ children: [cell('合计', 2), cell('20000')] }),
          ],
        }),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
        new Paragraph('<script>alert(1)</script>公示期为5个工作日。'),
        new Paragraph({ text: '请各乡镇认真核对', alignment: AlignmentType.CENTER }),
        new Paragraph({ text: '青岚县住房和城乡建设局', alignment: AlignmentType.RIGHT }),
        new Paragraph({ text: '2026年3月2日', alignment: AlignmentType.END }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

describe('a Word document brought into a body text (mammoth)', () => {
  it('keeps headings, bold, tables with merged cells and text; drops pictures and says so; nothing executable survives', async () => {
    const { html, notes } = await docxToHtml(await wordDocument());
    expect(html).toContain('<h2>关于2026年农村危房改造补助对象的公示</h2>');
    expect(html).toContain('<h3>一、补助对象</h3>');
    // Written without a first-line indent, the body paragraph stays 顶格 on the portal too.
    expect(html).toContain('<p class="flush">经村民代表会议评议，');
    expect(html).toContain('<strong>以下农户</strong>');
    expect(html).toMatch(/<td colspan="2"><p>合计<\/p><\/td>/);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;公示期为5个工作日。');
    // The 落款 and its date stay right-aligned, a centred line centred, as the editor's 居右/居中 write them.
    expect(html).toContain('<p class="center">请各乡镇认真核对</p>');
    expect(html).toContain('<p class="right">青岚县住房和城乡建设局</p><p class="right">2026年3月2日</p>');
    expect(notes).toContain('文档中的 1 张图片未导入，请作为附件上传');
  });

  it('stores the pictures through the given store and shows them where they were', async () => {
    const stored: { ext: string; index: number; size: number }[] = [];
    const { html, notes } = await docxToHtml(await wordDocument(), async (p) => {
      stored.push({ ext: p.ext, index: p.index, size: p.bytes.length });
      return `/attachments/${40 + p.index}/${encodeURIComponent(`图片${p.index}${p.ext}`)}`;
    });
    expect(stored).toEqual([{ ext: '.png', index: 1, size: PNG.length }]);
    expect(html).toContain(`<img src="/attachments/41/${encodeURIComponent('图片1.png')}"`);
    expect(notes).toEqual(['文档中的 1 张图片已作为附件保存并插入正文']);
  });

  // Found by an outside tester: a centred 标题 1 came in left-aligned, and the 首行缩进 of the body text was dropped.
  // Then: the salutation (主送机关, 顶格 in GB/T 9704) came in flush but showed indented on the portal, where
  // body paragraphs are indented by default; it now comes in `flush`, an indented paragraph as the default.
  it('keeps a centred heading centred, a paragraph’s first-line indent (首行缩进) as the default and its absence as 顶格 (flush), but not a list’s indent', async () => {
    const doc = new Document({
      styles: { paragraphStyles: [{ id: 'WordHeading2', name: 'heading 2' }] },
      numbering: { config: [{ reference: 'items', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }] },
      sections: [{ children: [
        new Paragraph({ text: '关于做好2026年农村危房改造工作的通知', heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
        new Paragraph({ text: '一、工作目标', heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }),
        new Paragraph({ text: '（一）补助标准', heading: HeadingLevel.HEADING_2, indent: { firstLine: 640 } }),
        new Paragraph({ text: '各乡镇人民政府：', indent: { firstLine: 0 } }),
        new Paragraph({ text: '现将有关事项通知如下。', indent: { firstLine: 640 } }),
        new Paragraph({ text: '居中而缩进的一行', alignment: AlignmentType.CENTER, indent: { firstLine: 480 } }),
        new Paragraph({ text: '悬挂缩进的一段', indent: { left: 640, hanging: 640 } }),
        new Paragraph({ text: '列表第一项', numbering: { reference: 'items', level: 0 } }),
        new Paragraph({ text: '二、职责分工', style: 'WordHeading2', alignment: AlignmentType.CENTER }),
        new Table({ rows: [new TableRow({ children: [
          new TableCell({ children: [new Paragraph('户主')] }),
          new TableCell({ children: [new Paragraph({ text: '金额', indent: { firstLine: 480 } })] }),
        ] })] }),
      ] }],
    });
    const { html, notes } = await docxToHtml(await Packer.toBuffer(doc));
    expect(html).toContain('<h2 class="center">关于做好2026年农村危房改造工作的通知</h2>');
    expect(html).toContain('<h3 class="center">一、工作目标</h3>');
    expect(html).toContain('<h4 class="indent">（一）补助标准</h4>');
    expect(html).toContain('<p class="flush">各乡镇人民政府：</p>');
    expect(html).toContain('<p>现将有关事项通知如下。</p>');
    // Centring cancels the indent: the class would change nothing.
    expect(html).toContain('<p class="center">居中而缩进的一行</p>');
    // A hanging indent is no first-line indent: the first line starts at the margin.
    expect(html).toContain('<p class="flush">悬挂缩进的一段</p>');
    expect(html).toMatch(/<ol><li>列表第一项<\/li><\/ol>/);
    // Word names its own heading styles in lower case ('heading 2'): centred, it stays the same heading.
    expect(html).toContain('<h4 class="center">二、职责分工</h4>');
    // A table cell starts at its edge whatever Word says: its paragraphs take no class.
    expect(html).toMatch(/<td><p>户主<\/p><\/td><td><p>金额<\/p><\/td>/);
    expect(html).not.toMatch(/<p class="[^"]*indent/);
    expect(notes).toEqual([]);
  });

  it('names the Word styles it did not know, imported as plain paragraphs', async () => {
    const doc = new Document({
      styles: { paragraphStyles: [{ id: 'Signature1', name: '落款样式', run: { bold: true } }] },
      sections: [{ children: [new Paragraph('正文'), new Paragraph({ text: '青岚县住房和城乡建设局', style: 'Signature1' }), new Paragraph({ text: '2026年3月2日', style: 'Signature1' })] }],
    });
    const { html, notes } = await docxToHtml(await Packer.toBuffer(doc));
    // Written without a first-line indent it comes in 顶格; its style's own look (bold) is still named as lost.
    expect(html).toContain('<p class="flush">青岚县住房和城乡建设局</p>');
    expect(notes).toEqual(['Word 样式“落款样式”未能保留，已按普通正文导入']);
  });

  it('refuses an old .doc, a renamed file, a damaged package and an empty file, each with a clear message', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(docxToHtml(ole)).rejects.toMatchObject({ code: 'ERR_EDITOR_DOCX_INVALID', message: expect.stringContaining('另存为 .docx') });
    await expect(docxToHtml(Buffer.from('MZ\x90\x00 not a document'))).rejects.toMatchObject({ code: 'ERR_EDITOR_DOCX_INVALID' });
    await expect(docxToHtml(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]))).rejects.toMatchObject({ code: 'ERR_EDITOR_DOCX_INVALID' });
    await expect(docxToHtml(Buffer.alloc(0))).rejects.toMatchObject({ code: 'ERR_EDITOR_DOCX_EMPTY' });
  });

  it('reads a 正文 indent set in the document’s styles, not on each paragraph (as 公文 templates do), and keeps a paragraph set 顶格 flush', async () => {
    const doc = new Document({
      styles: {
        default: { document: { paragraph: { indent: { firstLine: 420 } } } },
        paragraphStyles: [{ id: 'LuoKuan', name: '落款正文', basedOn: 'Normal', paragraph: { indent: { firstLine: 0 } } }],
      },
      sections: [{
        children: [
          new Paragraph({ text: '各有关单位：', indent: { firstLine: 0 } }),
          new Paragraph('现将有关事项通知如下。'),
          new Paragraph({ text: '联系人：王某', style: 'LuoKuan' }),
        ],
      }],
    });
    const { html } = await docxToHtml(await Packer.toBuffer(doc));
    expect(html).toContain('<p class="flush">各有关单位：</p>');
    expect(html).toContain('<p>现将有关事项通知如下。</p>');
    expect(html).toContain('<p class="flush">联系人：王某</p>');
  });

  // Found by an outside tester: a paragraph whose own indent Word or WPS wrote only in character units
  // (w:firstLineChars, without w:firstLine) came in 顶格; mammoth reads only w:firstLine and w:hanging.
  it('reads a paragraph’s own indent in character units as its style’s is read: firstLineChars indents, zero or hangingChars is 顶格, leftChars is no first-line indent', async () => {
    /** A .docx of the paragraphs, each w:ind's marker twips (7, 8, 9) rewritten as the given character-unit attribute. */
    const word = async (defaults: number, children: Paragraph[], chars: Record<string, string>) => {
      const doc = new Document({ styles: { default: { document: { paragraph: { indent: { firstLine: defaults } } } } }, sections: [{ children }] });
      const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
      let xml = await zip.file('word/document.xml')!.async('string');
      for (const [marker, attribute] of Object.entries(chars)) xml = xml.replace(new RegExp(`w:(?:firstLine|hanging|left|start)="${marker}"`), attribute);
      zip.file('word/document.xml', xml);
      return zip.generateAsync({ type: 'nodebuffer' });
    };
    const plain = await docxToHtml(await word(0, [
      new Paragraph({ text: '现将有关事项通知如下。', indent: { firstLine: 7 } }),
      new Paragraph({ text: '整段左缩进的一段', indent: { left: 8 } }),
    ], { 7: 'w:firstLineChars="200"', 8: 'w:leftChars="200"' }));
    expect(plain.html).toContain('<p>现将有关事项通知如下。</p>');
    expect(plain.html).toContain('<p class="flush">整段左缩进的一段</p>');

    const indentedByStyle = await docxToHtml(await word(420, [
      new Paragraph({ text: '各有关单位：', indent: { firstLine: 7 } }),
      new Paragraph({ text: '悬挂缩进的一段', indent: { hanging: 8 } }),
      new Paragraph({ text: '整段左缩进的正文', indent: { left: 9 } }),
    ], { 7: 'w:firstLineChars="0"', 8: 'w:hangingChars="200"', 9: 'w:leftChars="200"' }));
    expect(indentedByStyle.html).toContain('<p class="flush">各有关单位：</p>');
    expect(indentedByStyle.html).toContain('<p class="flush">悬挂缩进的一段</p>');
    expect(indentedByStyle.html).toContain('<p>整段左缩进的正文</p>');
  });

  // Found by an outside tester: a notice whose first line is its centred title came in as a centred
  // paragraph, the 标题 field stayed empty, and the portal showed the title twice (its red title and the body's).
  describe('a document’s first line that is its title (GB/T 9704 7.3.1: 居中排布)', () => {
    const notice = (first: Paragraph, ...rest: Paragraph[]) => Packer.toBuffer(new Document({ sections: [{ children: [
      first, new Paragraph('各物业服务企业：'), new Paragraph({ text: '为进一步规范物业服务收费行为，现将有关事项通知如下。', indent: { firstLine: 420 } }), ...rest,
    ] }] }));
    const centredTitle = () => new Paragraph({ text: '关于开展2026年度住宅小区物业服务收费专项检查的通知', alignment: AlignmentType.CENTER });

    it('fills an empty 标题 with a centred first line and leaves it out of the body', async () => {
      const { html, notes, title } = await docxToHtml(await notice(centredTitle()), undefined, { currentTitle: '  ' });
      expect(title).toBe('关于开展2026年度住宅小区物业服务收费专项检查的通知');
      expect(html).toBe('<p class="flush">各物业服务企业：</p><p>为进一步规范物业服务收费行为，现将有关事项通知如下。</p>');
      expect(notes).toEqual(['文档首行的标题“关于开展2026年度住宅小区物业服务收费专项检查的通知”已填入“标题（名称）”，未放入正文']);
    });

    it('takes a first line in Word’s Title style as the title, centred or not', async () => {
      const { html, title } = await docxToHtml(await notice(new Paragraph({ text: '青岚县住房保障对象资格复核情况的公示', heading: HeadingLevel.TITLE })), undefined, { currentTitle: '' });
      expect(title).toBe('青岚县住房保障对象资格复核情况的公示');
      expect(html).not.toContain('复核情况的公示');
    });

    it('drops the first line when the 标题 already says the same, spaces and punctuation aside', async () => {
      const { html, notes, title } = await docxToHtml(await notice(centredTitle()), undefined, { currentTitle: '关于开展 2026 年度住宅小区物业服务收费专项检查的通知。' });
      expect(title).toBeUndefined();
      expect(html).toMatch(/^<p class="flush">各物业服务企业：<\/p>/);
      expect(notes).toEqual(['文档首行的标题与“标题（名称）”相同，未再放入正文']);
    });

    it('keeps the first line in the body when the 标题 says something else, and says so', async () => {
      const { html, notes, title } = await docxToHtml(await notice(centredTitle()), undefined, { currentTitle: '物业服务收费专项检查' });
      expect(title).toBeUndefined();
      expect(html).toMatch(/^<p class="center">关于开展2026年度住宅小区物业服务收费专项检查的通知<\/p>/);
      expect(notes[0]).toBe('文档首行“关于开展2026年度住宅小区物业服务收费专项检查的通知”与“标题（名称）”不同，保留在正文中；如是标题，请核对后删去其一');
    });

    it('leaves the document as it is when its first line is no title, or may be only the title’s first line, or no form is asked about', async () => {
      const untouched = async (doc: Buffer) => {
        const r = await docxToHtml(doc, undefined, { currentTitle: '' });
        expect(r.title).toBeUndefined();
        expect(r.notes).toEqual([]);
        return r.html;
      };
      // A bold left-aligned first line, a centred 版头, a centred salutation, a list item: none is a title.
      expect(await untouched(await notice(new Paragraph({ children: [new TextRun({ text: '关于物业服务收费的说明', bold: true, size: 44 })] })))).toContain('关于物业服务收费的说明');
      expect(await untouched(await notice(new Paragraph({ text: '青岚县住房和城乡建设局文件', alignment: AlignmentType.CENTER })))).toContain('<p class="center">青岚县住房和城乡建设局文件</p>');
      expect(await untouched(await notice(new Paragraph({ text: '各街道（乡镇）房管所：', alignment: AlignmentType.CENTER })))).toContain('各街道（乡镇）房管所：');
      // A complete title line (…的通知) with another centred line under it: which is the title is left to the officer.
      const twoTitles = await Packer.toBuffer(new Document({ sections: [{ children: [
        centredTitle(), new Paragraph({ text: '青岚县住房和城乡建设局', alignment: AlignmentType.CENTER }), new Paragraph('各物业服务企业：'),
      ] }] }));
      expect(await untouched(twoTitles)).toContain('<p class="center">青岚县住房和城乡建设局</p>');
      // A 文号 alone at the top with no title after it, and an organ's name line with no 文号 under it: no 版头 is taken out.
      expect(await untouched(await notice(new Paragraph({ text: '岚建〔2026〕63号', alignment: AlignmentType.CENTER })))).toContain('岚建〔2026〕63号');
      expect(await untouched(await Packer.toBuffer(new Document({ sections: [{ children: [
        new Paragraph({ text: '青岚县住房和城乡建设局', alignment: AlignmentType.CENTER }), centredTitle(), new Paragraph('各物业服务企业：'),
      ] }] })))).toContain('青岚县住房和城乡建设局');
      // A document that is only its title line keeps it: the body would be empty.
      expect(await untouched(await Packer.toBuffer(new Document({ sections: [{ children: [centredTitle()] }] })))).toContain('专项检查的通知');
      // Without a form (the API's conversion), nothing is taken out.
      const plain = await docxToHtml(await notice(centredTitle()));
      expect(plain.title).toBeUndefined();
      expect(plain.html).toMatch(/^<p class="center">关于开展/);
    });

    it('takes the title line with a centred parenthesised line under it (（征求意见稿）) as the title', async () => {
      const withNote = await Packer.toBuffer(new Document({ sections: [{ children: [
        centredTitle(), new Paragraph({ text: '（征求意见稿）', alignment: AlignmentType.CENTER }), new Paragraph('各物业服务企业：'),
      ] }] }));
      const r = await docxToHtml(withNote, undefined, { currentTitle: '' });
      expect(r.title).toBe('关于开展2026年度住宅小区物业服务收费专项检查的通知');
      expect(r.html).toBe('<p class="center">（征求意见稿）</p><p class="flush">各物业服务企业：</p>');
    });
  });
});

describe('a long title over two centred lines, and a 公文 版头 above it (GB/T 9704-2012 7.2, 7.3.1)', () => {
  const centred = (text: string, extra: Record<string, unknown> = {}) => new Paragraph({ text, alignment: AlignmentType.CENTER, ...extra });
  const body = () => [new Paragraph('各乡镇人民政府，县直有关单位：'), new Paragraph({ text: '为做好城镇老旧小区改造工作，现将有关事项通知如下。', indent: { firstLine: 420 } })];
  const docx = (...children: Paragraph[]) => Packer.toBuffer(new Document({ sections: [{ children: [...children, ...body()] }] }));
  const BODY = '<p class="flush">各乡镇人民政府，县直有关单位：</p><p>为做好城镇老旧小区改造工作，现将有关事项通知如下。</p>';
  const TITLE = '关于印发《青岚县2026年城镇老旧小区改造实施方案》的通知';
  const splitTitle = () => [centred('关于印发《青岚县2026年城镇老旧小区改造'), centred('实施方案》的通知')];
  const header = () => [
    centred('青岚县住房和城乡建设局文件', { children: [new TextRun({ text: '青岚县住房和城乡建设局文件', color: 'FF0000', size: 72 })], text: undefined }),
    centred('岚建〔2026〕63号'),
    // The red rule under the 文号: an empty paragraph with a bottom border.
    new Paragraph({ children: [], border: { bottom: { style: 'single', size: 12, color: 'FF0000', space: 1 } } }),
  ];

  it('joins a title set over two centred lines into one title and leaves both lines out of the body', async () => {
    const r = await docxToHtml(await docx(...splitTitle()), undefined, { currentTitle: '' });
    expect(r.title).toBe(TITLE);
    expect(r.html).toBe(BODY);
    expect(r.notes).toEqual([`文档开头的标题“${TITLE}”已填入“标题（名称）”，未放入正文`]);
    // The form already saying the same: both lines go too.
    const same = await docxToHtml(await docx(...splitTitle()), undefined, { currentTitle: TITLE });
    expect(same.html).toBe(BODY);
  });

  it('drops a full 版头 (发文机关标志, 文号, the rule) and fills an empty 文号 from it', async () => {
    const r = await docxToHtml(await docx(...header(), ...splitTitle()), undefined, { currentTitle: '', currentDocumentNumber: '' });
    expect(r).toMatchObject({ title: TITLE, documentNumber: '岚建〔2026〕63号', html: BODY });
    expect(r.notes).toEqual([
      `文档开头的标题“${TITLE}”已填入“标题（名称）”，未放入正文`,
      '文档开头的版头（发文机关标志、文号）未放入正文；文号“岚建〔2026〕63号”已填入“文号”',
    ]);
  });

  it('keeps a 文号 the form already has, and says so when the 版头’s differs', async () => {
    const same = await docxToHtml(await docx(...header(), centred(TITLE)), undefined, { currentTitle: '', currentDocumentNumber: '岚建〔2026〕63号' });
    expect(same.documentNumber).toBeUndefined();
    expect(same.notes[1]).toBe('文档开头的版头（发文机关标志、文号）未放入正文');
    const other = await docxToHtml(await docx(...header(), centred(TITLE)), undefined, { currentTitle: '', currentDocumentNumber: '岚建〔2026〕60号' });
    expect(other.documentNumber).toBeUndefined();
    expect(other.notes[1]).toBe('文档开头的版头（发文机关标志、文号）未放入正文；其中的文号“岚建〔2026〕63号”与“文号”栏不同，请核对');
    expect(other.html).toBe(BODY);
  });

  it('reads an upward document’s 文号 line with its 签发人, and a 版头 without the word 文件', async () => {
    const r = await docxToHtml(await docx(centred('青岚县住房和城乡建设局'), new Paragraph('岚建〔2026〕7号    签发人：李明'), centred('关于2026年保障性住房建设情况的报告')), undefined, { currentTitle: '', currentDocumentNumber: '' });
    expect(r).toMatchObject({ title: '关于2026年保障性住房建设情况的报告', documentNumber: '岚建〔2026〕7号', html: BODY });
  });

  it('never takes ordinary text for a 版头 or a title’s second line', async () => {
    // A 版头 with no title under it stays: the document may be something else altogether.
    const noTitle = await docxToHtml(await docx(...header()), undefined, { currentTitle: '', currentDocumentNumber: '' });
    expect(noTitle.html).toContain('岚建〔2026〕63号');
    expect(noTitle.documentNumber).toBeUndefined();
    // A centred date under a title line is not part of it.
    const dated = await docxToHtml(await docx(centred('关于开展2026年度住宅小区'), centred('2026年3月2日')), undefined, { currentTitle: '' });
    expect(dated.title).toBeUndefined();
    expect(dated.html).toContain('2026年3月2日');
    // Without a form (the API's conversion) the 版头 stays.
    const plain = await docxToHtml(await docx(...header(), ...splitTitle()));
    expect(plain.html).toMatch(/^<p class="center">青岚县住房和城乡建设局文件<\/p><p class="center">岚建〔2026〕63号<\/p>/);
  });
});


describe('an upward document’s 版头 (文号 left, 签发人 right on one line) and a title over two lines (found by an outside tester)', () => {
  const centred = (text: string) => new Paragraph({ text, alignment: AlignmentType.CENTER });
  const tail = () => [
    new Paragraph('县人民政府：'), new Paragraph({ text: '现将我局2026年城镇老旧小区改造工作情况报告如下。', indent: { firstLine: 640 } }),
    new Paragraph({ text: '青岚县住房和城乡建设局', alignment: AlignmentType.RIGHT }), new Paragraph({ text: '2026年12月1日', alignment: AlignmentType.RIGHT }),
  ];
  const BODY = '<p class="flush">县人民政府：</p><p>现将我局2026年城镇老旧小区改造工作情况报告如下。</p><p class="right">青岚县住房和城乡建设局</p><p class="right">2026年12月1日</p>';
  const organ = () => centred('青岚县住房和城乡建设局文件');
  const read = async (...children: Paragraph[]) => docxToHtml(await Packer.toBuffer(new Document({ sections: [{ children: [...children, ...tail()] }] })), undefined, { currentTitle: '', currentDocumentNumber: '' });

  it('takes the 文号 when the 签发人 is set right with a tab stop', async () => {
    const numberLine = new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: 8800 }],
      children: [new TextRun('岚建〔2026〕64号'), new TextRun({ children: [new Tab(), '签发人：'] }), new TextRun({ text: '赵局长', font: '楷体' })],
    });
    const r = await read(organ(), numberLine, centred('关于2026年城镇老旧小区改造工作'), centred('进展情况的报告'));
    expect(r).toMatchObject({ title: '关于2026年城镇老旧小区改造工作进展情况的报告', documentNumber: '岚建〔2026〕64号', html: BODY });
  });

  it('takes the 文号 with spaces (ASCII or 全角) before the 签发人', async () => {
    for (const line of ['岚建〔2026〕64号    签发人：赵局长', '　岚建〔2026〕64号　　　　　　　签发人：赵局长　']) {
      const r = await read(organ(), new Paragraph(line), centred('关于2026年城镇老旧小区改造工作'), centred('进展情况的报告'));
      expect(r).toMatchObject({ documentNumber: '岚建〔2026〕64号', html: BODY });
    }
  });

  it('joins a first title line that happens to end in a 文种 word with a second that ends in one (…反馈意见 / 整改情况的报告)', async () => {
    const r = await read(organ(), new Paragraph('岚建〔2026〕64号    签发人：赵局长'), centred('关于落实县委第三巡察组反馈意见'), centred('整改情况的报告'));
    expect(r).toMatchObject({ title: '关于落实县委第三巡察组反馈意见整改情况的报告', documentNumber: '岚建〔2026〕64号', html: BODY });
  });

  it('under a 版头, joins the organ’s name on the first line with 关于…的报告 on the second', async () => {
    const r = await read(organ(), new Paragraph('岚建〔2026〕64号    签发人：赵局长'), centred('青岚县住房和城乡建设局'), centred('关于2026年城镇老旧小区改造工作情况的报告'));
    expect(r).toMatchObject({ title: '青岚县住房和城乡建设局关于2026年城镇老旧小区改造工作情况的报告', documentNumber: '岚建〔2026〕64号', html: BODY });
    // Without a 版头 an organ's name over a title stays the officer's call (the document is kept whole).
    const bare = await read(centred('青岚县住房和城乡建设局'), centred('关于2026年城镇老旧小区改造工作情况的报告'));
    expect(bare.title).toBeUndefined();
    expect(bare.html).toContain('<p class="center">青岚县住房和城乡建设局</p>');
  });
});

describe('a 版头 with several 签发人 over two lines (GB/T 9704-2012 7.2.5; found by an outside tester)', () => {
  const centred = (text: string) => new Paragraph({ text, alignment: AlignmentType.CENTER });
  const right = (text: string) => new Paragraph({ text, alignment: AlignmentType.RIGHT });
  const BODY = '<p class="flush">县人民政府：</p><p>现将有关情况报告如下。</p><p class="right">青岚县住房和城乡建设局</p>';
  const read = async (...header: Paragraph[]) => docxToHtml(await Packer.toBuffer(new Document({ sections: [{ children: [
    ...header, centred('关于2026年城镇老旧小区改造工作进展情况的报告'),
    new Paragraph('县人民政府：'), new Paragraph({ text: '现将有关情况报告如下。', indent: { firstLine: 640 } }), right('青岚县住房和城乡建设局'),
  ] }] })), undefined, { currentTitle: '', currentDocumentNumber: '' });
  const taken = { title: '关于2026年城镇老旧小区改造工作进展情况的报告', documentNumber: '岚建〔2026〕64号', html: BODY };

  it('takes a 文号 line whose 签发人 go on under it in the same paragraph (a line break, aligned with tabs or spaces)', async () => {
    const numberLine = new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: 8800 }],
      children: [new TextRun('岚建〔2026〕64号'), new TextRun({ children: [new Tab(), '签发人：张三'] }), new TextRun({ break: 1, children: [new Tab(), '李四'] })],
    });
    expect(await read(centred('青岚县住房和城乡建设局文件'), numberLine)).toMatchObject(taken);
    const spaced = new Paragraph({ children: [new TextRun('岚建〔2026〕64号    签发人：张三'), new TextRun({ break: 1, text: '                        李四' })] });
    expect(await read(centred('青岚县住房和城乡建设局文件'), spaced)).toMatchObject(taken);
  });

  it('takes the names’ second line when it is a paragraph of its own under the 文号 line, set right or indented', async () => {
    expect(await read(centred('青岚县住房和城乡建设局文件'), new Paragraph('岚建〔2026〕64号    签发人：张三 李四'), right('王五 赵六'))).toMatchObject(taken);
    expect(await read(new Paragraph('岚建〔2026〕64号　　　　签发人：张三'), new Paragraph('　　　　　　　　　　　　　　　　李四'))).toMatchObject(taken);
  });

  it('takes the standard’s own layout: 签发人 on the line above, the 文号 beside the last name', async () => {
    expect(await read(centred('青岚县住房和城乡建设局文件'), right('签发人：张三 李四'), new Paragraph('岚建〔2026〕64号　　　　　王五'))).toMatchObject(taken);
    expect(await read(right('签发人：张三　李四'), new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: 8800 }], children: [new TextRun('岚建〔2026〕64号'), new TextRun({ children: [new Tab(), '王五'] })],
    }))).toMatchObject(taken);
  });

  it('never takes a centred line (a title) nor a sentence for a line of names', async () => {
    const r = await read(new Paragraph('岚建〔2026〕64号    签发人：张三'), new Paragraph('县人民政府办公室：'));
    expect(r.html).toContain('岚建〔2026〕64号');
    expect(r.documentNumber).toBeUndefined();
    // A 文号 followed by words that are no names, with no 签发人 line above, stays in the body.
    const noSigner = await read(new Paragraph('岚建〔2026〕64号　　　　　王五'));
    expect(noSigner.documentNumber).toBeUndefined();
  });
});

describe('a 版头 typed with Shift+Enter or set in a borderless table, its 签发人 named, and the 版记 left out (found by an outside tester)', () => {
  const centred = (text: string) => new Paragraph({ text, alignment: AlignmentType.CENTER });
  const right = (text: string) => new Paragraph({ text, alignment: AlignmentType.RIGHT });
  const TITLE = '关于2026年城镇老旧小区改造工作进展情况的报告';
  const BODY = '<p class="flush">县人民政府：</p><p>现将有关情况报告如下。</p><p class="right">青岚县住房和城乡建设局</p>';
  const tail = () => [new Paragraph('县人民政府：'), new Paragraph({ text: '现将有关情况报告如下。', indent: { firstLine: 640 } }), right('青岚县住房和城乡建设局')];
  const read = async (children: (Paragraph | Table)[]) => docxToHtml(await Packer.toBuffer(new Document({ sections: [{ children }] })), undefined, { currentTitle: '', currentDocumentNumber: '' });
  const borderless = { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
    left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
    insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } };
  const table = (...rows: string[][]) => new Table({ borders: borderless, rows: rows.map((cells) => new TableRow({ children: cells.map((t) => new TableCell({ children: [new Paragraph(t)] })) })) });
  const HEADER_NOTE = '文档开头的版头（发文机关标志、文号，签发人张建国、李明华）未放入正文；文号“岚建〔2026〕89号”已填入“文号”';

  it('takes a 签发人 line and a 文号 line typed as one paragraph with a line break (Shift+Enter), and names the 签发人 it left out', async () => {
    const lines = new Paragraph({ children: [new TextRun('签发人：张建国'), new TextRun({ break: 1, text: '岚建〔2026〕89号　李明华' })] });
    const r = await read([centred('青岚县住房和城乡建设局文件'), lines, centred(TITLE), ...tail()]);
    expect(r).toMatchObject({ title: TITLE, documentNumber: '岚建〔2026〕89号', html: BODY });
    expect(r.notes).toContain(HEADER_NOTE);
  });

  it('takes the 文号 and 签发人 set in a borderless table, in one row or two', async () => {
    for (const t of [
      table(['岚建〔2026〕89号', '签发人：张建国　李明华']),
      table(['', '签发人：张建国'], ['岚建〔2026〕89号', '李明华']),
      table(['岚建〔2026〕89号', '签发人：', '张建国　李明华']),
    ]) {
      const r = await read([centred('青岚县住房和城乡建设局文件'), t, centred(TITLE), ...tail()]);
      expect(r).toMatchObject({ title: TITLE, documentNumber: '岚建〔2026〕89号', html: BODY });
      expect(r.notes).toContain(HEADER_NOTE);
    }
  });

  it('never takes a table of other content, nor one with no title under it', async () => {
    const data = await read([table(['乡镇', '户主'], ['青岚镇', '张某']), centred(TITLE), ...tail()]);
    expect(data.html).toContain('青岚镇');
    expect(data.documentNumber).toBeUndefined();
    const noTitle = await read([table(['岚建〔2026〕89号', '签发人：张建国']), ...tail()]);
    expect(noTitle.html).toContain('岚建〔2026〕89号');
    expect(noTitle.documentNumber).toBeUndefined();
  });

  it('leaves the 版记 (抄送 lines, 印发机关和印发日期) out of the body and says so; a 版头 without 签发人 is told as before', async () => {
    const r = await read([centred('青岚县住房和城乡建设局文件'), centred('岚建〔2026〕89号'), centred(TITLE), ...tail(),
      new Paragraph('抄送：县委办公室，县人大常委会办公室，'), new Paragraph('　　　县政协办公室。'),
      new Paragraph('青岚县住房和城乡建设局办公室　　　　2026年11月29日印发')]);
    expect(r.html).toBe(BODY);
    expect(r.notes).toEqual([
      `文档开头的标题“${TITLE}”已填入“标题（名称）”，未放入正文`,
      '文档开头的版头（发文机关标志、文号）未放入正文；文号“岚建〔2026〕89号”已填入“文号”',
      '文档末尾的版记（抄送机关、印发机关和印发日期）未放入正文',
    ]);
  });

  it('leaves out a 版记 set in a table (as 红头 templates set it, between rules), one cell a row or the 印发机关 and the date apart', async () => {
    const ruled = { top: { style: BorderStyle.SINGLE, size: 8, color: '000000' }, bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000' },
      left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' }, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } };
    const rows = (...cells: string[][]) => new Table({ borders: ruled, rows: cells.map((r) => new TableRow({ children: r.map((t) => new TableCell({ children: [new Paragraph(t)] })) })) });
    const NOTE = '文档末尾的版记（抄送机关、印发机关和印发日期）未放入正文';
    for (const colophon of [
      [rows(['抄送：县委办公室，县人大常委会办公室，县政协办公室。', ''], ['青岚县住房和城乡建设局办公室', '2026年11月29日印发'])],
      [rows(['抄送：县委办公室，县人大常委会办公室，'], ['县政协办公室。'], ['青岚县住房和城乡建设局办公室　　2026年11月29日印发'])],
      [rows(['青岚县住房和城乡建设局办公室', '2026年11月29日印发'])],
      [new Paragraph('抄送：县委办公室，县人大常委会办公室。'), rows(['青岚县住房和城乡建设局办公室', '2026年11月29日印发'])],
    ]) {
      const r = await read([centred(TITLE), ...tail(), ...colophon]);
      expect(r.html).toBe(BODY);
      expect(r.notes).toContain(NOTE);
    }
    // A table of content that ends the document stays, whatever its last row says.
    for (const content of [
      rows(['文件名称', '印发日期'], ['关于做好2026年防汛工作的通知', '2026年11月29日印发']),
      rows(['抄送：县委办公室。'], ['附件：1. 项目清单'], ['青岚县住房和城乡建设局办公室', '2026年11月29日印发']),
    ]) {
      const r = await read([centred(TITLE), ...tail(), content]);
      expect(r.html).toContain('2026年11月29日印发');
      expect(r.notes).not.toContain(NOTE);
    }
  });

  it('keeps a sentence that only mentions 印发, and keeps the 版记 in the API’s plain conversion', async () => {
    const sentence = await read([centred(TITLE), ...tail(), new Paragraph('本办法自2026年11月29日印发之日起施行。')]);
    expect(sentence.html).toContain('印发之日起施行');
    const plain = await docxToHtml(await Packer.toBuffer(new Document({ sections: [{ children: [centred(TITLE), ...tail(), new Paragraph('青岚县住房和城乡建设局办公室　2026年11月29日印发')] }] })));
    expect(plain.html).toContain('2026年11月29日印发');
  });
});

describe('the 落款 date as the 成文日期', () => {
  const doc = (...lines: Paragraph[]) => Packer.toBuffer(new Document({ sections: [{ children: [
    new Paragraph({ text: '关于2026年城镇老旧小区改造工作情况的报告', alignment: AlignmentType.CENTER }), new Paragraph('县人民政府：'),
    new Paragraph({ text: '2026年3月2日，县政府召开专题会议。', indent: { firstLine: 640 } }), ...lines,
  ] }] }));
  const right = (text: string) => new Paragraph({ text, alignment: AlignmentType.RIGHT });

  it('fills a 成文日期 the officer has not set from the last date line, in Arabic or Chinese numerals, and says so', async () => {
    const r = await docxToHtml(await doc(right('青岚县住房和城乡建设局'), right('2026年12月1日')), undefined, { currentTitle: '', currentFormedOn: '2026-12-06', formedOnIsDefault: true });
    expect(r.formedOn).toBe('2026-12-01');
    expect(r.notes).toContain('落款日期“2026年12月1日”已填入“成文日期”（2026-12-01）');
    const han = await docxToHtml(await doc(right('青岚县住房和城乡建设局'), right('二〇二六年十二月一日'), new Paragraph('（此件公开发布）')), undefined, { currentTitle: '', currentFormedOn: '2026-12-06', formedOnIsDefault: true });
    expect(han.formedOn).toBe('2026-12-01');
    expect(han.notes).toContain('落款日期“二〇二六年十二月一日”已填入“成文日期”（2026-12-01）');
    const twentyFirst = await docxToHtml(await doc(right('二○二六年二月二十一日')), undefined, { currentTitle: '', currentFormedOn: '', formedOnIsDefault: false });
    expect(twentyFirst.formedOn).toBe('2026-02-21');
  });

  it('never changes a date the officer set; says when the 落款 differs', async () => {
    const r = await docxToHtml(await doc(right('2026年12月1日')), undefined, { currentTitle: '', currentFormedOn: '2026-11-28', formedOnIsDefault: false });
    expect(r.formedOn).toBeUndefined();
    expect(r.notes).toContain('落款日期“2026年12月1日”与“成文日期”（2026-11-28）不同，未改动，请核对');
    const same = await docxToHtml(await doc(right('2026年12月1日')), undefined, { currentTitle: '', currentFormedOn: '2026-12-01', formedOnIsDefault: false });
    expect(same.notes.join('')).not.toContain('落款日期');
  });

  it('takes no date from a sentence, a day that does not exist, or a conversion not for a form', async () => {
    const none = await docxToHtml(await doc(new Paragraph('特此报告。')), undefined, { currentTitle: '', currentFormedOn: '2026-12-06', formedOnIsDefault: true });
    expect(none.formedOn).toBeUndefined();
    const bad = await docxToHtml(await doc(right('2026年2月30日')), undefined, { currentTitle: '', currentFormedOn: '2026-12-06', formedOnIsDefault: true });
    expect(bad.formedOn).toBeUndefined();
    expect((await docxToHtml(await doc(right('2026年12月1日')))).formedOn).toBeUndefined();
  });
});

/**
 * Nothing in a body is taken for a request and cut: a Word import removes only the 版头, the title the
 * form holds and the 版记, never a sentence for the word 公开 in it — a public tender (公开招标), a call
 * for comments (公开征求意见), a public selection (公开选拔), nor a quoted “请公开…” are ordinary content.
 * (Leaving out a leading 请公开 is for an application's request quoted in a letter, subjectInProse.)
 */
describe('公开 words in a body stay as written', () => {
  it('keeps paragraphs starting 公开招标, 公开征求意见, 公开选拔 and a quoted 请公开, for an item\'s form and in a plain conversion', async () => {
    const lines = ['公开招标：青岚县城区道路改造工程（二期）。', '公开征求意见的时间为2026年12月1日至12月30日。', '公开选拔副科级领导干部3名。', '群众来信称：“请公开2025年保障性住房分配名单。”'];
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ text: '关于青岚县城区道路改造工程公开招标的公告', alignment: AlignmentType.CENTER }), ...lines.map((t) => new Paragraph(t)),
    ] }] }));
    const form = await docxToHtml(bytes, undefined, { currentTitle: '', currentDocumentNumber: '' });
    expect(form.title).toBe('关于青岚县城区道路改造工程公开招标的公告');
    expect(form.html).toBe(lines.map((t) => `<p class="flush">${t}</p>`).join(''));
    const plain = await docxToHtml(bytes);
    for (const t of lines) expect(plain.html).toContain(`<p class="flush">${t}</p>`);
  });
});
