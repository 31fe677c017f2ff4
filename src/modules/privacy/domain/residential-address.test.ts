import { describe, expect, it } from 'vitest';
import { applyMasks } from './mask.ts';
import { detectResidentialAddresses } from './residential-address.ts';

const details = (text: string) => detectResidentialAddresses(text).map((f) => f.text);
const masked = (text: string) => applyMasks(text, detectResidentialAddresses(text));

describe('the house detail of a home address', () => {
  it('reports the detail after the estate as a warn finding, masked whole and of the same length', () => {
    const text = '我住在幸福小区3栋2单元501室，楼上漏水。';
    expect(detectResidentialAddresses(text)).toEqual([
      {
        type: 'residential_address',
        text: '3栋2单元501室',
        start: text.indexOf('3栋'),
        end: text.indexOf('，'),
        severity: 'warn',
        suggestion: '*********',
        rule: 'residential-detail',
      },
    ]);
    expect(masked(text)).toBe('我住在幸福小区*********，楼上漏水。');
  });

  // The estate, village or road number stays; the detail after it is the finding.
  it.each([
    ['城关镇人民路18号院2号楼302', '2号楼302'],
    ['阳光花园B座1203室', 'B座1203室'],
    ['锦绣家园12幢3单元', '12幢3单元'],
    ['桂苑小区三栋二单元五零一室', '三栋二单元五零一室'],
    ['幸福小区3-2-501', '3-2-501'],
    ['幸福小区3栋2-501', '3栋2-501'],
    ['幸福小区3栋2单元501', '3栋2单元501'],
    ['幸福小区 3栋 2单元 501室', '3栋 2单元 501室'],
    ['幸福小区二期3栋2单元501室', '3栋2单元501室'],
    ['金色家园A区5号楼302', '5号楼302'],
    ['建设局职工宿舍2栋401', '2栋401'],
    ['人民医院家属院3号楼2单元', '3号楼2单元'],
    ['和平公寓12楼1205', '12楼1205'],
    ['幸福村3组15号', '3组15号'],
    ['东风3组12号', '12号'],
    ['城关镇东关村五组28号', '五组28号'],
    ['人民路18号2单元301室', '2单元301室'],
    ['人民路 18号 2单元301', '2单元301'],
    ['阳光花园3#楼2单元', '3#楼2单元'],
    // 门 for the entrance (单元) of a 号楼, then a bare room number, as written in the north.
    ['幸福里小区12号楼3门201', '12号楼3门201'],
    ['母亲住在幸福里小区12号楼3门201。', '12号楼3门201'],
    ['幸福里小区12号楼3门201室', '12号楼3门201室'],
    ['幸福里小区12号楼3门', '12号楼3门'],
    ['和平小区5栋2门302', '5栋2门302'],
    ['阳光花园5号楼2-301', '5号楼2-301'],
    ['幸福小区３栋２单元５０１室', '３栋２单元５０１室'],
  ])('in %s finds %s', (text, detail) => {
    expect(details(text)).toEqual([detail]);
    expect(masked(text)).toBe(text.replace(detail, '*'.repeat(detail.length)));
  });

  it('finds every address of a letter and its reply, and keeps what is around them', () => {
    const text = '张**同志：您反映的幸福小区3栋2单元501室漏水问题，经查系幸福小区3栋2单元601室管道破损所致。';
    expect(details(text)).toEqual(['3栋2单元501室', '3栋2单元601室']);
    expect(masked(text)).toBe('张**同志：您反映的幸福小区*********漏水问题，经查系幸福小区*********管道破损所致。');
  });

  it('stops at the room: what follows is not part of the address', () => {
    expect(details('幸福小区3栋2单元501室2楼邻居')).toEqual(['3栋2单元501室']);
    expect(details('幸福小区3栋2单元，电话0564-1234567')).toEqual(['3栋2单元']);
    expect(details('幸福小区3栋2单元 13912345678')).toEqual(['3栋2单元']);
  });
});

describe('what is not a home address', () => {
  it.each([
    ['an office floor', '请到县政务服务中心三楼办理。'],
    ['an office room in a government building', '地址：县行政中心2号楼301室'],
    ['a road number alone', '地址：城关镇人民路18号'],
    ['a road number with a floor but no 单元', '县住建局（人民路18号3楼302室）'],
    ['a hospital building', '县人民医院3号楼'],
    ['an industrial park building', '经济开发区科技园2号楼501室'],
    ['a park gate', '人民公园3号门'],
    ['a kindergarten floor', '城关幼儿园2楼'],
    ['an estate without a house detail', '幸福小区加装电梯'],
    ['an estate and its phase only', '幸福小区二期'],
    ['a count of buildings', '幸福小区3栋楼加装电梯'],
    ['a count of buildings with 幢', '对老旧小区5幢房屋进行改造'],
    ['a count of floors', '幸福小区6层以上住宅'],
    ['a count of households', '涉及幸福村300户村民'],
    ['two buildings', '幸福小区两栋楼'],
    ['a layout', '幸福小区三室两厅'],
    ['a layout with digits', '幸福小区3室2厅1卫'],
    ['a year after an estate', '幸福小区2021年完成改造'],
    ['a group that is an ordinal', '第3组15号选手'],
    ['a number of estates', '全县共12个小区'],
    ['a place word at the very start', '村3组'],
    ['an area inside an estate', '幸福小区内120平方米'],
    ['a village committee\'s meeting room', '幸福村村委会2楼会议室'],
    ['a year after a village', '幸福村2020年脱贫'],
    ['an estate then an amount', '阳光花园1200万元'],
    ['estates and buildings counted', '幸福小区等3个小区共12栋楼'],
    ['a building of a project (施工许可, 预售许可)', '金桂园二期6#楼 某置业有限公司'],
    ['a building alone', '滨河家园一期9#楼商品房预售许可公示'],
    ['a tower of an estate', '阳光花园B座'],
    ['a 村民小组 alone (危房改造公示)', '城关镇东关村五组 王** 危房改造'],
    ['a gate of an estate', '幸福小区3门外堆放垃圾'],
    ['a numbered gate of an estate', '幸福小区3号门口'],
    ['an office building\'s entrance and room', '县行政中心2号楼3门201室'],
    ['gates counted after a building', '幸福小区12号楼3个门'],
  ])('leaves %s alone: %s', (_, text) => expect(detectResidentialAddresses(text)).toEqual([]));

  it('reads a quantity after the building as no room number', () => {
    expect(details('幸福小区3栋2单元120平方米')).toEqual(['3栋2单元']);
    expect(details('幸福小区3栋2单元1200元')).toEqual(['3栋2单元']);
    expect(details('幸福小区3栋120平方米')).toEqual([]);
  });
});

describe('spaces and 3# inside a detail, in any text', () => {
  it.each([
    ['幸福小区3#2-501', '3#2-501'],
    ['幸福小区 3 栋 2 单元 501 室', '3 栋 2 单元 501 室'],
    ['阳光花园 5 号楼 302', '5 号楼 302'],
  ])('in %s finds %s', (text, detail) => {
    expect(details(text)).toEqual([detail]);
    expect(masked(text)).toBe(text.replace(detail, '*'.repeat(detail.length)));
  });
});

describe('the stricter forms in a citizen\'s own text (a letter, a comment)', () => {
  const citizen = (text: string) => detectResidentialAddresses(text, { citizen: true }).map((f) => f.text);

  it.each([
    ['朋友住5号楼2-301', '5号楼2-301'],
    ['阳光城三期8-2-1503', '8-2-1503'],
    ['4栋1202', '4栋1202'],
    ['我家在 4栋1202，楼上漏水', '4栋1202'],
    ['住3号楼2单元', '3号楼2单元'],
    ['家住人民路88号', '88号'],
    ['家住人民路88号，门口积水', '88号'],
    ['住在城关镇人民路12号3楼', '12号3楼'],
    ['家庭住址：滨河大道6号', '6号'],
    ['天悦郡7栋1单元902', '7栋1单元902'],
    ['幸福小区3#2-501', '3#2-501'],
    ['幸福小区 3 栋 2 单元 501 室', '3 栋 2 单元 501 室'],
  ])('in %s finds %s', (text, detail) => expect(citizen(text)).toEqual([detail]));

  it('leaves the road number of an estate to the estate rule: the detail after the estate is masked', () => {
    expect(citizen('本人家住城关镇滨河路88号阳光花园5幢1单元302室')).toEqual(['5幢1单元302室']);
  });

  it.each([
    ['an office floor and room on a road', '县住建局在人民路18号3楼302室'],
    ['an office floor', '请到县政务服务中心三楼办理'],
    ['an office room in a government building', '请到县行政中心2号楼301室办理'],
    ['a building of a project', '3号楼已封顶'],
    ['buildings of a project', '金桂园二期6#楼、项目3#、4#楼'],
    ['a count of buildings and households', '共4栋1200户'],
    ['a count of buildings and people', '住4栋120余人'],
    ['a date', '2026-05-06来信'],
    ['an amount', '补偿款3-5万元'],
    ['a 文号', '依据岚建〔2026〕5号文件'],
    ['a road number without a home label', '到人民路88号办理'],
    ['a county town and a hospital building', '县城人民医院3号楼'],
    ['城关镇', '城关镇3组'],
    ['a distance', '离家3公里3栋楼'],
  ])('leaves %s alone: %s', (_, text) => expect(detectResidentialAddresses(text, { citizen: true })).toEqual([]));

  it('keeps the scanner to the estate rule: none of the stricter forms without `citizen`', () => {
    for (const text of ['朋友住5号楼2-301', '阳光城三期8-2-1503', '4栋1202', '家住人民路88号']) expect(detectResidentialAddresses(text)).toEqual([]);
  });
});
