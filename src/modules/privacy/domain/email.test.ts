import { describe, expect, it } from 'vitest';
import { detectEmails } from './email.ts';

describe('personal e-mail addresses', () => {
  it('finds an address in prose and masks the local part', () => {
    const text = '申请人邮箱：zhang.san_88@163.com，请回复。';
    expect(detectEmails(text)).toEqual([
      {
        type: 'email',
        text: 'zhang.san_88@163.com',
        start: text.indexOf('zhang'),
        end: text.indexOf('，'),
        severity: 'block',
        suggestion: 'z***********@163.com',
        rule: 'email',
      },
    ]);
  });

  it('finds addresses with a full-width @, sub-domains and plus tags', () => {
    expect(detectEmails('lisi＠qq.com').map((f) => f.text)).toEqual(['lisi＠qq.com']);
    expect(detectEmails('wang+gk@mail.example.com.cn.').map((f) => f.text)).toEqual(['wang+gk@mail.example.com.cn']);
  });

  it('does not flag organ addresses: gov.cn domains, disclosure offices, enquiry mailboxes', () => {
    expect(detectEmails('来信请寄 hszjj@hs.gov.cn')).toHaveLength(0);
    expect(detectEmails('联系邮箱：hsxxgk@163.com')).toHaveLength(0);
    expect(detectEmails('信息公开咨询邮箱：hsxj2020@163.com')).toHaveLength(0);
    expect(detectEmails('举报电子邮箱为 jubao123@126.com')).toHaveLength(0);
  });

  it('flags the address of a person who wrote in, even near the word 举报', () => {
    expect(detectEmails('举报人王某通过邮件（wangmou@qq.com）反映问题')).toHaveLength(1);
    expect(detectEmails('举报人电子邮箱：wangmou@qq.com')).toHaveLength(1);
  });

  it('does not flag things that only look like addresses', () => {
    expect(detectEmails('@张三 请审核')).toHaveLength(0);
    expect(detectEmails('user@localhost')).toHaveLength(0);
    expect(detectEmails('价格 5@10元')).toHaveLength(0);
    expect(detectEmails('.@example.com')).toHaveLength(0);
  });
});
