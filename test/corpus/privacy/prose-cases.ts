import { mark } from './markup.ts';
import { formatCard, formatId, formatMobile, toFullWidth } from './format-values.ts';
import {
  accountNumber, bankCard, birthDate, cardFailingLuhn, id15, id18, id18WithX, int, landline, mobile, personName, personalEmail, pick, type Rng,
} from './random-values.ts';

const ADDRESSES = ['霍山县衡山镇迎驾大道18号', '霍山县佛子岭镇黄巢寺村', '六安市金安区三里桥街道', '合肥市蜀山区长江西路100号', '霍山县与儿街镇东风路7号'];
const SEXES = ['男', '女'];
const POSTS = ['综合管理岗', '工程技术岗', '财务会计岗', '村镇建设岗'];
const BANKS = ['中国农业银行霍山县支行', '中国建设银行霍山支行', '霍山农村商业银行营业部', '中国工商银行六安分行', '徽商银行霍山支行'];
const CHANNELS = ['政府网站在线申请平台', '信函', '当面'];

const date = (rng: Rng): string => {
  const d = birthDate(rng, 2019, 2024);
  return `${d.slice(0, 4)}年${Number(d.slice(4, 6))}月${Number(d.slice(6))}日`;
};

/** Prose that holds personal data, in the documents an organ really publishes or answers with. */
export const PROSE_TEMPLATES: ((rng: Rng) => string)[] = [
  (r) => `行政处罚决定书\n当事人：${personName(r)}，性别：${pick(r, SEXES)}，公民身份号码：${mark('id_card', formatId(r, id18(r)))}，住址：${pick(r, ADDRESSES)}。\n经查，当事人未取得建筑工程施工许可证擅自施工，违反了《建筑法》第七条的规定。`,
  (r) => `申请人${personName(r)}（身份证号：${mark('id_card', id18(r))}，联系电话：${mark('mobile_phone', formatMobile(r, mobile(r)))}）于${date(r)}通过${pick(r, CHANNELS)}提交政府信息公开申请，要求公开某小区规划许可信息。`,
  (r) => `来信人${personName(r)}，联系方式：${mark('mobile_phone', formatMobile(r, mobile(r)))}，电子邮箱：${mark('email', personalEmail(r))}。来信反映小区物业服务问题，现答复如下：`,
  (r) => `${personName(r)}，${pick(r, SEXES)}，${birthDate(r, 1985, 2000).slice(0, 4)}年出生，身份证号${mark('id_card', formatId(r, id18(r)))}，报考岗位：${pick(r, POSTS)}，笔试成绩${int(r, 60, 95)}.${int(r, 0, 9)}分。`,
  (r) => `经核实，${personName(r)}（银行卡号：${mark('bank_card', formatCard(r, bankCard(r)))}）符合农村危房改造补助条件，发放补助资金${int(r, 1, 4) * 5000}元。`,
  (r) => `开户行：${pick(r, BANKS)}，户名：${personName(r)}，账号：${mark('bank_card', accountNumber(r))}。`,
  (r) => `如有疑问，请联系${personName(r)}，手机${mark('mobile_phone', formatMobile(r, mobile(r)))}，办公电话${landline(r)}。`,
  (r) => `本机关已于${date(r)}将答复书发送至申请人电子邮箱${mark('email', personalEmail(r))}，请注意查收。`,
  (r) => `项目联系人：${personName(r)}，联系电话：${mark('mobile_phone', mobile(r))}；采购人联系电话：${landline(r)}；采购代理机构地址：${pick(r, ADDRESSES)}。`,
  (r) => `原15位身份证号码：${mark('id_card', id15(r))}，现18位身份证号码：${mark('id_card', id18(r))}。`,
  (r) => `将补助资金${int(r, 2, 30) * 100}元转入${personName(r)}的社保卡金融账户${mark('bank_card', bankCard(r))}。`,
  (r) => `被征收人${personName(r)}，身份证：${mark('id_card', id18WithX(r))}，房屋坐落${pick(r, ADDRESSES)}，建筑面积${int(r, 60, 180)}.${int(r, 10, 99)}平方米。`,
  (r) => `工作人员${personName(r)}（${mark('mobile_phone', mobile(r))}）负责现场核查，核查结果于${date(r)}前报县住建局。`,
  (r) => `联系人：${personName(r)}    手机号码：${mark('mobile_phone', formatMobile(r, mobile(r)))}    邮箱：${mark('email', personalEmail(r))}`,
  (r) => `收款人：${personName(r)}\n收款账号：${mark('bank_card', formatCard(r, bankCard(r)))}\n开户银行：${pick(r, BANKS)}`,
  (r) => `申请人：${personName(r)}\n证件类型：居民身份证\n证件号码：${mark('id_card', id18(r))}\n通讯地址：${pick(r, ADDRESSES)}\n邮政编码：237200\n联系电话：${mark('mobile_phone', mobile(r))}`,
  (r) => `经查，${personName(r)}（${mark('id_card', id18(r))}）与${personName(r)}（${mark('id_card', id18(r))}）系夫妻关系，共同申请公共租赁住房。`,
  (r) => `请申请人${personName(r)}于收到本告知书之日起15个工作日内补正材料，联系电话${mark('mobile_phone', toFullWidth(mobile(r)))}。`,
  (r) => `举报人${personName(r)}通过邮件（${mark('email', personalEmail(r))}）反映问题，我局高度重视。`,
  (r) => `施工单位项目经理${personName(r)}，注册建造师证书编号皖1342019201912345，身份证号${mark('id_card', id18(r))}，手机${mark('mobile_phone', mobile(r))}。`,
  // A 补贴发放名单 typed as plain text: the header line names the columns, the rows are laid out with spaces.
  (r) => {
    const sep = pick(r, [' ', '  ', '　']);
    const account = pick(r, ['开户账号', '存折账号', '一卡通账号', '社保卡号']);
    const header = pick(r, [['姓名', '手机', account].join(sep), `补贴发放名单（姓名、手机号码、${account}）`]);
    const rows = Array.from({ length: int(r, 2, 4) }, () =>
      [personName(r), mark('mobile_phone', mobile(r)), mark('bank_card', r() < 0.5 ? accountNumber(r) : cardFailingLuhn(r))].join(sep));
    return `${header}\n${rows.join('\n')}`;
  },
];
