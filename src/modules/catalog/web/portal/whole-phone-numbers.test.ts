import { describe, expect, it } from 'vitest';
import { withWholePhoneNumbers } from './whole-phone-numbers.ts';

describe('telephone numbers in a body on the portal', () => {
  it('keeps each number written with a hyphen or an area code in brackets on one line, and makes it tap-to-call (tel:) as the 政策咨询电话 is', () => {
    expect(withWholePhoneNumbers('<p>联系电话：0564-5022106，咨询：（0564）5022107；热线400-820-8820，分机0564-5022106转8001，0564-5022106-8002。</p>')).toBe(
      '<p>联系电话：<a href="tel:05645022106" class="nowrap">0564-5022106</a>，咨询：<a href="tel:05645022107" class="nowrap">（0564）5022107</a>；热线<a href="tel:4008208820" class="nowrap">400-820-8820</a>，'
      + '分机<a href="tel:05645022106" class="nowrap">0564-5022106转8001</a>，<a href="tel:05645022106" class="nowrap">0564-5022106-8002</a>。</p>');
  });

  it('calls no fax, and nothing that only looks like a number (a span of years, a 文号)', () => {
    expect(withWholePhoneNumbers('<p>传真：0564-5022107；传真号码（0564）5022108</p>')).toBe('<p>传真：<span class="nowrap">0564-5022107</span>；传真号码<span class="nowrap">（0564）5022108</span></p>');
    expect(withWholePhoneNumbers('<p>2021-2025年规划，编号123-4567</p>')).not.toContain('tel:');
  });

  it('touches text only, never a tag or an attribute, nor the text of an existing link, and leaves a body without numbers as it is', () => {
    const link = '<a href="tel:0564-5022106" title="0564-5022106">0564-5022106</a>';
    expect(withWholePhoneNumbers(link)).toBe('<a href="tel:0564-5022106" title="0564-5022106"><span class="nowrap">0564-5022106</span></a>');
    expect(withWholePhoneNumbers('<p><a href="/x"><strong>电话0564-5022106</strong></a>，0564-5022109</p>')).toBe(
      '<p><a href="/x"><strong>电话<span class="nowrap">0564-5022106</span></strong></a>，<a href="tel:05645022109" class="nowrap">0564-5022109</a></p>');
    expect(withWholePhoneNumbers('<p>2026年12月6日，岚建〔2026〕63号</p>')).toBe('<p>2026年12月6日，岚建〔2026〕63号</p>');
    expect(withWholePhoneNumbers('<p>手机13912345678</p>')).toBe('<p>手机13912345678</p>');
  });
});
