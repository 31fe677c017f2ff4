import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Field } from './components.tsx';

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
