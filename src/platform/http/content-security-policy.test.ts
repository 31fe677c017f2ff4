import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy.ts';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('contentSecurityPolicy', () => {
  // default-src does not cover base-uri: without it, a <base href> slipped into a page would send every
  // relative link, form and script of the page to another host (no page of ours writes <base>).
  it("forbids <base> (base-uri 'none') and plugins (object-src 'none'), which default-src does not fully cover", () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('names each standalone stylesheet by its sha256 and nothing inline besides', () => {
    const policy = directives(contentSecurityPolicy(['p{margin:0}']));
    expect(policy.get('style-src')).toEqual(["'self'", "'sha256-QRQPRLGyxt3RJiKpYNjpkgHcmHU2PywsfL2e8oI0LQA='"]);
    expect(policy.get('style-src-attr')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });
});
