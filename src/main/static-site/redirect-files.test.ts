import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startTestNginx } from '../../../test/support/nginx.ts';
import { makeTempDir } from '../../../test/support/temp-dirs.ts';
import { NGINX_MAP_FILE, NGINX_SERVER_FILE, netlifyRedirects, nginxMap, nginxServer, redirectPage, redirectPageFile, targetAddress } from './redirect-files.ts';

const LIST = [
  { fromPath: '/organs/qlx-zjj/catalog/12', targetFile: 'organs/qlx-zjj/catalog/30/index.html' },
  { fromPath: '/xxgk/%E9%80%9A%E7%9F%A5_88.html', targetFile: 'organs/qlx-zjj/items/5/index.html' },
  { fromPath: '/xxgk/content.jsp?id=88', targetFile: 'organs/qlx-zjj/items/5/index.html' },
  // An old site that wrote GBK in its addresses (%B9%AB%BF%AA is 公开 in GBK): not UTF-8, so no file can stand there.
  { fromPath: '/xxgk/%B9%AB%BF%AA.htm', targetFile: 'organs/qlx-zjj/items/6/index.page-2.html' },
  // Stored with sorted parameters; the old site's own links had id first.
  { fromPath: '/xxgk/content.jsp?cat=3&id=90', targetFile: 'organs/qlx-zjj/items/7/index.html', spellings: ['/xxgk/content.jsp?id=90&cat=3', '/xxgk/content.jsp?id=90&cat=3'] },
  // 通知 in GBK, which is valid UTF-8 by chance ("֪ͨ"): no file either.
  { fromPath: '/gzdt/%CD%A8%D6%AA_12.html', targetFile: 'organs/qlx-zjj/items/8/index.html' },
];

describe('the portal\'s redirects in a static copy', () => {
  it('puts a page at each old path a file can stand for, never at one with a query', () => {
    expect(redirectPageFile('/organs/qlx-zjj/catalog/12')).toBe('organs/qlx-zjj/catalog/12/index.html');
    expect(redirectPageFile('/xxgk/%E9%80%9A%E7%9F%A5_88.html')).toBe('xxgk/通知_88.html');
    expect(redirectPageFile('/xxgk/art/2019/1.shtml')).toBe('xxgk/art/2019/1.shtml');
    expect(redirectPageFile('/xxgk/content.jsp')).toBe('xxgk/content.jsp/index.html');
    expect(redirectPageFile('/xxgk/content.jsp?id=88')).toBeNull();
    expect(redirectPageFile('/xxgk/%B9%AB%BF%AA.htm')).toBeNull();
    expect(redirectPageFile('/gzdt/%CD%A8%D6%AA_12.html')).toBeNull();
    expect(redirectPageFile('/xxgk/%E9%80%9A%E7%9F%A5.html')).toBe('xxgk/通知.html');
    expect(redirectPageFile('/xxgk/..%2F..%2Fetc')).toBe('xxgk/.._.._etc/index.html');
  });

  it('writes a page that sends the browser on, by relative links, and says so in Chinese', () => {
    const html = redirectPage('xxgk/通知_88.html', 'organs/qlx-zjj/items/5/index.html', '关于公租房租金的通知');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=../organs/qlx-zjj/items/5/index.html">');
    expect(html).toContain('<link rel="canonical" href="../organs/qlx-zjj/items/5/index.html">');
    expect(html).toContain('<a href="../organs/qlx-zjj/items/5/index.html">本页已迁移至“关于公租房租金的通知”</a>');
  });

  it('lists every old address for _redirects, plain paths first, a query in Netlify\'s form', () => {
    expect(targetAddress('organs/x/items/5/index.html')).toBe('/organs/x/items/5/');
    expect(targetAddress('attachments/7/通知.pdf')).toBe('/attachments/7/%E9%80%9A%E7%9F%A5.pdf');
    const lines = netlifyRedirects(LIST).split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      '/organs/qlx-zjj/catalog/12 /organs/qlx-zjj/catalog/30/ 301',
      '/xxgk/%E9%80%9A%E7%9F%A5_88.html /organs/qlx-zjj/items/5/ 301',
      '/xxgk/%B9%AB%BF%AA.htm /organs/qlx-zjj/items/6/index.page-2.html 301',
      '/gzdt/%CD%A8%D6%AA_12.html /organs/qlx-zjj/items/8/ 301',
      '/xxgk/content.jsp id=88 /organs/qlx-zjj/items/5/ 301',
      '/xxgk/content.jsp cat=3 id=90 /organs/qlx-zjj/items/7/ 301',
      '/xxgk/content.jsp id=90 cat=3 /organs/qlx-zjj/items/7/ 301',
    ]);
  });

  it('matches a GBK path that is UTF-8 by chance as requested, never by a name that is not UTF-8 text', () => {
    const map = nginxMap(LIST);
    expect(map).toContain('    "/gzdt/%CD%A8%D6%AA_12.html" "/organs/qlx-zjj/items/8/";');
    expect(map).not.toMatch(/[\u0300-\u07ff]/);
    expect(map.match(/id=90&cat=3/g)).toHaveLength(1);
  });

  it('makes nginx answer 301 for each old address, with or without a query', async () => {
    const dir = makeTempDir('nginx-redirects');
    const root = path.join(dir, 'copy');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, NGINX_MAP_FILE), nginxMap(LIST));
    fs.writeFileSync(path.join(root, NGINX_SERVER_FILE), nginxServer());
    const port = await freePort();
    const child = await startTestNginx(dir, `
  include ${root}/${NGINX_MAP_FILE};
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include ${root}/${NGINX_SERVER_FILE};
  }`, `http://127.0.0.1:${port}/`);
    try {
      const get = async (address: string) => {
        const res = await fetch(`http://127.0.0.1:${port}${address}`, { redirect: 'manual' });
        return { status: res.status, location: res.headers.get('location') };
      };
      const base = `http://127.0.0.1:${port}`;
      expect(await get('/organs/qlx-zjj/catalog/12')).toEqual({ status: 301, location: `${base}/organs/qlx-zjj/catalog/30/` });
      expect(await get('/organs/qlx-zjj/catalog/12?page=2')).toEqual({ status: 301, location: `${base}/organs/qlx-zjj/catalog/30/` });
      expect(await get('/xxgk/%E9%80%9A%E7%9F%A5_88.html')).toEqual({ status: 301, location: `${base}/organs/qlx-zjj/items/5/` });
      expect(await get('/xxgk/content.jsp?id=88')).toEqual({ status: 301, location: `${base}/organs/qlx-zjj/items/5/` });
      expect(await get('/xxgk/%B9%AB%BF%AA.htm')).toEqual({ status: 301, location: `${base}/organs/qlx-zjj/items/6/index.page-2.html` });
      expect(await get('/xxgk/content.jsp?id=90&cat=3')).toEqual({ status: 301, location: `${base}/organs/qlx-zjj/items/7/` });
      expect(await get('/xxgk/content.jsp?cat=3&id=90')).toEqual({ status: 301, location: `${base}/organs/qlx-zjj/items/7/` });
      expect(await get('/gzdt/%CD%A8%D6%AA_12.html')).toEqual({ status: 301, location: `${base}/organs/qlx-zjj/items/8/` });
      expect((await get('/xxgk/content.jsp?id=89')).status).toBe(404);
    } finally {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
