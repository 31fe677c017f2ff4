import type { Severity } from './finding.ts';
import type { WordList, WordListEntry } from './word-list.ts';

const SEVERITY_WORDS: Record<string, Severity> = { block: 'block', warn: 'warn', 阻止: 'block', 阻止发布: 'block', 提示: 'warn', 警告: 'warn' };

/**
 * A word list kept as a text file, one word per line: `词[<TAB>block|warn|阻止|提示[<TAB>说明[<TAB>正确写法]]]`.
 * Lines starting with # are comments; the severity defaults to warn. Returns the list and the lines it could not read.
 */
export function parseWordListText(name: string, text: string): { list: WordList; errors: string[] } {
  const words: WordListEntry[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\ufeff/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const [word, sev, note, replacement] = line.split('\t').map((s) => s.trim());
    const severity = sev ? SEVERITY_WORDS[sev.toLowerCase()] : 'warn';
    if (!word) return;
    if (!severity) {
      errors.push(`第 ${i + 1} 行：严重程度“${sev}”无法识别（应为 block、warn、阻止 或 提示）`);
      return;
    }
    words.push({ word, severity, ...(note ? { note } : {}), ...(replacement ? { replacement } : {}) });
  });
  return { list: { name, words }, errors };
}
