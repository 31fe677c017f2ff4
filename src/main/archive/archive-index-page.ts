export type IndexSection = {
  title: string;
  note?: string;
  head?: string[];
  rows: { cells: string[]; links: { label: string; href: string }[] }[];
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const href = (rel: string) => rel.split('/').map(encodeURIComponent).join('/');

/** The archive's human-readable index: what it holds, section by section, each file linked (relative, so it opens from disk). */
export function archiveIndexPage(a: { organName: string; organCode: string; year: number; createdAt: string; sections: IndexSection[] }): string {
  const body = a.sections.map((s) => {
    const table = s.rows.length === 0 ? '<p>本年度没有此类记录。</p>' : `<table>
<thead><tr>${(s.head ?? []).map((h) => `<th scope="col">${esc(h)}</th>`).join('')}<th scope="col">文件</th></tr></thead>
<tbody>
${s.rows.map((r) => `<tr>${r.cells.map((c) => `<td>${esc(c)}</td>`).join('')}<td>${r.links.map((l) => `<a href="${href(l.href)}">${esc(l.label)}</a>`).join('<br>')}</td></tr>`).join('\n')}
</tbody></table>`;
    return `<section>\n<h2>${esc(s.title)}（${s.rows.length}）</h2>\n${s.note ? `<p>${esc(s.note)}</p>\n` : ''}${table}\n</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(a.organName)}${a.year}年政府信息公开归档</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;line-height:1.6;margin:1rem auto;max-width:70rem;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}a{color:#0645ad}</style>
</head>
<body>
<main>
<h1>${esc(a.organName)}${a.year}年政府信息公开归档</h1>
<p>机关代码 ${esc(a.organCode)}；生成时间 ${esc(a.createdAt)}（UTC）。每个文件的 SHA-256 校验值和大小列在 <a href="manifest.json">manifest.json</a>；目录结构、各字段的含义和代码表（如 <code>proactive</code> 主动公开）见本归档中的 <a href="FORMAT.md">FORMAT.md</a>。</p>
<p><strong>本归档含申请人、来信人的个人信息，供本机关档案保管使用，不得公开。</strong></p>
${body}
</main>
</body>
</html>
`;
}
