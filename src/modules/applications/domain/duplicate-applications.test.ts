import { describe, expect, it } from 'vitest';
import { type EarlierCase, type IncomingApplication, possibleDuplicates, sameApplicant, sameRequest } from './duplicate-applications.ts';

const incoming = (over: Partial<IncomingApplication> = {}): IncomingApplication => ({
  applicantName: '王某', applicantIdKind: 'resident_id', applicantIdNumber: '11010519491231002X', contactPhone: '138-0000-0000', contactEmail: '',
  subject: '2025年城区老旧小区改造项目清单及资金安排', documentNumber: '', ...over,
});
let id = 0;
const earlier = (over: Partial<EarlierCase> = {}): EarlierCase => ({
  id: ++id, trackingNo: `QLX-ZJJ-2026-${String(id).padStart(5, '0')}`, state: 'registered', arrivedOn: '2026-03-02',
  applicantName: '王某', applicantIdKind: 'resident_id', applicantIdNumber: '11010519491231002X', contactPhone: '13800000000', contactEmail: '',
  subject: '2025年城区老旧小区改造项目清单及资金安排', documentNumber: null, ...over,
});
const TODAY = '2026-03-10';

describe('the same applicant', () => {
  it('is the same name with the same ID, or the same name with the same phone or e-mail', () => {
    expect(sameApplicant(incoming(), earlier())).toBe(true);
    expect(sameApplicant(incoming({ applicantIdNumber: '', contactPhone: '13800000000' }), earlier({ applicantIdNumber: '' }))).toBe(true);
    expect(sameApplicant(incoming({ applicantIdNumber: '110105194912310038', contactPhone: '13900000000', contactEmail: 'Wang@Example.cn' }), earlier({ contactEmail: 'wang@example.cn' }))).toBe(true);
    expect(sameApplicant(incoming({ applicantName: ' 王 某 ' }), earlier())).toBe(true);
  });

  it('is not a namesake with another ID and contact, nor another name with the same ID', () => {
    expect(sameApplicant(incoming({ applicantIdNumber: '110105194912310038', contactPhone: '13900000000' }), earlier())).toBe(false);
    expect(sameApplicant(incoming({ applicantName: '李某' }), earlier())).toBe(false);
  });
});

describe('the same request', () => {
  it('is the same 文号 in any bracket spelling, or the same description however spaced and punctuated, or one nearly the same', () => {
    expect(sameRequest({ subject: '请公开该文件', documentNumber: '岚建〔2025〕3号' }, { subject: '申请获取文件全文', documentNumber: '岚建[2025]3号' })).toBe(true);
    expect(sameRequest({ subject: '请公开该文件', documentNumber: '岚建〔2025〕3号' }, { subject: '请公开该文件', documentNumber: '岚建〔2025〕4号' })).toBe(false);
    expect(sameRequest(incoming({ subject: '2025年 城区老旧小区改造项目清单、及资金安排。' }), earlier())).toBe(true);
    expect(sameRequest(incoming({ subject: '2025年城区老旧小区改造项目清单' }), earlier())).toBe(true);
    expect(sameRequest(incoming({ subject: '2025年城区老旧小区改造的项目清单及资金安排情况' }), earlier())).toBe(true);
  });

  it('is not a request for another year or number, nor for something else', () => {
    expect(sameRequest(incoming({ subject: '2024年城区老旧小区改造项目清单及资金安排' }), earlier())).toBe(false);
    expect(sameRequest(incoming({ subject: '2025年公共租赁住房配租结果及轮候名单' }), earlier())).toBe(false);
  });
});

describe('possible duplicates of an application being registered', () => {
  it('are the open cases of the same applicant and request, and the closed ones that arrived within 30 days, newest first', () => {
    const open = earlier({ arrivedOn: '2025-11-03', state: 'in_progress' });
    const waiting = earlier({ arrivedOn: '2026-03-09', state: 'awaiting_confirmation' });
    const recentlyReplied = earlier({ arrivedOn: '2026-02-08', state: 'replied' });
    const oldReplied = earlier({ arrivedOn: '2026-02-07', state: 'replied' });
    const discarded = earlier({ arrivedOn: '2026-03-09', state: 'discarded' });
    const other = earlier({ subject: '2025年公共租赁住房配租结果' });
    const namesake = earlier({ applicantIdNumber: '110105194912310038', contactPhone: '13900000000' });
    expect(possibleDuplicates(incoming(), [open, waiting, recentlyReplied, oldReplied, discarded, other, namesake], TODAY).map((c) => c.id))
      .toEqual([waiting.id, recentlyReplied.id, open.id]);
  });

  it('are none for a first application', () => {
    expect(possibleDuplicates(incoming(), [], TODAY)).toEqual([]);
  });
});
