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
