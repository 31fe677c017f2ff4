/** A document as a person reads its name: the title in 《》 and its 文号 when it has one (never the platform's number). */
export function namedDocument(d: { title: string; documentNumber: string | null }): string {
  const number = d.documentNumber?.trim();
  return `《${d.title}》${number ? `（${number}）` : ''}`;
}

/**
 * What a 标记已修改 or 废止 sign-off says of the other document (the 保密审查表 prints it): 修改文件：《…》（文号）, or
 * 替代文件：《…》. Null when none is named. An outside tester read 修改文件编号 4786, and nothing for a 废止's replacement.
 */
export function counterpartSentence(verb: 'mark_amended' | 'repeal', d: { title: string; documentNumber: string | null } | null): string | null {
  if (!d) return null;
  return `${verb === 'mark_amended' ? '修改文件' : '替代文件'}：${namedDocument(d)}`;
}
