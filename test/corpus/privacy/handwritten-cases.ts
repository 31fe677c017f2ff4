import { idCheckCharacter } from '../../../src/modules/privacy/domain/id-card.ts';
import { withLuhn } from './random-values.ts';

/** An ID number from its first 17 digits. */
const id = (first17: string): string => first17 + idCheckCharacter(first17);
const I = (first17: string): string => `⟦id_card|${id(first17)}⟧`;
const M = (m: string): string => `⟦mobile_phone|${m}⟧`;
const B = (b: string): string => `⟦bank_card|${b}⟧`;
const E = (e: string): string => `⟦email|${e}⟧`;
const C = (c: string): string => `⟦classified_marking|${c}⟧`;
const W = (w: string): string => `⟦sensitive_word|${w}⟧`;
const wide = (s: string): string => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c === 'X' ? 0xff38 : 0xff10 + Number(c)));
const spaced = (first17: string): string => {
  const n = id(first17);
  return `${n.slice(0, 6)} ${n.slice(6, 14)} ${n.slice(14)}`;
};

/**
 * Cases written by hand after real county-level publications (names and numbers invented), with the
 * expected findings marked inline. Each line is one case; `source` defaults to prose.
 */
export const HANDWRITTEN: { marked: string; source?: 'prose' | 'table' }[] = [
  // Personal data in the documents that carry it most often.
  { marked: `霍山县住房和城乡建设局\n行政处罚决定书\n霍建罚〔2023〕17号\n当事人：王某某，男，1978年5月出生，汉族，公民身份号码：${I('34152519780512301')}，住址：霍山县衡山镇。` },
  { marked: `政府信息公开申请答复书\n霍建依申复〔2024〕3号\n李某某：\n本机关于2024年3月4日收到您通过信函方式提交的申请（联系电话：${M('139 5641 2876')}），现答复如下：` },
  { marked: `申请人张某（身份证号：${I('11010819850301122')}，手机：${M('+86 188 0564 1234')}，邮箱：${E('zhang.mou1985@126.com')}）申请公开……` },
  { marked: `来信人：陈某　联系电话：${M('13866001122')}　来信时间：2023-11-02\n来信内容：反映小区电梯故障问题。` },
  { marked: `请将保证金汇入：户名：霍山县公共资源交易中心，开户银行：中国建设银行霍山支行，账号：${B('34050176860800000123')}。` },
  { marked: `退还购房补贴请打入本人银行卡${B(withLuhn('622848007612345678'))}（农业银行）。` },
  { marked: `工商银行卡号：${B(withLuhn('622202131400567812').replace(/(\d{4})(?=\d)/g, '$1 '))}` },
  { marked: `身份证号码：⟦id_card|${spaced('34152519901203882')}⟧` },
  { marked: `被征收人：刘某，身份证号${I('34150219650718251')}，房屋坐落：霍山县衡山镇南门街，合法建筑面积126.5平方米，补偿金额人民币68.3万元。` },
  { marked: `联系人：何工，手机${M('158-5641-3307')}，座机0564-5022316。` },
  { marked: `如对本决定不服，可在收到本决定书之日起六十日内向霍山县人民政府申请行政复议。联系人：吴某，电话：${M('18756400123')}。` },
  { marked: `中标候选人公示\n第一中标候选人：霍山县宏达建筑有限公司\n项目负责人：孙某（二级建造师，注册编号皖234151612345）\n联系人：孙某 ${M('13505642211')}\n招标人：霍山县住房和城乡建设局 联系电话：0564-5022345` },
  { marked: `申请人邮箱：${E('wangfang_hs@qq.com')}；收件地址：霍山县经济开发区。` },
  { marked: `联系邮箱：${E('13956401234@139.com')}` },
  { marked: `来信人电子邮件 ${E('liuyang1990＠163.com')}` },
  { marked: `身份证：⟦id_card|${id('34152519880808106').toLowerCase()}⟧` },
  { marked: `原身份证号码⟦id_card|341525780512301⟧已作废，新身份证号码为${I('34152519780512301')}。` },
  { marked: `联系电话：${M('（+86）13912340000')}` },
  { marked: `户名：张某某\t卡号：${B('6217001234567890123')}\t开户行：建行霍山支行`, source: 'table' },
  { marked: `序号\t姓名\t身份证号\t联系电话\n1\t张某\t${I('34152519560304211')}\t${M('13856412345')}\n2\t李某\t${I('34152519620911432')}\t${M('15055641234')}\n3\t王某\t${I('34152519700101563')}\t${M('18956401234')}`, source: 'table' },
  { marked: `姓名\t王某\t性别\t男\n身份证号\t${I('34152519811111271')}\t联系方式\t${M('13705641234')}\n家庭住址\t霍山县下符桥镇\t邮编\t237200`, source: 'table' },
  { marked: `序号\t户名\t开户行\t账号\t金额（元）\n1\t张某\t霍山农商行\t${B('20000123456789012')}\t3,000.00\n2\t李某\t霍山农商行\t${B('20000123456789013')}\t3,000.00`, source: 'table' },

  // Harder forms, written after the first evaluation to probe the detectors (some are known misses).
  { marked: `联系电话：0564-5022345/${M('13805641234')}` },
  { marked: `手机：${M('13805641234')}/${M('15905642345')}（同微信）` },
  { marked: `身份证号：⟦id_card|${wide(id('34152519880808106'))}⟧` },
  { marked: `身份证号：⟦id_card|3415251990\n${id('34152519901203882').slice(10)}⟧` }, // wrapped by a PDF line break: a known miss
  { marked: `手机⟦mobile_phone|138.0564.1234⟧` }, // dotted grouping: a known miss
  { marked: `E-mail: ${E('Li.Ming@Outlook.COM')}` },
  { marked: `发件人：赵磊 <${E('zhaolei@sina.cn')}>` },
  { marked: `请发送至 mailto:${E('zhangwei1988@163.com')} 。` },
  { marked: `银行卡号：${B(withLuhn('622202123456789012').replace(/(\d{4})(?=\d)/g, '$1-'))}` },
  { marked: `持有身份证${I('62010219800101123')}号码的当事人` },
  { marked: `联系电话：${M('138 0564 1234')}（同微信）` },
  { marked: `联系电话\t${'⟦mobile_phone|' + [...'13805641234'].join('\t') + '⟧'}`, source: 'table' },
  { marked: `申请人：李某，手机${M('19956401234')}，身份证号${I('34150219991231002')}，邮箱${E('li_99@qq.com')}。` },
  { marked: `退款账户：${B('1305 0176 1234 5678 9012')}（中国建设银行）` },
  { marked: `公民身份号码：⟦id_card|341525199003071236⟧（登记时笔误，校验位有误）` },
  { marked: `详见：http://www.huoshan.gov.cn/public/6596151/13812345678.html` },
  { marked: `原文链接：https://www.gov.cn/zhengce/content/2017-05/15/content_5194081.htm` },
  { marked: `数据更新时间戳 1709798400000，版本 3.13.812` },
  { marked: `非税收入缴款码：34152524000012345678，请于7日内缴纳。` },
  { marked: `公示期：2024年3月7日-2024年3月13日，公示时间不少于5个工作日。` },
  { marked: `霍政秘〔2020〕1号\n关于印发《机密文件管理办法（试行）》的通知` },
  { marked: `身份证号：（已隐去）\n联系电话：（已隐去）` },
  { marked: `统计表\n月份\t1月\t2月\t3月\n受理数\t13\t8\t12\n办结数\t12\t8\t11`, source: 'table' },

  // Secrecy markings.
  { marked: `${C('秘密★1年')}\n霍山县人民政府办公室文件\n霍政办〔2022〕8号\n关于……的通知` },
  { marked: `000012\n${C('机密★10年')}\n特急\n中共霍山县委办公室` },
  { marked: `${C('内部资料 注意保存')}\n霍山县住建工作简报\n2023年第6期（总第58期）` },
  { marked: `${C('绝密★启用前')}\n2024年霍山县事业单位公开招聘工作人员笔试试卷` },
  { marked: `附件3\n${C('秘密')}\n霍山县城区房屋征收安置工作情况汇报` },
  { marked: `（此件${C('内部文件，请勿外传')}）` },
  { marked: `文件名称\t密级\t份数\n年度保密工作要点\t${C('秘密★1年')}\t20`, source: 'table' },
  { marked: `${C('工作秘密')}\n关于2024年度信访形势的分析报告` },

  // Admin word list (see word-list.txt).
  { marked: `根据《${W('中华人民共合国')}政府信息公开条例》第二十条规定，现予以公开。` },
  { marked: `以上情况请各单位${W('内部掌握')}，不对外发布。` },
  { marked: `坚持以人民为中心，推进${W('人民政付')}建设。` },

  // Negatives: document and organ identifiers.
  { marked: '索引号：11341525003139573K/2020-00012　发布机构：霍山县住房和城乡建设局　文号：霍建〔2020〕12号' },
  { marked: '索引号：000014349/2017-00110\n发文字号：国办发〔2017〕47号\n成文日期：2017年05月15日' },
  { marked: '索引号：0142768-8/2022-00185　生成日期：2022-06-30' },
  { marked: '索引号：11341702486344515H/202110-00013' },
  { marked: '统一社会信用代码：91341525MA2N8XYZ1K　营业执照注册号：341525000012345' },
  { marked: '统一社会信用代码：12341525003139573C，单位性质：事业单位。' },
  { marked: '项目编号：HSZFCG-2024-0156　采购计划备案号：霍财购备〔2024〕321号　预算金额：1,380,000.00元' },
  { marked: '项目代码：2403-341525-04-01-123456，总投资12800万元。' },
  { marked: '合同编号：HS-ZJ-2023-0088，合同金额：叁佰贰拾万元整（¥3,200,000.00）。' },
  { marked: '全年完成投资13980000000元，增长8.5%。' },
  { marked: '2023年度全县城镇居民人均可支配收入41234元，农村居民人均可支配收入18765元。' },
  { marked: '成文日期：2024-03-07　发布日期：2024年3月8日　实施日期：20240401' },
  { marked: '会议时间：2024年3月7日（星期四）上午9:00，地点：县政府三楼会议室。' },
  { marked: '信息公开咨询电话：0564-5022345　传真：0564-5022346　地址：霍山县衡山镇迎驾大道1号　邮编：237200' },
  { marked: '监督举报电话：0564-12345，全国住房城乡建设服务热线：12319，供电服务热线：95598。' },
  { marked: '咨询电话：（0564）5022345，010-58933651，021-62345678，0551-62612345-8001。' },
  { marked: '信息公开咨询邮箱：hsxzjj@163.com　政府网站：www.huoshan.gov.cn　邮箱：hszjj@huoshan.gov.cn' },
  { marked: '依申请公开受理邮箱：hsxxgk@163.com' },

  // Negatives: talk about secrecy.
  { marked: '各股室要严格执行保密审查制度，坚持“谁公开谁审查、谁审查谁负责”，做到“涉密不上网，上网不涉密”。' },
  { marked: '问：涉密信息如何规避？答：拟公开信息应对照保密事项范围逐项审查，不得含有国家秘密和工作秘密。' },
  { marked: '根据《政府信息公开条例》第十四条，依法确定为国家秘密的政府信息不予公开。' },
  { marked: '保密期限届满的，自行解密；标有“机密★”标志的文件由机要室统一管理。' },
  { marked: '本单位2023年未发生泄密事件，全年开展保密审查320次，定密0件。' },
  { marked: '加强内部资料性出版物管理，规范内部资料的编印、发送。' },

  // Near misses.
  { marked: '订单号：341525199003071236，下单时间2024-03-07。' },
  { marked: '流水号202403071234567890，交易金额120.00元。' },
  { marked: '凭证号62220212345678901，已入账。' },
  { marked: '已公示人员：张*（341525********1234）、李*（身份证号后四位5678），联系电话138****5678。' },
  { marked: '准考证号：2024341525012，考试时间：2024年6月15日。' },
  { marked: 'IMEI：861234567890123，型号：ABC-12。' },
  { marked: '坐标：东经116.3338123456，北纬31.4012345678。' },
  { marked: 'ISBN 978-7-112-12345-6 中国建筑工业出版社' },
  { marked: '批准文号：国药准字H20123456，生产批号20240307。' },
  { marked: '行政区划代码：341525000000，邮政编码：237200，电话区号：0564。' },

  // From the QA review: an account column after a number column, and registration numbers read as legacy IDs.
  { marked: `姓名\t手机\t开户账号\n王五\t${M('13912345678')}\t${B('6217001234567890')}`, source: 'table' },
  { marked: `姓名\t固定电话\t存折账号\n王五\t0564-5022345\t${B('6217001234567890')}`, source: 'table' },
  { marked: `补贴发放名单\n姓名 手机 开户账号\n王五 ${M('13912345678')} ${B('6217001234567890')}` },
  { marked: '税务登记证号：341525600123456' },
  { marked: '营业执照号码：341525600123456' },
  { marked: '企业名称\t营业执照号\n霍山县某某商贸有限公司\t341525600123456', source: 'table' },
];
