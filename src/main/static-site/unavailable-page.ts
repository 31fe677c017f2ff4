/** The page of the copy that links to what only the live site can do lead to when no live site is named. */
export const UNAVAILABLE_FILE = 'unavailable.html';

export function unavailablePage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>静态副本不提供此功能</title>
<link rel="stylesheet" href="assets/site.css"></head>
<body>
<main id="main">
<h1>静态副本不提供此功能</h1>
<p>您正在浏览政府信息公开网站的静态副本。站内检索、依申请公开、部门信箱、意见征集留言、查询办理进度和阅读偏好设置需要在线服务，静态副本无法提供。</p>
<p>请通过本机关公布的政府信息公开网站在线办理，或按《政府信息公开指南》所列的地址和电话提出申请。</p>
<p><a href="index.html">返回首页</a></p>
</main>
</body>
</html>
`;
}

/** What stands in a page of the copy where the live page has a form that posts (e.g. a consultation's comment form). */
export function formNotice(livePage: string | null): string {
  return livePage
    ? `<p class="notice">此表单需在线提交：请在<a href="${livePage.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">在线页面</a>填写。</p>`
    : '<p class="notice">此表单需在线提交，静态副本不提供，请通过本机关政府信息公开网站办理。</p>';
}
