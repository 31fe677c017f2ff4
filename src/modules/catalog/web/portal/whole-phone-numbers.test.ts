import { describe, expect, it } from 'vitest';
import { withWholePhoneNumbers } from './whole-phone-numbers.ts';

describe('telephone numbers in a body on the portal', () => {
  it('keeps each number written with a hyphen or an area code in brackets on one line', () => {
    expect(withWholePhoneNumbers('<p>联系电话：0564-5022106，传真：（0564）5022107；热线400-820-8820，分机0564-5022106转8001。</p>')).toBe(
      '<p>联系电话：<span class="nowrap">0564-5022106</span>，传真：<span class="nowrap">（0564）5022107</span>；热线<span class="nowrap">400-820-8820</span>，分机<span class="nowrap">0564-5022106转8001</span>。</p>');
  });

  it('touches text only, never a tag or an attribute, and leaves a body without numbers as it is', () => {
    const link = '<a href="tel:0564-5022106" title="0564-5022106">0564-5022106</a>';
    expect(withWholePhoneNumbers(link)).toBe('<a href="tel:0564-5022106" title="0564-5022106"><span class="nowrap">0564-5022106</span></a>');
    expect(withWholePhoneNumbers('<p>2026年12月6日，岚建〔2026〕63号</p>')).toBe('<p>2026年12月6日，岚建〔2026〕63号</p>');
    expect(withWholePhoneNumbers('<p>手机13912345678</p>')).toBe('<p>手机13912345678</p>');
  });
});
