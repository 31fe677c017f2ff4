import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ConfirmStep } from './confirm-step.tsx';

const user = { displayName: '管理员', username: 'admin', isSystemAdmin: true };
const step = (over: Partial<Parameters<typeof ConfirmStep>[0]> = {}) => render(
  <ConfirmStep
    user={user} csrf="csrf-123" title="撤销 API 令牌：#12（同步脚本）"
    facts={[{ label: '持有人', value: '张三（zhang）' }, { label: '最近使用', value: '从未使用' }]}
    consequences={{ lead: '撤销后：', items: ['令牌立即失效；', '撤销不能恢复。'], note: '请先核实。' }}
    action="/admin/tokens/12/revoke" hidden={{ withdrawReason: 'other', withdrawNote: '笔误<b>' }}
    submit="确认撤销令牌" back={{ href: '/admin/tokens', to: '令牌列表' }}
    {...over}
  />,
);
/** The page's main content only: the back office's frame has a form of its own (退出). */
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('the confirmation step of an action that cannot be undone', () => {
  it('names the action in the title and heading, lists the facts, and says what will happen', () => {
    const html = step();
    expect(html).toContain('<title>撤销 API 令牌：#12（同步脚本） - 管理后台 - gongkai</title>');
    expect(main(html)).toContain('<h1>撤销 API 令牌：#12（同步脚本）</h1><dl><dt>持有人</dt><dd>张三（zhang）</dd><dt>最近使用</dt><dd>从未使用</dd></dl>');
    expect(main(html)).toContain('<p>撤销后：</p><ul><li>令牌立即失效；</li><li>撤销不能恢复。</li></ul><p class="hint">请先核实。</p>');
  });

  it('holds one form that acts: a POST to the action with the CSRF token, confirm=1, the first step’s fields and a cancel link', () => {
    const body = main(step());
    expect(body.match(/<form /g)).toHaveLength(1);
    expect(body).toContain('<form method="post" action="/admin/tokens/12/revoke">');
    expect(body).toContain('<input type="hidden" name="_csrf" value="csrf-123"/>');
    expect(body).toContain('<input type="hidden" name="confirm" value="1"/>');
    // The typed fields go back in the order given, escaped.
    expect(body).toContain('<input type="hidden" name="withdrawReason" value="other"/><input type="hidden" name="withdrawNote" value="笔误&lt;b>"/>');
    expect(body).toContain('<div class="actions"><button class="btn" type="submit">确认撤销令牌</button><a href="/admin/tokens">取消，返回令牌列表</a></div></form>');
  });

  it('with a refusal says why, leads back, and offers neither the consequences nor a button', () => {
    const body = main(step({ refusal: '该令牌已于 2026-03-05 10:00 撤销' }));
    expect(body).toContain('<div class="error-summary" role="alert"><p>该令牌已于 2026-03-05 10:00 撤销</p></div><p><a href="/admin/tokens">返回令牌列表</a></p>');
    expect(body).toContain('<dt>持有人</dt>');
    expect(body).not.toContain('<form');
    expect(body).not.toContain('<button');
    expect(body).not.toContain('name="confirm"');
    expect(body).not.toContain('撤销后：');
  });

  it('takes facts in the page’s own words, and leaves out an empty list and a missing note', () => {
    const body = main(step({
      facts: [], hidden: {}, consequences: { lead: '撤回后，公众看到：', items: ['本信息从门户移除。'] },
      children: <p>信息：《通知》，公开地址 <a href="/p/1">/p/1</a></p>,
    }));
    expect(body).toContain('<h1>撤销 API 令牌：#12（同步脚本）</h1><p>信息：《通知》，公开地址 <a href="/p/1">/p/1</a></p><p>撤回后，公众看到：</p>');
    expect(body).not.toContain('<dl');
    expect(body).not.toContain('class="hint"');
    expect(body).toContain('<input type="hidden" name="confirm" value="1"/><div class="actions">');
  });
});
