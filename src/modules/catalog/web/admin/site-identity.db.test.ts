import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../../test/support/factories.ts';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Whose site it is, on every portal page (issue 15): settings, header, navigation, footer filing data. */
describeEachDialect('the portal’s identity and filing data', (db) => {
  const boundary = '----gk-emblem';
  const upload = (csrf: string, fileName: string, bytes: Buffer) => ({
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="emblem"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  const form = (values: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(values).toString() });

  it('shows the site’s and the organ’s identity, navigation and filing data on every page type, set in the back office', async () => {
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const node = await createNode(deps, bureau.id);
    const item = await createPublished(deps, bureau.id, [node], { consultPhone: '0564-5022106' });
    const admin = await createStaff(deps, county.code, 'system_admin');
    const bureauAdmin = await createStaff(deps, bureau.code, 'organ_admin');

    // Before anything is set, the site is named after its government, and the home page says whose it is.
    const home = (await app.inject('/')).body;
    // The government named once, as on an organ's home (the separator kept with the name before it, components.tsx Joined).
    expect(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(home)?.[1].replace(/<[^>]+>/g, '')).toBe('青岚县人民政府\u00a0· 政府信息公开');
    // The header's name breaks between its words only (keep-words): 青岚县人民政府 / 信息公开, never 青岚县人民政府信 / 息公开.
    expect(home).toMatch(/class="site-name keep-words" href="\/"><span>青岚县人民政府<wbr\/>信息公开<\/span>/);

    const session = await loginAs(app, admin.username, admin.password);
    const bad = await app.inject({ method: 'POST', url: '/admin/site-identity', cookies: session.cookies, ...form({ _csrf: session.csrf, siteName: '青岚县政府信息公开', icpNumber: 'ICP 123', siteCode: '12' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('ICP备案号格式不正确');
    expect(bad.body).toContain('网站标识码格式不正确');
    expect(bad.body).toContain('value="青岚县政府信息公开"');
    const saved = await app.inject({
      method: 'POST', url: '/admin/site-identity', cookies: session.cookies,
      ...form({
        _csrf: session.csrf, siteName: '青岚县人民政府信息公开', hostUnit: '青岚县人民政府办公室', operatorUnit: '青岚县数据资源管理局', address: '青岚县岚城街道政府路1号',
        phone: '0564-5021016', icpNumber: '岫ICP备20260001号-1', policeNumber: '岫公网安备 34182502000101号', siteCode: '3418250001', errorReportUrl: 'https://zfwzzc.www.gov.cn/',
      }),
    });
    expect(saved.statusCode).toBe(303);
    const refusedFile = await app.inject({ method: 'POST', url: '/admin/site-identity/emblem', cookies: session.cookies, ...upload(session.csrf, 'emblem.png', Buffer.from('MZ\x90\x00 a program')) });
    expect(refusedFile.statusCode).toBe(400);
    expect(refusedFile.body).toContain('网站标志图片文件内容与扩展名');
    expect((await app.inject({ method: 'POST', url: '/admin/site-identity/emblem', cookies: session.cookies, ...upload(session.csrf, 'emblem.png', PNG) })).statusCode).toBe(303);

    // An organ's administrator may change its own pages' values, not the site's.
    const theirs = await loginAs(app, bureauAdmin.username, bureauAdmin.password);
    expect((await app.inject({ method: 'POST', url: '/admin/site-identity', cookies: theirs.cookies, ...form({ _csrf: theirs.csrf, siteName: '别的名字' }) })).statusCode).toBe(403);
    const organSaved = await app.inject({ method: 'POST', url: `/admin/organs/${bureau.code}/site-identity`, cookies: theirs.cookies, ...form({ _csrf: theirs.csrf, operatorUnit: '青岚县住房和城乡建设局办公室' }) });
    expect(organSaved.statusCode).toBe(303);
    // The organ's page says it was saved (the flash is read once, by the page that shows it).
    const flashCookies = Object.fromEntries(organSaved.cookies.map((c) => [c.name, c.value]));
    expect((await app.inject({ url: String(organSaved.headers.location), cookies: { ...theirs.cookies, ...flashCookies } })).body).toContain('网站标识与备案信息已保存');

    const pages = {
      home: '/', organs: '/organs', 'organ home': `/organs/${bureau.code}`, catalog: `/organs/${bureau.code}/catalog`, node: `/organs/${bureau.code}/catalog/${node}`,
      item: `/organs/${bureau.code}/items/${item.id}`, guide: `/organs/${bureau.code}/guide`, apply: `/organs/${bureau.code}/apply`, letters: `/organs/${bureau.code}/letters`,
      reports: `/organs/${bureau.code}/annual-reports`, search: '/search?q=扬尘', 'not found': '/no-such-page',
    };
    // A refused public form is shown again in the same frame, and so is a refused address.
    const refused = {
      'refused application': { method: 'POST' as const, url: `/organs/${bureau.code}/apply`, ...form({}) },
      'refused letter': { method: 'POST' as const, url: `/organs/${bureau.code}/letters/new`, ...form({}) },
      'refused status query': { method: 'POST' as const, url: '/applications/status', ...form({ trackingNumber: 'NO-SUCH', queryCode: '000000' }) },
      'node not a number': { method: 'GET' as const, url: `/organs/${bureau.code}/catalog/abc` },
      'back-office address that does not exist': { method: 'GET' as const, url: '/admin/search-stats' },
    };
    for (const [name, request] of Object.entries(refused)) {
      const answer = await app.inject(request);
      expect(answer.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(answer.body, name).toContain('<span>青岚县人民政府<wbr/>信息公开</span>');
      expect(answer.body, name).toContain('主办单位：青岚县人民政府办公室');
      expect(answer.body, name).toMatch(/<title>[^<]* - 青岚县人民政府信息公开<\/title>/);
    }
    for (const [name, url] of Object.entries(pages)) {
      const page = (await app.inject(url)).body;
      expect(page, name).toContain('<span>青岚县人民政府<wbr/>信息公开</span>');
      expect(page, name).toMatch(/<img class="emblem" src="\/site\/emblem\/site\?v=[^"]+" alt /);
      expect(page, name).toContain('<a href="https://beian.miit.gov.cn/" rel="noopener">岫ICP备20260001号-1</a>');
      expect(page, name).toContain('岫公网安备 34182502000101号');
      expect(page, name).toContain('网站标识码：<span class="nowrap">3418250001</span>');
      expect(page, name).toContain('<a href="https://zfwzzc.www.gov.cn/" rel="noopener">政府网站找错</a>');
      expect(page, name).toContain('主办单位：青岚县人民政府办公室');
      expect(page, name).toContain('<nav class="site-nav" aria-label="网站导航">');
      if (url.startsWith(`/organs/${bureau.code}`)) {
        expect(page, name).toContain('<span class="organ-name">青岚县住房和城乡建设局</span>');
        expect(page, name).toContain('承办单位：青岚县住房和城乡建设局办公室');
        for (const href of ['guide', 'catalog', 'apply', 'annual-reports', 'letters']) expect(page, name).toContain(`href="/organs/${bureau.code}/${href}"`);
      } else {
        expect(page, name).toContain('承办单位：青岚县数据资源管理局');
      }
    }
    const emblem = await app.inject('/site/emblem/site');
    expect(emblem.statusCode).toBe(200);
    expect(emblem.headers['content-type']).toBe('image/png');
    // A new emblem replaces the old image file; none is left behind.
    const fs = await import('node:fs');
    const path = await import('node:path');
    const files = () => fs.readdirSync(path.join(deps.dataDir, 'site'));
    expect(files()).toHaveLength(1);
    const again = await loginAs(app, admin.username, admin.password);
    expect((await app.inject({ method: 'POST', url: '/admin/site-identity/emblem', cookies: again.cookies, ...upload(again.csrf, 'emblem.png', PNG) })).statusCode).toBe(303);
    expect(files()).toHaveLength(1);
    // The county government's own pages keep the site's values.
    expect((await app.inject(`/organs/${county.code}`)).body).toContain('承办单位：青岚县数据资源管理局');
    // The consult phone is a link a phone can dial; the current section is marked.
    const itemPage = (await app.inject(pages.item)).body;
    expect(itemPage).toContain('<a href="tel:05645022106" class="nowrap">0564-5022106</a>');
    expect((await app.inject(pages.catalog)).body).toContain(`<a href="/organs/${bureau.code}/catalog" aria-current="page">公开目录</a>`);
    await app.close();
  });

  it('answers a refusal in the back office with the back office’s look', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const editor = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, editor.username, editor.password);
    const refused = await app.inject({ url: '/admin/site-identity', cookies: session.cookies });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('<body class="admin">');
    expect(refused.body).toContain('只有系统管理员可以设置全站的网站标识和备案信息');
    expect(refused.body).toContain('<a href="/admin">返回工作台</a>');
    await app.close();
  });

  it('reads and writes the identity over the API with the same rules, and the portal shows it at once', async () => {
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府' });
    const { createApiToken } = await import('../../../identity/index.ts');
    const admin = await createStaff(deps, county.code, 'system_admin');
    const editor = await createStaff(deps, county.code, 'editor');
    const token = async (username: string) => ({ authorization: `Bearer ${await createApiToken(deps, username, 'test')}` });
    expect((await app.inject('/')).body).toContain('<span>青岚县人民政府<wbr/>信息公开</span>');
    const refused = await app.inject({ method: 'PUT', url: '/api/v1/site-identity', headers: await token(editor.username), payload: { siteName: 'x' } });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({ method: 'PUT', url: '/api/v1/site-identity', headers: await token(admin.username), payload: { siteName: '青岚', siteCode: 'abc' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.reasons).toEqual([{ code: 'ERR_VALIDATION', message: '网站标识码格式不正确，应如“3418250001”', field: 'siteCode' }]);
    const ok = await app.inject({ method: 'PUT', url: '/api/v1/site-identity', headers: await token(admin.username), payload: { siteName: '青岚县政府信息公开网', hostUnit: '青岚县人民政府办公室' } });
    expect(ok.statusCode).toBe(200);
    // A PUT saves every field: those not given are cleared.
    expect(ok.json()).toMatchObject({ siteName: '青岚县政府信息公开网', hostUnit: '青岚县人民政府办公室', icpNumber: '' });
    expect((await app.inject('/api/v1/site-identity')).json().siteName).toBe('青岚县政府信息公开网');
    expect((await app.inject('/')).body).toContain('<span>青岚县政府信息公开网</span>');
    expect((await app.inject(`/api/v1/organs/${county.code}/site-identity`)).json().siteName).toBe('');
    await app.close();
  });
});
