import { describe, expect, it } from 'vitest';
import { scanText } from './scan-text.ts';
import { idCheckCharacter } from './id-card.ts';
import { applyMasks } from './mask.ts';

const id = '34152519900307123' + idCheckCharacter('34152519900307123');

describe('scanText', () => {
  it('reports every kind of finding sorted by position', () => {
    const text = `秘密★1年\n关于张三（身份证号${id}，手机13812345678，邮箱zs@163.com）的处理决定`;
    const found = scanText(text);
    expect(found.map((f) => f.type)).toEqual(['classified_marking', 'id_card', 'mobile_phone', 'email']);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('reports the whole e-mail address, not the mobile number that is its local part', () => {
    expect(scanText('13812345678@139.com')).toMatchObject([{ type: 'email', text: '13812345678@139.com' }]);
  });

  it('lets a blocking finding win over an overlapping warning word', () => {
    const found = scanText(`号码${id}`, { wordLists: [{ name: 'w', words: [{ word: `码${id.slice(0, 4)}`, severity: 'warn' }] }] });
    expect(found).toMatchObject([{ type: 'id_card' }]);
  });

  it('adds word-list hits with the word severity', () => {
    const lists = [{ name: '敏感词', words: [{ word: '内部掌握', severity: 'warn' as const }] }];
    expect(scanText('此事内部掌握', { wordLists: lists })).toMatchObject([{ type: 'sensitive_word', severity: 'warn', rule: '敏感词' }]);
  });

  it('produces masks that can replace the findings in place', () => {
    const text = `电话13812345678，身份证${id}`;
    expect(applyMasks(text, scanText(text))).toBe(`电话138****5678，身份证341525********${id.slice(14)}`);
  });

  it('finds nothing in an ordinary notice full of numbers', () => {
    const text =
      '索引号：11341525003139573K/2020-00012\n发布机构：霍山县住房和城乡建设局\n文号：霍建〔2020〕12号\n' +
      '统一社会信用代码：11341525003139573K\n项目编号：HSZC-2020-0012\n预算金额：1,380,000.00元\n' +
      '成文日期：2020-03-07\n咨询电话：0564-5022345\n2020年共受理申请12件，办结率100%。';
    expect(scanText(text)).toEqual([]);
  });
});
