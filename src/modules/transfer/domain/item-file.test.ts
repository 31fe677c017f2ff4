import { describe, expect, it } from 'vitest';
import { itemFileFromJson, itemRecordsFromTable, jsonItemLines } from './item-records.ts';
import { normalizeDate, oldPathOf, parseItem } from './parse-item.ts';
import { savedPageParts } from './saved-page.ts';

describe('item files', () => {
  it('places each JSON item by its position and the line it starts on, in a bare array or under "items"', () => {
    const text = '{\n  "catalog": [{ "path": "甲" }],\n  "items": [\n    { "title": "一" },\n    {\n      "title": "二", "keywords": ["a", "b"]\n    }\n  ]\n}\n';
    expect(jsonItemLines(text)).toEqual([4, 5]);
    expect(jsonItemLines('[\n{"title":"x"},\n{"title":"y"}]')).toEqual([2, 3]);
    const file = itemFileFromJson(text);
    expect(file.items.map((i) => i.at)).toEqual(['第1条（第4行）', '第2条（第5行）']);
    expect(file.items[1].fields).toEqual({ title: '二', keywords: ['a', 'b'] });
    // A catalog entry without 原网址 (an export from before nodes carried their addresses) has none.
    expect(file.catalog).toEqual([{ at: '目录第1项', path: '甲', description: '', standardArea: '', matters: [], addresses: [] }]);
    expect(itemFileFromJson('{"catalog": [{ "path": "甲", "addresses": ["/organs/zjj/catalog/17", "/xxgk/list.jsp?cat=3"] }], "items": []}').catalog![0].addresses)
      .toEqual(['/organs/zjj/catalog/17', '/xxgk/list.jsp?cat=3']);
    expect(itemFileFromJson('{"items": [{"titel": "x"}]}').problems).toEqual([{ at: '第1条（第1行）', message: '无法识别的字段“titel”' }]);
    expect(itemFileFromJson('{oops').problems[0].message).toMatch(/^不是有效的 JSON/);
  });

  it('reads a table by its Chinese headers or keys, splits list cells and refuses an unknown column', () => {
    const { items, problems } = itemRecordsFromTable([
      { line: 1, cells: ['标题', 'catalogPaths', '关键字'] },
      { line: 2, cells: ['', '', ''] },
      { line: 3, cells: ['甲', '政策文件/规范性文件；工作动态', 'x'] },
    ]);
    expect(problems).toEqual([{ at: '第1行', message: '无法识别的列“关键字”（可用的列见导入模板 Excel 文件中的“填写说明”表）' }]);
    expect(items).toEqual([{ at: '第3行', fields: { title: '甲', catalogPaths: ['政策文件/规范性文件', '工作动态'] } }]);
  });

  it('reads the dates spreadsheets write and refuses days that do not exist', () => {
    expect(['2020-1-2', '2020/01/02', '2020.1.2', '2020年1月2日', '43832'].map(normalizeDate)).toEqual(Array(5).fill('2020-01-02'));
    expect(['2020-02-30', '2020-13-01', '02/01/2020', ''].map(normalizeDate)).toEqual([null, null, null, null]);
  });

  it('lists every problem of a record, not only the first', () => {
    const r = parseItem({ at: '第2行', fields: { formedOn: '2026-05-01', publishedOn: '2026-04-01', stage: '宣传', disclosureMode: '依申请公开' } }, 'published', '2026-06-01');
    expect(r.item).toBeNull();
    expect(r.problems).toEqual([
      '缺少标题', '五公开“宣传”应为决策公开、执行公开、管理公开、服务公开、结果公开之一',
      // 文件类型 decides the annual report's second part: a row without it is not taken as 其他.
      '缺少文件类型（规章、行政规范性文件、其他）', '缺少目录（如 政策文件/规范性文件）',
      '成文日期 2026-05-01 晚于发布日期 2026-04-01', '公开方式不是“主动公开”的信息不能作为已发布信息导入', '正文和附件不能都为空',
    ]);
    expect(parseItem({ at: '第3行', fields: { title: '甲', formedOn: '2026-05-01', stage: '执行', docType: '其他', catalogPaths: ['工作动态'] } }, 'draft', '2026-06-01').problems).toEqual([]);
  });

  it('reads an interpretation\'s form, its policies by 索引号 and its 图解 picture among its own files, and refuses them on an ordinary item', () => {
    const base = { title: '《办法》政策解读', formedOn: '2026-05-01', publishedOn: '2026-05-02', stage: '决策', docType: '其他', catalogPaths: ['政策文件'], bodyHtml: '<p>解读。</p>' };
    const graphic = parseItem({ at: '第2行', fields: { ...base, itemKind: '政策解读', interpretationForm: '图解', interpretedPolicies: ['A/2026-00001', 'A/2026-00001'], attachments: ['0002/图解.png'], graphicAttachment: '图解.png' } }, 'published', '2026-06-01');
    expect(graphic.problems).toEqual([]);
    expect(graphic.item).toMatchObject({ input: { itemKind: 'interpretation', interpretationForm: 'graphic', policyIds: [] }, links: { policies: ['A/2026-00001'], graphic: '图解.png', replacedBy: null, matter: null } });
    expect(parseItem({ at: '第3行', fields: { ...base, itemKind: 'interpretation', interpretationForm: 'graphic', interpretedPolicies: ['A/2026-00001'], attachments: ['说明.pdf'], graphicAttachment: '说明.pdf' } }, 'draft', '2026-06-01').problems)
      .toEqual(['图解图片“说明.pdf”应为 JPG、PNG 或 GIF 图片']);
    expect(parseItem({ at: '第4行', fields: { ...base, itemKind: '政策解读', interpretationForm: '文字解读' } }, 'draft', '2026-06-01').problems)
      .toEqual(['政策解读须在“所解读的政策”列填写所解读政策文件的索引号']);
    expect(parseItem({ at: '第5行', fields: { ...base, interpretationForm: '文字解读', interpretedPolicies: ['A/2026-00001'] } }, 'draft', '2026-06-01').problems)
      .toEqual(['填写了所解读的政策、解读形式、视频链接或图解图片的信息，信息类别应为“政策解读”']);
    expect(parseItem({ at: '第6行', fields: { ...base, indexNumber: 'A/2026-00009', validity: '已废止', replacedBy: 'A/2026-00009' } }, 'draft', '2026-06-01').problems)
      .toEqual(['替代文件不能是本文件（所填：“A/2026-00009”）']);
  });

  it('takes an old page’s title and content area, without navigation, and keeps the path of its address', () => {
    const page = '<html><title>旧站 - 某局</title><body><div class="nav">首页</div><h1>关于停水的通知</h1><div id="zoom"><p>因施工，</p><div><p>停水一天。</p></div></div><div class="footer">版权</div></body></html>';
    const parts = savedPageParts(page);
    expect(parts.title).toBe('关于停水的通知');
    expect(parts.contentHtml).toBe('<p>因施工，</p><p>停水一天。</p>');
    expect(oldPathOf('http://www.example.gov.cn/art/2019/1/2/art_1.html')).toBe('/art/2019/1/2/art_1.html');
    expect(oldPathOf('/col/col12/index.html')).toBe('/col/col12/index.html');
    expect(oldPathOf('ftp://x/y')).toBeNull();
  });

  it('keeps the query string of an old address, in one canonical form (old sites told pages apart by it)', () => {
    expect(oldPathOf('http://www.example.gov.cn/xxgk/content.jsp?id=88')).toBe('/xxgk/content.jsp?id=88');
    expect(oldPathOf('http://www.example.gov.cn/module/download/downfile.jsp?filename=%e9%80%9a%e7%9f%a5.doc&classid=0#x'))
      .toBe('/module/download/downfile.jsp?classid=0&filename=%E9%80%9A%E7%9F%A5.doc');
    expect(oldPathOf('http://www.example.gov.cn/?p=12')).toBeNull();
  });

  it('reads every address of 原网址 — an export\'s list in JSON, CSV or a sheet cell — and an older export without the column', () => {
    const base = { title: '通知', formedOn: '2026-05-01', publishedOn: '2026-05-02', stage: '执行', docType: '其他', catalogPaths: ['工作动态'], bodyHtml: '<p>正文。</p>' };
    const json = itemFileFromJson(JSON.stringify({ items: [{ ...base, oldUrl: ['/organs/zjj/items/12', '/xxgk/content.jsp?id=88'] }, base] }));
    expect(json.problems).toEqual([]);
    const [listed, older] = json.items.map((r) => parseItem(r, 'published', '2026-06-01'));
    expect(listed.item?.oldPaths).toEqual(['/organs/zjj/items/12', '/xxgk/content.jsp?id=88']);
    expect(older).toMatchObject({ problems: [], item: { oldPaths: [] } });
    const table = itemRecordsFromTable([
      { line: 1, cells: ['标题', '成文日期', '发布日期', '五公开', '文件类型', '目录', '正文', '原网址'] },
      { line: 2, cells: ['通知', '2026-05-01', '2026-05-02', '执行', '其他', '工作动态', '<p>正文。</p>', '/organs/zjj/items/12；http://old.example.gov.cn/xxgk/content.jsp;jsessionid=A1?id=88\n/art/2019/1/2/art_1.html /organs/zjj/items/12'] },
    ]);
    expect(parseItem(table.items[0], 'published', '2026-06-01').item?.oldPaths).toEqual(['/organs/zjj/items/12', '/xxgk/content.jsp?id=88', '/art/2019/1/2/art_1.html']);
    expect(parseItem({ at: '第2行', fields: { ...base, oldUrl: '/a.html；ftp://x/y' } }, 'published', '2026-06-01').problems).toEqual([
      '原网址“ftp://x/y”不是有效的网址（应以 http:// 或 https:// 开头，或为以 / 开头的路径，不能是网站首页）',
    ]);
  });
});
