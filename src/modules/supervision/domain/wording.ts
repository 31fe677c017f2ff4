/**
 * Serious wording errors (严重表述错误, a veto item of 国办秘函〔2019〕19号 under 安全、泄密事故等严重问题):
 * each organ keeps a list of wrong phrases with their correct forms — typically a former or misspelt
 * name of a leader or an institution — and the inspection finds them in published titles and bodies
 * (docs/rules/website-inspection.md). Pure.
 */
export type WordingRuleInput = { id: number; wrongPhrase: string; correctPhrase: string };
export type WordingMatch = { ruleId: number; wrongPhrase: string; correctPhrase: string; where: 'title' | 'body'; count: number; context: string };

/** Whitespace (also full-width) inside a phrase does not hide it: "住房和城乡 建设局" matches "住房和城乡建设局". */
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/**
 * Every rule whose wrong phrase occurs in the title or body, with the number of occurrences and the
 * text around the first one. A wrong phrase that is part of its own correct form is not an error
 * there (rule 县住建局 → 县住房和城乡建设局 does not fire on the correct form; rule 张三 → 张三丰 does not
 * fire on 张三丰).
 */
export function findWordingErrors(title: string, bodyText: string, rules: WordingRuleInput[]): WordingMatch[] {
  const out: WordingMatch[] = [];
  for (const [where, raw] of [['title', title], ['body', bodyText]] as const) {
    const text = squash(raw);
    for (const r of rules) {
      const wrong = squash(r.wrongPhrase);
      const right = squash(r.correctPhrase);
      if (!wrong) continue;
      const shift = right.indexOf(wrong);
      let count = 0;
      let first = -1;
      for (let at = text.indexOf(wrong); at !== -1; at = text.indexOf(wrong, at + 1)) {
        if (shift !== -1 && text.startsWith(right, at - shift)) continue;
        count++;
        if (first === -1) first = at;
      }
      if (count > 0) {
        const context = `${first > 15 ? '…' : ''}${text.slice(Math.max(0, first - 15), first + wrong.length + 15)}${first + wrong.length + 15 < text.length ? '…' : ''}`;
        out.push({ ruleId: r.id, wrongPhrase: r.wrongPhrase, correctPhrase: r.correctPhrase, where, count, context });
      }
    }
  }
  return out;
}
