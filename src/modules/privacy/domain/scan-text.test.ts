import { describe, expect, it } from 'vitest';
import { scanText } from './scan-text.ts';
import { idCheckCharacter } from './id-card.ts';
import { applyMasks } from './mask.ts';
import { publishGate } from './publish-gate.ts';

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

  it('warns about the house detail of a home address beside a phone number, without blocking on the address', () => {
    const text = '来信人住幸福小区3栋2单元501室，电话13812345678。';
    const found = scanText(text);
    expect(found.map((f) => [f.type, f.severity, f.text])).toEqual([
      ['residential_address', 'warn', '3栋2单元501室'],
      ['mobile_phone', 'block', '13812345678'],
    ]);
    expect(publishGate(found.filter((f) => f.type === 'residential_address')).blocked).toBe(false);
    expect(applyMasks(text, found)).toBe('来信人住幸福小区*********，电话138****5678。');
  });

  it('finds nothing in a notice that gives the office address and a project building', () => {
    const text =
      '办理地点：县政务服务中心三楼住建窗口（人民路18号3楼302室）\n' +
      '滨河家园一期9#楼商品房预售许可公示，涉及住宅3栋楼、共240户，户型为三室两厅。';
    expect(scanText(text)).toEqual([]);
  });
});
