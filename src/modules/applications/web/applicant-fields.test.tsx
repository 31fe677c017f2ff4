import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ApplicantFieldsets } from './applicant-fields.tsx';

describe('ApplicantFieldsets', () => {
  it('gives the 文号 an example no region owns, not one region’s 代字 (found by an outside tester: 青建〔2025〕12号)', () => {
    const html = renderToString(<ApplicantFieldsets values={{}} errors={{}} />);
    const hint = /id="h-documentNumber"[^>]*>([^<]*)</.exec(html)?.[1] ?? '';
    expect(hint).toContain('××〔2025〕12号');
    expect(hint).not.toMatch(/[\u4e00-\u9fff]建〔/);
  });

  it('gives each contact field the keyboard and the browser’s saved value it takes', () => {
    const html = renderToString(<ApplicantFieldsets values={{}} errors={{}} />);
    const input = (id: string) => new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
    expect(input('f-contactPhone')).toMatch(/inputmode="tel"/i);
    expect(input('f-contactPhone')).toContain('autocomplete="tel"');
    expect(input('f-contactEmail')).toMatch(/inputmode="email"/i);
    expect(input('f-contactEmail')).toContain('autocomplete="email"');
    expect(input('f-applicantName')).toContain('autocomplete="name"');
    expect(input('f-contactPerson')).toContain('autocomplete="name"');
    expect(input('f-postalCode')).toContain('autocomplete="postal-code"');
  });
});
