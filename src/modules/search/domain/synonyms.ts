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
  ['维修基金', '维修资金'],
  ['物业费', '物业服务费', '物业服务收费'],
  // The money an item grants: people say either (加装电梯 补贴 found nothing where the items say 财政补助). 补偿 — for a house
  // taken (房屋征收) — is another thing in law and stays apart.
  ['补贴', '补助'],
  // The school a child may enter: parents say 学区, the enrolment plans 招生范围 (an outside tester's 学区 found nothing).
  ['学区', '施教区', '招生范围'],
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
  ['招投标', '招标投标'],
];

/**
 * One way only: the typed word finds the words after it, not the other way round. 年报 is what the portal's own
 * navigation and catalog call the 政府信息公开工作年度报告, so a reader types it (an outside tester: 年报 and 公开年报 found
 * nothing); but 年度报告 typed must not find every …年报送… and …年报名… that holds 年报. 招投标 names two things at once
 * and finds each, while 招标 is not every 投标.
 */
export const ONE_WAY_SYNONYMS: readonly (readonly string[])[] = [
  ['年报', '年度报告'],
  ['公开年报', '公开工作年度报告', '公开年度报告'],
  ['招投标', '招标', '投标'],
  // Everyday words for what the items write in full (issue 13, an outside tester): 违建 is a 违法建设 or 违章建筑 (建筑), 加梯
  // an 加装电梯 — but 违法建设 typed must not find every 违建…. (公摊 and 群租 are already inside 公摊面积 and 群租房.)
  ['违建', '违法建设', '违章建筑', '违法建筑'],
  ['加梯', '加装电梯'],
];

/** How many alternatives a keyword holding synonyms as parts gets besides itself (each is one more phrase the index matches). */
export const MAX_ALTERNATIVES = 8;

/** Each word's others: its group's other words, then what it finds one way. */
const OTHERS = new Map<string, string[]>(SYNONYM_GROUPS.flatMap((g) => g.map((w) => [w, g.filter((o) => o !== w)] as const)));
for (const [word, ...also] of ONE_WAY_SYNONYMS) OTHERS.set(word, [...new Set([...(OTHERS.get(word) ?? []), ...also])]);
const LONGEST = Math.max(...[...OTHERS.keys()].map((w) => w.length));

/** Whether a word is one people search by that finds other words too (a group's word or a one-way word). */
export const isSynonymWord = (word: string) => OTHERS.has(word);

/** The synonym words inside a keyword, left to right, the longest at each place (住房公积金, not the 公积金 inside it), not overlapping. */
function synonymParts(keyword: string): { at: number; word: string; others: string[] }[] {
  const parts: { at: number; word: string; others: string[] }[] = [];
  for (let at = 0; at < keyword.length;) {
    let word = '';
    for (let len = Math.min(LONGEST, keyword.length - at); len >= 2 && !word; len--) if (OTHERS.has(keyword.slice(at, at + len))) word = keyword.slice(at, at + len);
    if (!word) {
      at++;
      continue;
    }
    parts.push({ at, word, others: OTHERS.get(word)! });
    at += word.length;
  }
  return parts;
}

/**
 * The alternatives for one keyword: itself first, then its group's other words and what it finds one way. A keyword that holds a synonym as a part
 * (拆迁补偿, 公租房申请) gets the same keyword with the part replaced (房屋征收补偿, 公共租赁住房申请): one part replaced
 * before two, left to right, at most MAX_ALTERNATIVES, and none that holds the keyword itself (住房公积金中心 finds only what
 * 公积金中心 finds).
 */
export function alternativesOf(keyword: string): string[] {
  const others = OTHERS.get(keyword);
  if (others) return [keyword, ...others];
  const parts = synonymParts(keyword);
  // Each variant as the choice per part: 0 the typed word, i > 0 its group's (i-1)th other word.
  let variants: number[][] = [parts.map(() => 0)];
  const out = new Set<string>();
  for (let replaced = 1; replaced <= parts.length && out.size < MAX_ALTERNATIVES; replaced++) {
    variants = variants.flatMap((v) => {
      const last = v.findLastIndex((c) => c > 0);
      return parts.flatMap((p, i) => (i > last ? p.others.map((_, k) => v.map((c, j) => (j === i ? k + 1 : c))) : []));
    });
    for (const v of variants) {
      let text = '';
      let from = 0;
      parts.forEach((p, i) => {
        text += keyword.slice(from, p.at) + (v[i] ? p.others[v[i] - 1] : p.word);
        from = p.at + p.word.length;
      });
      text += keyword.slice(from);
      if (!text.includes(keyword) && out.size < MAX_ALTERNATIVES) out.add(text);
    }
  }
  return [keyword, ...out];
}
