import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Field, PagedList, Pagination } from './components.tsx';

describe('a form row', () => {
  it('labels its control by the control’s own id, and keeps hint and error apart per form', () => {
    // Two forms on one page, each with a "reason": the label must name the control it sits by.
    const html = render(
      <Field name="reason" label="转办理由" errors={{ reason: '请填写转办理由' }} hint="对方机关会看到" required>
        <textarea id="f-transfer-reason" name="reason" />
      </Field>,
    );
    expect(html).toContain('<label for="f-transfer-reason">');
    expect(html).toContain('id="h-transfer-reason"');
    expect(html).toContain('id="e-transfer-reason"');
    expect(html).toContain('aria-describedby="h-transfer-reason e-transfer-reason"');
  });

  it('names f-NAME when the control has no id of its own', () => {
    const html = render(<Field name="title" label="标题" errors={{}}><input id="f-title" name="title" /></Field>);
    expect(html).toContain('<label for="f-title">');
    expect(render(<Field name="title" label="标题" errors={{}}><input name="title" /></Field>)).toContain('<label for="f-title">');
  });
});

// Tester finding: ?page=999 of a list with 2 pages showed an empty list and “第 999/2 页”.
describe('the pager of every list', () => {
  const href = (p: number) => `/admin/letters?page=${p}`;
  it('says plainly that a page past the end does not exist and offers the last page', () => {
    const html = render(<Pagination page={999} pageSize={20} total={35} href={href} />);
    expect(html).not.toContain('999/2');
    expect(html).toContain('没有第 999 页：共 35 条，只有 2 页。');
    expect(html).toContain('<a href="/admin/letters?page=2">查看最后一页（第 2 页）</a>');
  });

  it('offers page 1 when the list has one page or is empty', () => {
    expect(render(<Pagination page={3} pageSize={20} total={5} href={href} />)).toContain('没有第 3 页：共 5 条，只有 1 页。<a href="/admin/letters?page=1">查看第 1 页</a>');
    expect(render(<Pagination page={2} pageSize={20} total={0} href={href} />)).toContain('没有第 2 页：列表中没有内容。<a href="/admin/letters?page=1">查看第 1 页</a>');
  });

  it('numbers the pages in range as before', () => {
    const html = render(<Pagination page={2} pageSize={20} total={35} href={href} />);
    expect(html).toContain('共 35 条，第 2/2 页');
    expect(html).toContain('rel="prev"');
    expect(render(<Pagination page={1} pageSize={20} total={5} href={href} />)).toBe('<p class="pager-summary">共 5 条</p>');
  });
});

// Tester finding: on a page past the end each list still said "没有符合条件的…" above the pager's notice.
describe('the body of a paged list', () => {
  const body = (page: number, total: number) => render(<PagedList page={page} pageSize={20} total={total} empty={<p>没有符合条件的来信。</p>}><table class="list" /></PagedList>);
  it('shows the list on a page in range', () => {
    expect(body(1, 35)).toBe('<table class="list"></table>');
    expect(body(2, 35)).toBe('<table class="list"></table>');
  });
  it('says the list is empty only when nothing matches at all', () => {
    expect(body(1, 0)).toBe('<p>没有符合条件的来信。</p>');
  });
  it('shows nothing on a page past the end, where the pager speaks', () => {
    expect(body(999, 35)).toBe('');
    expect(body(3, 0)).toBe('');
  });
});
