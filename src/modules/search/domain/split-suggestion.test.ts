import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { keptWords, splitSuggestion } from './split-suggestion.ts';
import { jiebaSegmenter } from '../segmenter/jieba-segmenter.ts';
import { jiebaLexicon } from '../segmenter/jieba-lexicon.ts';

const suggest = (q: string) => splitSuggestion(parseQuery(q), jiebaSegmenter());

describe('a search that found nothing, split into its words', () => {
  it('splits a run of words typed without spaces into the words a reader meant', () => {
    expect(suggest('危房改造资金')).toBe('危房改造 资金');
    expect(suggest('危房补贴')).toBe('危房 补贴');
    expect(suggest('棚户区改造补偿标准')).toBe('棚户区 改造 补偿 标准');
  });

  it('keeps single characters with their neighbours, so no word is lost or cut in half', () => {
    // jieba: 扬 / 尘 / 治理, 老 / 旧 / 小区 / 改造, 公 / 租房
    expect(suggest('扬尘治理')).toBe('扬尘 治理');
    expect(suggest('老旧小区改造')).toBe('老旧 小区 改造');
    expect(suggest('公租房')).toBeNull();
  });

  it('drops the little words between them (的, 和, 与 …)', () => {
    expect(suggest('张某某的房子')).toBe('张某某 房子');
    expect(suggest('危房和补贴')).toBe('危房 补贴');
  });

  it('offers nothing when nothing would change, for numbers, or for keywords already apart', () => {
    expect(suggest('危房')).toBeNull();
    expect(suggest('危房 补贴')).toBeNull();
    expect(suggest('岚建〔2026〕63号')).toBeNull();
    expect(suggest('11341529MB1D386259/2026-00402')).toBeNull();
  });

  it('parts the words at punctuation typed between them, never joining a mark to a word', () => {
    expect(suggest('危房-改造')).toBe('危房 改造');
    expect(suggest('危房·改造补助')).toBe('危房 改造 补助');
  });

  it('parts a year or a number from the words typed after it, but keeps a 文号 or a numbered serial whole', () => {
    expect(suggest('2025年度报告')).toBe('2025年度 报告');
    // jieba cuts 2026 / 年 / 公 / 租房 / 申请: the year keeps its 年, and 公 goes with 租房 (outside tester: 年公 租房).
    expect(suggest('2026年公租房申请')).toBe('2026年 公租房 申请');
    expect(suggest('2026年第四批公租房')).toBe('2026年 第四批 公租房');
    expect(suggest('2026年第5号')).toBeNull();
    expect(suggest('岚建2026年63号')).toBeNull();
  });

  it('leaves a year its 年 unless the 年 starts a word people search by (2025年报: 2025 年报, not 2025年 报)', () => {
    // 年报 finds the 年度报告 (domain/synonyms.ts); 2025年 / 报 found 201 items of every kind, the reports not first.
    expect(suggest('2025年报')).toBe('2025 年报');
    expect(suggest('县住建局2025年报')).toBe('县住建局 2025 年报');
    expect(suggest('2025年报送')).toBe('2025年 报送');
  });

  it('splits only the keywords that hold several words, keeping the others as typed', () => {
    expect(suggest('2025 危房改造名单')).toBe('2025 危房改造 名单');
  });

  it('offers the words of a phrase typed in the other order than the items write it (citizen testers: 电梯加装 for 加装电梯)', () => {
    expect(suggest('电梯加装')).toBe('电梯 加装');
    expect(suggest('补贴申请')).toBe('补贴 申请');
    expect(suggest('公示名单')).toBe('公示 名单');
    expect(suggest('改造危房')).toBe('改造 危房');
  });

  it('leaves out the question and request words of a question typed as one (an outside tester: 如何申请公租房 found nothing and offered nothing)', () => {
    // How or where to do something (ADR 0053): the question and its action word stay one keyword, which no item must hold.
    expect(suggest('如何申请公租房')).toBe('如何申请 公租房');
    expect(suggest('公租房怎么申请')).toBe('公租房 怎么申请');
    expect(suggest('公租房申请条件是什么')).toBe('公租房 申请 条件');
    expect(suggest('我想查一下公租房的申请条件')).toBe('公租房 申请 条件');
    expect(suggest('请问危房改造补助标准是多少')).toBe('危房改造 补助 标准');
    expect(suggest('为什么没有发放补贴呢')).toBe('没有 发放 补贴');
    // A question word a keyword is made of stays: nothing else would be searched.
    expect(suggest('怎么办')).toBeNull();
    expect(suggest('如何')).toBeNull();
    // Words that only look like one keep their place: 查询 and 可以 inside other words, 多少 inside 多少钱 is jieba's.
    expect(suggest('查询方式')).toBe('查询 方式');
  });

  it('leaves out what only asks in a question typed as a sentence, wherever jieba puts it (issue 13: six such questions found nothing and were offered nothing)', () => {
    // 知道 / 了解 (what the asker wants), 是多少钱 and 什么时候 (a question word cut in two by jieba), 向哪里 (a question
    // word with its preposition), a lone 是 that was glued to the next word (是危房), 我家 (the asker).
    expect(suggest('我想知道农村危房改造补助标准是多少')).toBe('农村 危房改造 补助 标准');
    expect(suggest('我想知道农村危房改造补助标准')).toBe('农村 危房改造 补助 标准');
    expect(suggest('农村危房改造的补助标准是多少钱')).toBe('农村 危房改造 补助 标准');
    expect(suggest('我家房子是危房怎么申请改造')).toBe('房子 危房 怎么申请 改造');
    expect(suggest('老旧小区改造什么时候开始')).toBe('老旧 小区 改造 开始');
    expect(suggest('我想了解危房改造')).toBe('危房改造');
    expect(suggest('想了解公租房')).toBe('公租房');
    // How the asker finds it (太大, 很吵) is no word the items write: the degree word and the one character after it go.
    expect(suggest('工地扬尘太大了向哪里投诉')).toBe('工地 扬尘 投诉');
    expect(suggest('施工噪音很吵怎么投诉')).toBe('施工 噪音 投诉');
    // A preposition is asking only before a question word: 向社会 keeps its 向.
    expect(suggest('向社会公开')).toBe('向社会 公开');
    // Made of these alone, the keyword is kept as typed; 特别 is a word items use (特别困难家庭).
    expect(suggest('了解')).toBeNull();
    expect(suggest('知道')).toBeNull();
    expect(suggest('特别困难家庭')).toBe('特别 困难 家庭');
  });

  it('parts a keyword jieba’s dictionary holds as one word into two words, when each half is one (房屋出租 for 出租房屋)', () => {
    // jieba keeps 房屋出租 and 住房补贴 whole, so nothing was offered though 出租房屋 and 住房 … 补贴 items exist.
    expect(suggest('房屋出租')).toBe('房屋 出租');
    expect(suggest('住房补贴')).toBe('住房 补贴');
    expect(suggest('2026 住房补贴')).toBe('2026 住房 补贴');
    // A word of three characters, or one whose halves are not words, stays as typed.
    expect(suggest('公积金')).toBeNull();
    expect(suggest('青岚县')).toBeNull();
    // Words already split by jieba are not cut further (危房改造 stays one word beside 资金).
    expect(suggest('危房改造资金')).toBe('危房改造 资金');
  });

  it('offers at most the six words a search reads, the least telling left out (issue 13: eight words offered, 补贴 and 标准 not searched)', async () => {
    const lexicon = await jiebaLexicon();
    const offered = splitSuggestion(parseQuery('城镇老旧小区改造加装电梯补贴标准'), jiebaSegmenter(), (w) => lexicon.frequency(w))!.split(' ');
    expect(offered.length).toBe(6);
    // The commonest of the dictionary go; the order of the rest is kept.
    expect(offered.filter((w) => ['城镇', '老旧', '小区', '改造', '加装', '电梯', '补贴', '标准'].includes(w))).toEqual(offered);
    expect(offered).toContain('补贴');
    expect(offered).toContain('加装');
    // A lone character goes first; with no dictionary, the later words.
    expect(keptWords(['a', '甲乙', '丙丁', '戊', '己庚', '辛壬', '癸子', '丑寅'])).toEqual(['甲乙', '丙丁', '己庚', '辛壬', '癸子', '丑寅']);
    expect(keptWords(['甲乙', '丙丁', '戊己', '庚辛', '壬癸', '子丑', '寅卯'])).toEqual(['甲乙', '丙丁', '戊己', '庚辛', '壬癸', '子丑']);
    expect(keptWords(['甲乙', '丙丁'])).toEqual(['甲乙', '丙丁']);
  });

  it('keeps a question how or where to do something whole, as the asking it is (ADR 0053: 房屋安全鉴定去哪里办理 demanded 办理)', () => {
    expect(suggest('房屋安全鉴定去哪里办理')).toBe('房屋 安全 鉴定 去哪里办理');
    expect(suggest('房屋安全鉴定去哪办')).toBe('房屋 安全 鉴定 去哪办');
    expect(suggest('公租房申请需要什么材料')).toBe('公租房 申请需要什么材料');
    expect(suggest('公租房的申请流程是什么')).toBe('公租房 申请流程是什么');
    expect(suggest('义务教育入学怎么报名')).toBe('义务教育 入学 怎么报名');
    // Typed apart, the words apart keep it; alone, it loses its question word as before (nothing else would be searched).
    expect(suggest('公租房申请 怎么办理')).toBe('公租房 申请 怎么办理');
    expect(suggest('怎么申请')).toBe('申请');
    // An action word without a question word, or a question about something else, is not one.
    expect(suggest('廉租房申请条件有哪些')).toBe('廉租房 申请 条件');
    expect(suggest('住房公积金去哪取')).toBe('住房公积金');
  });

  it('never offers a character alone, nor what only asks (issue 13: 打 电话, 申请 条件 有)', () => {
    expect(suggest('装修噪音扰民打什么电话')).toBe('装修 噪音 扰民 电话');
    expect(suggest('廉租房申请条件有哪些')).toBe('廉租房 申请 条件');
  });

  it('never offers a fragment of a domain word jieba cut (issue 13: 燃气管 道老化 of 燃气管道老化了)', () => {
    expect(suggest('燃气管道老化了有没有改造计划')).toBe('燃气管道 老化 改造 计划');
    expect(suggest('老旧小区改造')).toBe('老旧 小区 改造');
  });

  it('glues no place word or closing verb to a word, and keeps a synonym word whole where apart it would demand a part the items replace (issue 13)', () => {
    // A place word after a word says where (工地上, 小区里): left out, not glued to the next word (上拖欠工资).
    expect(suggest('工地上拖欠工资去哪投诉')).toBe('工地 拖欠工资 投诉');
    expect(suggest('小区里电梯坏了找谁修')).toBe('小区 电梯');
    // The lone verb that ends a question after what asks (谁来修, 怎么用, 去哪取) asks too; a verb of two characters stays.
    expect(suggest('燃气管道老化谁来修')).toBe('燃气管道 老化');
    expect(suggest('住房公积金去哪取')).toBe('住房公积金');
    expect(suggest('农村危房改造补助怎么申请')).toBe('农村 危房改造 补助 怎么申请');
    // 维修 / 基金: whole, it searches 维修资金 too; 棚户区 / 改造 shares no part with 棚改, and stays apart.
    expect(suggest('维修基金怎么用')).toBe('维修基金');
    expect(suggest('棚户区改造补偿标准')).toBe('棚户区 改造 补偿 标准');
  });

  it('leaves out a question word that jieba holds as one word with the verb after it (issue 13, an outside tester: 公租房怎么办, 路上积水谁来管)', () => {
    // jieba: 公 / 租房 / 怎么办, 路上 / 积水 / 谁来管, 物业费 / 涨价 / 谁来管, 怎样才能 / 加装 / 电梯: a question word and one or
    // two characters after it, one word of the dictionary. Kept, they were searched and found less or nothing.
    expect(suggest('公租房怎么办')).toBe('公租房');
    expect(suggest('路上积水谁来管')).toBe('路上 积水');
    expect(suggest('物业费涨价谁来管')).toBe('物业费 涨价');
    expect(suggest('电梯坏了怎么办')).toBe('电梯');
    expect(suggest('公租房怎么弄')).toBe('公租房');
    expect(suggest('怎样才能加装电梯')).toBe('加装 电梯');
    // 咋 is 怎么 as people type it on a phone (咋办 one word; 咋 / 弄 two).
    expect(suggest('公租房咋办')).toBe('公租房');
    expect(suggest('公租房咋弄')).toBe('公租房');
    // Typed apart, a keyword that only asks goes beside the words it asks about.
    expect(suggest('公租房 怎么办')).toBe('公租房');
    expect(suggest('路上积水 谁来管')).toBe('路上 积水');
    // Narrow: only one word of jieba's is read so; 怎么 / 查询 is two, and 查询 is a word items use. Alone, it is kept as typed.
    expect(suggest('公积金怎么查询')).toBe('公积金 查询');
    expect(suggest('怎么办')).toBeNull();
    expect(suggest('谁来管')).toBeNull();
  });
});
