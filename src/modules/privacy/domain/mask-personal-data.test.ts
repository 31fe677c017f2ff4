import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './mask-personal-data.ts';

describe('personal data masked for the portal', () => {
  it('masks numbers and a home’s house detail, and leaves an office address and other findings alone', () => {
    const out = maskPersonalData('我住幸福小区3栋2单元501室，电话13912345678。请到县政务服务中心三楼办理。秘密★1年', 'citizen');
    expect(out).toContain('幸福小区*********');
    expect(out).toContain('139****5678');
    expect(out).toContain('县政务服务中心三楼');
    expect(out).toContain('秘密★1年'); // a secrecy marking stops publication elsewhere; it is not a mask
  });

  it('masks every contact of the letter a tester wrote: both homes, landline, e-mail and QQ', () => {
    const out = maskPersonalData('本人家住青岚县城关镇滨河路88号阳光花园5幢1单元302室……另外我母亲住在幸福里小区12号楼3门201……家里座机0564-5123456，邮箱 wangjg@163.com，QQ 12345678。', 'citizen');
    expect(out).toBe('本人家住青岚县城关镇滨河路88号阳光花园*********……另外我母亲住在幸福里小区*********……家里座机0564-*****56，邮箱 w*****@163.com，QQ ********。');
  });

  it('keeps the organ’s hotline in its reply and masks the writer’s home phone there', () => {
    expect(maskPersonalData('已与您电话联系（您的电话0564-5123456）。政策咨询电话0564-1234567。', 'organ'))
      .toBe('已与您电话联系（您的电话0564-*****56）。政策咨询电话0564-1234567。');
  });

  it('masks the home addresses a tester found still published in a letter (stricter forms in a citizen\'s text)', () => {
    expect(maskPersonalData('朋友住5号楼2-301，我家阳光城三期8-2-1503，老家幸福小区3#2-501，岳母幸福小区 3 栋 2 单元 501 室，同事4栋1202，父亲家住人民路88号。', 'citizen'))
      .toBe('朋友住********，我家阳光城三期********，老家幸福小区*******，岳母幸福小区 **************，同事******，父亲家住人民路***。');
  });

  it('keeps the scanner\'s rule in the organ\'s reply: an office building\'s room stays', () => {
    expect(maskPersonalData('请到4栋1202室办理。', 'organ')).toBe('请到4栋1202室办理。');
  });

  describe('a contact masked in the letter is masked in the reply too', () => {
    const letter = '我家座机0564-5123456，手机13912345678，加我V:wjg1985，QQ 12345678，邮箱 wangjg@163.com。';
    const reply = (text: string) => maskPersonalData(text, 'organ', { contactsOf: letter });

    it.each([
      ['您的座机5123456已登记', '您的座机*****56已登记'],
      ['座机0564-5123456已登记', '座机0564-*****56已登记'],
      ['回拨05645123456', '回拨*********56'],
      ['已致电13912345678', '已致电139****5678'],
      ['已加微信wjg1985', '已加微信*******'],
      ['已加WJG1985', '已加*******'],
      ['QQ12345678已联系', 'QQ********已联系'],
      ['已发至wangjg@163.com', '已发至w*****@163.com'],
    ])('%s → %s', (text, shown) => expect(reply(text)).toBe(shown));

    it('keeps the organ\'s hotline, dates and numbers the letter does not have', () => {
      const text = '政策咨询电话0564-1234567，2026年5月6日，编号5123457，wjg19850。';
      expect(reply(text)).toBe(text);
      expect(maskPersonalData('座机5123456已登记', 'organ')).toBe('座机5123456已登记'); // without the letter, the organ's rule alone
    });
  });
});
