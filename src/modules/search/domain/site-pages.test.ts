import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { contactAsked, sitePagesAsked } from './site-pages.ts';

const organs = [
  { id: 1, code: 'county', name: '青岚县人民政府', shortName: '县政府', kind: 'government' },
  { id: 2, code: 'housing', name: '青岚县住房和城乡建设局', shortName: '县住建局', kind: 'department' },
  { id: 3, code: 'finance', name: '青岚县财政局', shortName: '县财政局', kind: 'department' },
  { id: 4, code: 'unit', name: '村镇建设股', shortName: '', kind: 'unit' },
];
const asked = (q: string) => {
  const r = sitePagesAsked(parseQuery(q), organs);
  return r && { pages: r.pages, organ: r.organ?.code ?? null };
};

describe('the portal pages a query asks for', () => {
  it('reads a page by its name or what people call it', () => {
    expect(asked('政府信息公开指南')).toEqual({ pages: ['guide'], organ: null });
    expect(asked('公开指南')).toEqual({ pages: ['guide'], organ: null });
    expect(asked('政府信息公开 指南')).toEqual({ pages: ['guide'], organ: null });
    expect(asked('信息公开制度')).toEqual({ pages: ['rules'], organ: null });
    expect(asked('年报')).toEqual({ pages: ['annualReports'], organ: null });
    expect(asked('2025年度报告')).toEqual({ pages: ['annualReports'], organ: null });
    expect(asked('依申请公开')).toEqual({ pages: ['apply'], organ: null });
    expect(asked('怎么申请信息公开')).toEqual({ pages: ['apply'], organ: null });
    expect(asked('我要写信')).toEqual({ pages: ['letters'], organ: null });
    expect(asked('投诉信箱')).toEqual({ pages: ['letters'], organ: null });
    expect(asked('办公时间')).toEqual({ pages: ['contact'], organ: null });
    expect(asked('上班时间')).toEqual({ pages: ['contact'], organ: null });
    expect(asked('内设机构')).toEqual({ pages: ['functions'], organ: null });
    expect(asked('领导')).toEqual({ pages: ['functions'], organ: null });
    expect(asked('申请进度查询')).toEqual({ pages: ['applicationStatus'], organ: null });
  });

  it('reads the organ named, as a keyword or before the page’s words', () => {
    expect(asked('住建局 电话')).toEqual({ pages: ['contact'], organ: 'housing' });
    expect(asked('住建局电话')).toEqual({ pages: ['contact'], organ: 'housing' });
    expect(asked('县住建局的联系电话是多少')).toEqual({ pages: ['contact'], organ: 'housing' });
    expect(asked('财政局在哪里')).toEqual({ pages: ['contact'], organ: 'finance' });
    expect(asked('县政府信息公开指南')).toEqual({ pages: ['guide'], organ: 'county' });
    expect(asked('青岚县政府 年报')).toEqual({ pages: ['annualReports'], organ: 'county' });
    expect(asked('住建局 地址 办公时间')).toEqual({ pages: ['contact'], organ: 'housing' });
    expect(asked('住建局 职能 电话')).toEqual({ pages: ['contact', 'functions'], organ: 'housing' });
    // Two organs: which one is not known.
    expect(asked('住建局 财政局 电话')).toBeNull();
  });

  it('is null for any other words', () => {
    expect(asked('危房')).toBeNull();
    expect(asked('住建局')).toBeNull();
    expect(asked('指南')).toBeNull();
    expect(asked('农村危房改造办事指南')).toBeNull();
    expect(asked('2026年报名时间')).toBeNull();
    expect(asked('危房改造 电话')).toBeNull();
    expect(asked('征求意见采纳情况的说明')).toBeNull();
    expect(asked('怎么申请')).toBeNull();
    expect(asked('公租房在哪里申请')).toBeNull();
  });
});

describe('the contact details a contact question asks for', () => {
  it('gives the phone for 电话, the address for 地址 or 在哪里, the hours for 上班时间, all three for 联系方式', () => {
    expect(contactAsked(parseQuery('住建局 电话'))).toEqual({ phone: true, address: false, officeHours: false });
    expect(contactAsked(parseQuery('财政局在哪里'))).toEqual({ phone: false, address: true, officeHours: false });
    expect(contactAsked(parseQuery('住建局 地址 办公时间'))).toEqual({ phone: false, address: true, officeHours: true });
    expect(contactAsked(parseQuery('县政府联系方式'))).toEqual({ phone: true, address: true, officeHours: true });
  });
});
