/**
 * Words people use for the same thing as the documents' official wording. A keyword matching one
 * group member also finds the others (each alternative still matches as a substring). Kept small
 * and explicit: every pair here is one a reader would accept as "the same".
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['公租房', '公共租赁住房'],
  ['廉租房', '廉租住房'],
  ['经适房', '经济适用住房', '经济适用房'],
  ['保障房', '保障性住房'],
  ['棚改', '棚户区改造'],
  ['危改', '危房改造'],
  ['老旧小区', '老旧小区改造'],
  ['公积金', '住房公积金'],
  ['低保', '最低生活保障'],
  ['医保', '医疗保险', '医疗保障'],
  ['社保', '社会保险'],
  ['双随机', '双随机一公开'],
  ['营商环境', '优化营商环境'],
  ['扫黑除恶', '扫黑除恶专项斗争'],
  ['依申请公开', '依申请公开政府信息'],
  // Everyday words for the official ones.
  ['房产证', '不动产权证书', '不动产权证'],
  ['拆迁', '房屋征收'],
  ['讨薪', '欠薪'],
  // Organs by the short names people call them (the items and their 发布机构 give the full name).
  ['住建局', '住房和城乡建设局', '住房城乡建设局'],
  ['住建部', '住房和城乡建设部'],
  ['住建厅', '住房和城乡建设厅'],
  ['自然资源局', '自然资源和规划局', '自规局', '资规局'],
  ['发改委', '发展和改革委员会', '发展改革委'],
  ['发改局', '发展和改革局'],
  ['人社局', '人力资源和社会保障局'],
  ['市场监管局', '市场监督管理局'],
  ['卫健委', '卫生健康委员会'],
  ['卫健局', '卫生健康局'],
  ['文旅局', '文化和旅游局', '文化旅游局'],
  ['应急局', '应急管理局'],
  ['医保局', '医疗保障局'],
  ['交通局', '交通运输局'],
  ['退役军人局', '退役军人事务局'],
];

/** The alternatives for one keyword: itself first, then its group's other words. */
export function alternativesOf(keyword: string): string[] {
  const group = SYNONYM_GROUPS.find((g) => g.includes(keyword));
  return group ? [keyword, ...group.filter((w) => w !== keyword)] : [keyword];
}
