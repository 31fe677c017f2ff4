/**
 * The demo 住建局's 基层政务公开标准目录 (docs/standard-directories.md): the 保障性住房 template imported under
 * 重点领域, and which of its published 保障性住房 items fulfil which 事项, by title. Every node the template adds
 * gets items this way; 房源信息和配租方案 (bzxzf-fyfa), 租赁补贴发放情况 (bzxzf-zlbt) and 监督举报渠道
 * (bzxzf-jdjb) have none, so the supervision view has something to show.
 */
export const DEMO_STANDARD_DIRECTORY = {
  organCode: 'qlx-zjj',
  templateId: 'zhujian-baozhangxing-zhufang',
  /** The node the template is imported under (its 保障性住房 node is reused and marked). */
  underPath: ['重点领域'],
  /** Only items already placed in this node are considered. */
  fromPath: ['重点领域', '保障性住房'],
  itemMatters: [
    { key: 'bzxzf-zcwj', title: /^关于(印发《青岚县.*(公共租赁住房|保障性安居工程).*》的通知|建立健全(公共租赁住房|城镇保障性安居工程).*的意见)$/ },
    { key: 'bzxzf-zqyj', title: /^关于(公开征求)?《青岚县(公共租赁住房|城镇保障性安居工程).*征求意见稿）》(意见的公告|征求意见采纳情况的说明)$/ },
    { key: 'bzxzf-ghjh', title: /(住房保障工作计划|保障性安居工程建设计划|保障性安居工程目标任务的通知)$/ },
    { key: 'bzxzf-jsjz', title: /保障性安居工程建设进展情况$/ },
    { key: 'bzxzf-rwwc', title: /保障性安居工程建设任务完成情况$/ },
    { key: 'bzxzf-sqzn', title: /(公共租赁住房申请办事指南.*|公共租赁住房申请的公告)$/ },
    { key: 'bzxzf-shjg', title: /公共租赁住房保障资格审核结果公示$/ },
    { key: 'bzxzf-pzjg', title: /公共租赁住房配租结果公示$/ },
    { key: 'bzxzf-nsfh', title: /保障对象资格年审的通知$/ },
    { key: 'bzxzf-zjsj', title: /公租房租金收缴情况公示$/ },
  ],
} as const;
