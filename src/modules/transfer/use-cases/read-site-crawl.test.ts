import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { readSiteCrawl } from './read-site-crawl.ts';

/** A crawl folder: the list and the saved pages (with their pictures) as an officer's crawler left them. */
function crawl(files: Record<string, string>, list: string[]) {
  const dir = makeTempDir('crawl');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return readSiteCrawl(new TextEncoder().encode(['原网址,页面文件,目录,成文日期,发布日期,五公开,附件', ...list].join('\n')), dir);
}

const PICTURE_NEWS = '<html><head><title>县领导调研保障性住房建设</title></head><body><div class="nav">首页</div><div class="TRS_Editor"><p><img src="W020250210_1.jpg"></p><p><img src="http://old.example.gov.cn/pic/2.png"></p></div></body></html>';

describe('an old site\'s crawl', () => {
  it('keeps an article\'s tables as tables, and warns by row of the pictures it leaves out, naming those the folder holds', () => {
    const file = crawl(
      {
        'tpxw/t20250210_1.html': PICTURE_NEWS.replace('<p><img src="W020250210_1.jpg"></p>', '<p><img src="W020250210_1.jpg"></p><p>2月10日，县领导到城东保障房项目调研。</p>'),
        'tpxw/W020250210_1.jpg': 'JPEG',
        'tzgg/t20250312_2.html': '<html><body><h1>配租名单公示</h1><div class="article-body"><p>名单如下：</p><table><tr><th>姓名</th><th>人口</th></tr><tr><td>张某某</td><td>3</td></tr></table></div></body></html>',
      },
      ['http://old.example.gov.cn/tpxw/t20250210_1.html,tpxw/t20250210_1.html,图片新闻,2025-02-10,2025-02-10,执行,', 'http://old.example.gov.cn/tzgg/t20250312_2.html,tzgg/t20250312_2.html,通知公告,2025-03-12,2025-03-12,结果,'],
    );
    expect(file.problems).toEqual([]);
    expect(file.items.map((i) => i.fields.bodyHtml)).toEqual([
      '<p>2月10日，县领导到城东保障房项目调研。</p>',
      '<p>名单如下：</p><table><tbody><tr><th>姓名</th><th>人口</th></tr><tr><td>张某某</td><td>3</td></tr></tbody></table>',
    ]);
    expect(file.warnings).toEqual([
      { at: '第2行', message: '正文中的 2 张图片未导入（图片不随正文导入，请导入后在编辑器中补上；网页目录中有其文件 tpxw/W020250210_1.jpg，可列入“附件”列作为附件导入）' },
    ]);
  });

  it('refuses a row whose article was only pictures, unless it lists attachments', () => {
    const file = crawl({ 'a.html': PICTURE_NEWS, 'W020250210_1.jpg': 'JPEG' }, [
      '/tpxw/a.html,a.html,图片新闻,2025-02-10,2025-02-10,执行,',
      '/tpxw/b.html,a.html,图片新闻,2025-02-10,2025-02-10,执行,W020250210_1.jpg',
    ]);
    expect(file.problems).toEqual([{ at: '第2行', message: '页面文件“a.html”的正文只有图片（2 张），图片不能随正文导入：请在“正文”列填写正文，或把图片列入“附件”列' }]);
    expect(file.items.map((i) => i.fields.bodyHtml)).toEqual(['', '']);
    expect(file.warnings.map((w) => w.at)).toEqual(['第2行', '第3行']);
  });

  it('refuses a page of this portal as an old site\'s address', () => {
    const file = crawl({ 'a.html': '<html><body><h1>通知</h1><div class="zoom"><p>正文。</p></div></body></html>' }, ['https://www.qlx.gov.cn/organs/qlx-zjj/items/5,a.html,通知公告,2025-02-10,2025-02-10,执行,']);
    expect(file.problems).toEqual([{ at: '第2行', message: '原网址“https://www.qlx.gov.cn/organs/qlx-zjj/items/5”是本平台的信息或栏目页面，不是旧网站的网址；从本平台导出的文件请用 gongkai import items 导入' }]);
  });
});
