import { describe, expect, it } from 'vitest';
import { applicantFields } from './application-input.ts';
import { applicantInput, recordCorrectionInput } from '../testing/application-factories.ts';
import { recordCorrectionFields } from './record-correction-input.ts';

describe('the descriptions that must say something (at least 5 characters)', () => {
  // A text of emoji only, punctuation only or emoji with spaces between passed 至少5个字 (only its length was counted).
  const saysNothing = ['👍👍👍👍👍👍', '😀 😀 😀 😀 😀 😀', '。。。。。。！！', '？？ ？？ ？？', '好 👍 👍 👍 👍'];
  const fields = [
    ['所需信息的内容描述', applicantFields.shape.subject],
    ['不准确的信息记录', recordCorrectionFields.shape.recordDescription],
  ] as const;

  it('refuses them, saying what counts; a real description passes', () => {
    for (const [label, field] of fields) {
      for (const text of saysNothing) {
        const r = field.safeParse(text);
        expect(r.success, `${label}: ${text}`).toBe(false);
        expect(r.error!.issues.map((i) => i.message)).toEqual([`${label}至少5个字（只计汉字、字母和数字，不计标点、空格和表情符号）`]);
      }
      expect(field.safeParse('2025年公租房分配结果').success, label).toBe(true);
      // Empty asks for the field, not for its minimum.
      expect(field.safeParse('  ').error!.issues.map((i) => i.message), label).toEqual([`请填写${label}`]);
    }
  });
});

describe('the applicant’s short fields say something (at least one written character)', () => {
  // An outside tester applied as 申请人姓名 😀 (a required field took any character); the same for every short field an
  // applicant fills that must name or reach someone: the ID number (a passport's has no check digit), 联系人 and 通信地址.
  const message = (label: string) => `${label}应含有汉字、字母或数字，不能只填标点、空格或表情符号`;
  const issuesOf = (over: Record<string, string>) => applicantFields.safeParse(applicantInput(over)).error?.issues.map((i) => [i.path[0], i.message]) ?? [];

  it('refuses 申请人姓名或名称, 证件号码, 联系人 and 通信地址 of emoji or punctuation only, at their fields', () => {
    for (const junk of ['😀', '👍👍', '。。。', '？！', '★']) {
      expect(issuesOf({ applicantName: junk }), junk).toEqual([['applicantName', message('申请人姓名或名称')]]);
      expect(issuesOf({ applicantIdKind: 'passport', applicantIdNumber: junk }), junk).toEqual([['applicantIdNumber', message('证件号码')]]);
      expect(issuesOf({ applicantType: 'commercial_enterprise', applicantIdKind: 'other_org_id', applicantIdNumber: '青民证字第1号', contactPerson: junk }), junk)
        .toEqual([['contactPerson', message('联系人')]]);
      expect(issuesOf({ deliveryMethod: 'post', contactAddress: junk }), junk).toEqual([['contactAddress', message('通信地址')]]);
    }
  });

  it('refuses an optional 文号 given as emoji or punctuation only, and takes it empty or real', () => {
    for (const junk of ['😀', '〔〕', '。。']) expect(issuesOf({ documentNumber: junk }), junk).toEqual([['documentNumber', message('文号')]]);
    expect(issuesOf({ documentNumber: '' })).toEqual([]);
    expect(issuesOf({ documentNumber: '岚建规〔2026〕1号' })).toEqual([]);
  });

  it('takes one written character, and leaves an optional field empty', () => {
    expect(issuesOf({ applicantName: '王' })).toEqual([]);
    expect(issuesOf({ applicantIdKind: 'passport', applicantIdNumber: 'E12345678' })).toEqual([]);
    expect(issuesOf({ contactAddress: '' })).toEqual([]);
    expect(issuesOf({ contactPerson: '' })).toEqual([]);
  });
});

describe('a 更正申请’s staff-registered fields say something too', () => {
  // Registered by staff, but written into the 告知书: 申请人认为正确的内容 and the evidence took 😀 or 。。 (only empty was refused).
  const message = (label: string) => `${label}应含有汉字、字母或数字，不能只填标点、空格或表情符号`;
  const issuesOf = (over: Record<string, string>) => recordCorrectionFields.safeParse(recordCorrectionInput(over)).error?.issues.map((i) => [i.path[0], i.message]) ?? [];

  it('refuses 申请人认为正确的内容 and 申请人提供的证据 of emoji or punctuation only, at their fields; one written character passes', () => {
    for (const junk of ['😀', '。。。', '？！', '👍 👍']) {
      expect(issuesOf({ claimedCorrection: junk, evidence: junk }), junk).toEqual([
        ['claimedCorrection', message('申请人认为正确的内容')], ['evidence', message('申请人提供的证据')],
      ]);
    }
    expect(issuesOf({ claimedCorrection: '3人', evidence: '户口簿' })).toEqual([]);
    expect(issuesOf({ evidence: ' ' })).toEqual([['evidence', '请填写申请人提供的证据']]);
  });
});

/** Found by an outside tester (a resident on a phone): 居民身份证号码应为18位且校验位正确 — a resident does not know 校验位. */
describe('a wrong ID number is told in plain words, a wrong length apart from a wrong digit', () => {
  const issuesOf = (over: Record<string, string>) => applicantFields.safeParse(applicantInput(over)).error?.issues.map((i) => [i.path[0], i.message]) ?? [];
  const all = (over: Record<string, string>) => issuesOf(over).map(([, m]) => m).join('');

  it('a 居民身份证号码 of the wrong length says how many digits it has and what the last one may be', () => {
    expect(issuesOf({ applicantIdKind: 'resident_id', applicantIdNumber: '11010519491231002' }))
      .toEqual([['applicantIdNumber', '身份证号码有误：应为18位，您填了17位；最后一位可以是数字或X，请逐位核对']]);
  });

  it('18 characters with a letter where a digit belongs say which places take what', () => {
    expect(issuesOf({ applicantIdKind: 'resident_id', applicantIdNumber: '1101051949123100AX' }))
      .toEqual([['applicantIdNumber', '身份证号码有误：前17位应为数字，最后一位可以是数字或X，请逐位核对']]);
  });

  it('18 digits that do not add up say a digit is wrong, without 校验位', () => {
    expect(issuesOf({ applicantIdKind: 'resident_id', applicantIdNumber: '110105194912310021' }))
      .toEqual([['applicantIdNumber', '身份证号码有误：号码中有数字不对（常见的是抄错一位或相邻两位颠倒），请逐位核对']]);
    // 身份证明类型 not chosen yet: the same plain words.
    expect(all({ applicantIdKind: '', applicantIdNumber: '110105194912310021' })).toContain('像是18位身份证号码，但号码中有数字不对');
  });

  it('a 统一社会信用代码 is told its length or a wrong character the same way', () => {
    const org = { applicantType: 'commercial_enterprise', applicantIdKind: 'credit_code', contactPerson: '李某' };
    expect(issuesOf({ ...org, applicantIdNumber: '91350100M000100Y4' }))
      .toEqual([['applicantIdNumber', '统一社会信用代码有误：应为18位，您填了17位；请对照营业执照或登记证书逐位核对']]);
    expect(issuesOf({ ...org, applicantIdNumber: '91350100M000100Y44' }))
      .toEqual([['applicantIdNumber', '统一社会信用代码有误：有字符不对（常见的是抄错一位、相邻两位颠倒，或把字母O、I当成数字0、1），请对照营业执照或登记证书逐位核对']]);
    expect(issuesOf({ ...org, applicantIdNumber: '91350100M000100Y43' })).toEqual([]);
  });

  it('no message says 校验位', () => {
    for (const n of ['11010519491231002', '110105194912310021', '1101051949123100AX']) expect(all({ applicantIdKind: 'resident_id', applicantIdNumber: n })).not.toContain('校验位');
    expect(all({ applicantIdKind: '', applicantIdNumber: '110105194912310021' })).not.toContain('校验位');
  });
});
