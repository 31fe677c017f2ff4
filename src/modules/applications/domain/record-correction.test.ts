import { describe, expect, it } from 'vitest';
import { decideRecordCorrection, isAdverseRecordCorrection, recordCorrectionVerbsIn, RECORD_CORRECTION_STATES, type RecordCorrection, type RecordCorrectionCommand } from './record-correction.ts';
import { ApplicationErrorCode as E } from './error-codes.ts';

const request = (over: Partial<RecordCorrection> = {}): RecordCorrection => ({
  id: 1, organId: 1, trackingNo: 'QLX-ZJJ-GZ-2026-00001', state: 'received', channel: 'in_person', receivedOn: '2026-03-02',
  applicantType: 'natural_person', applicantName: '王某', applicantIdKind: 'resident_id', applicantIdNumber: '11010519491231002X',
  contactPerson: '', contactPhone: '13800000000', contactEmail: '', contactAddress: '', postalCode: '', deliveryMethod: 'pickup',
  applicationId: null, applicationTrackingNo: null, recordDescription: '2025年住房保障资格审核结果公示中本人家庭人口记载为2人', claimedCorrection: '家庭人口为3人',
  evidence: '户口簿复印件', registeredBy: null, decidedOn: null, correctedContent: '', decisionReason: '', competentOrgan: '', competentContact: '',
  letterNo: null, letterIssuedOn: null, version: 1, createdAt: '2026-03-02T02:00:00Z', ...over,
});
const facts = { today: '2026-03-20', organName: '青岚县住房和城乡建设局' };
const codes = (c: RecordCorrectionCommand, rc = request()) => {
  const d = decideRecordCorrection(rc, c, facts);
  return d.ok ? [] : d.reasons.map((r) => `${r.code}@${r.field ?? ''}`);
};

describe('条例第四十一条 correction requests: decide', () => {
  it('each outcome leads from received to its own state with what it records', () => {
    const ok = (c: RecordCorrectionCommand) => {
      const d = decideRecordCorrection(request(), c, facts);
      if (!d.ok) throw new Error(JSON.stringify(d.reasons));
      return d;
    };
    const corrected = ok({ verb: 'correct', decidedOn: '2026-03-10', correctedContent: ' 家庭人口由2人更正为3人 ' });
    expect(corrected.next).toBe('corrected');
    expect(corrected.changes).toMatchObject({ decidedOn: '2026-03-10', correctedContent: '家庭人口由2人更正为3人' });
    expect(corrected.note).toContain('条例第四十一条');
    expect(ok({ verb: 'decline', decidedOn: '2026-03-10', reason: '户籍记载为2人' })).toMatchObject({ next: 'not_verified', changes: { decisionReason: '户籍记载为2人' } });
    expect(ok({ verb: 'transfer', decidedOn: '2026-03-10', competentOrgan: '青岚县公安局' })).toMatchObject({ next: 'transferred', changes: { competentOrgan: '青岚县公安局' } });
    expect(ok({ verb: 'refer', decidedOn: '2026-03-10', competentOrgan: '青岚县公安局', competentContact: '0550-1234567' }))
      .toMatchObject({ next: 'referred', changes: { competentOrgan: '青岚县公安局', competentContact: '0550-1234567' } });
    // The contact of the competent organ is given when known.
    expect(ok({ verb: 'refer', decidedOn: '2026-03-10', competentOrgan: '青岚县公安局' }).changes.competentContact).toBe('');
  });

  it('a decided request takes no second outcome', () => {
    for (const state of RECORD_CORRECTION_STATES.filter((s) => s !== 'received')) {
      expect(recordCorrectionVerbsIn(state)).toEqual([]);
      expect(codes({ verb: 'correct', decidedOn: '2026-03-10', correctedContent: '已更正' }, request({ state }))).toEqual([`${E.recordCorrectionVerbNotAllowed}@`]);
    }
    expect(recordCorrectionVerbsIn('received')).toEqual(['correct', 'decline', 'transfer', 'refer']);
  });

  it('refuses a date that is not real, in the future or before the request was received', () => {
    expect(codes({ verb: 'correct', decidedOn: '2026-02-30', correctedContent: 'x' })).toEqual([`${E.invalidDate}@decidedOn`]);
    expect(codes({ verb: 'decline', decidedOn: '2026-03-21', reason: 'x' })).toEqual([`${E.dateInFuture}@decidedOn`]);
    expect(codes({ verb: 'transfer', decidedOn: '2026-03-01', competentOrgan: '青岚县公安局' })).toEqual([`${E.dateOutOfOrder}@decidedOn`]);
  });

  it('each outcome requires what its letter says: what was corrected, the reason, the competent organ (not this one)', () => {
    expect(codes({ verb: 'correct', decidedOn: '2026-03-10', correctedContent: '  ' })).toEqual([`${E.recordCorrectionContentRequired}@correctedContent`]);
    expect(codes({ verb: 'decline', decidedOn: '2026-03-10', reason: '' })).toEqual([`${E.recordCorrectionReasonRequired}@reason`]);
    expect(codes({ verb: 'transfer', decidedOn: '2026-03-10', competentOrgan: '' })).toEqual([`${E.recordCorrectionCompetentOrganRequired}@competentOrgan`]);
    expect(codes({ verb: 'refer', decidedOn: '2026-03-10', competentOrgan: '青岚县住房和城乡建设局' })).toEqual([`${E.recordCorrectionCompetentOrganRequired}@competentOrgan`]);
    expect(codes({ verb: 'refer', decidedOn: '2026-03-10', competentOrgan: '青岚县公安局', competentContact: 'x'.repeat(201) })).toEqual([`${E.recordCorrectionInvalid}@competentContact`]);
    expect(codes({ verb: 'decline', decidedOn: '2026-03-10', reason: '理'.repeat(2001) })).toEqual([`${E.recordCorrectionInvalid}@reason`]);
  });

  it('what goes into the letter is refused when it is emoji or punctuation only, with the code of a missing one; an optional contact too, when given', () => {
    const messages = (c: RecordCorrectionCommand) => {
      const d = decideRecordCorrection(request(), c, facts);
      return d.ok ? [] : d.reasons.map((r) => `${r.code}@${r.field ?? ''}:${r.message}`);
    };
    const says = (label: string) => `${label}应含有汉字、字母或数字，不能只填标点、空格或表情符号`;
    for (const junk of ['😀', '。。', '？！ …', '★★']) {
      expect(messages({ verb: 'correct', decidedOn: '2026-03-10', correctedContent: junk }), junk).toEqual([`${E.recordCorrectionContentRequired}@correctedContent:${says('更正内容')}`]);
      expect(messages({ verb: 'decline', decidedOn: '2026-03-10', reason: junk }), junk).toEqual([`${E.recordCorrectionReasonRequired}@reason:${says('不予更正的理由')}`]);
      expect(messages({ verb: 'transfer', decidedOn: '2026-03-10', competentOrgan: junk }), junk).toEqual([`${E.recordCorrectionCompetentOrganRequired}@competentOrgan:${says('有权更正的机关名称')}`]);
      expect(messages({ verb: 'refer', decidedOn: '2026-03-10', competentOrgan: '青岚县公安局', competentContact: junk }), junk).toEqual([`${E.recordCorrectionInvalid}@competentContact:${says('有权更正机关的联系方式')}`]);
    }
    expect(codes({ verb: 'refer', decidedOn: '2026-03-10', competentOrgan: '青岚县公安局', competentContact: '' })).toEqual([]);
    expect(codes({ verb: 'correct', decidedOn: '2026-03-10', correctedContent: '3人' })).toEqual([]);
  });

  it('lists every reason at once', () => {
    expect(codes({ verb: 'refer', decidedOn: 'soon', competentOrgan: '' }, request({ state: 'corrected' }))).toEqual([
      `${E.recordCorrectionVerbNotAllowed}@`, `${E.invalidDate}@decidedOn`, `${E.recordCorrectionCompetentOrganRequired}@competentOrgan`,
    ]);
  });

  it('not corrected and sent away are adverse (the letter states the remedies); corrected and transferred are not', () => {
    expect(RECORD_CORRECTION_STATES.filter(isAdverseRecordCorrection)).toEqual(['not_verified', 'referred']);
  });
});
