/**
 * Where a JSON text stops being JSON, in Chinese: the line and column (from the position the parser
 * names), or that the text ends too early. The parser's own message is English and is not shown.
 */
export function jsonSyntaxProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `不是有效的 JSON：第 ${line} 行第 ${column} 列附近有误（常见原因：多余或缺少逗号、引号或括号）`;
  }
  if (/end of JSON input/i.test(message)) return '不是有效的 JSON：内容在结尾处中断（缺少右括号或引号）';
  return '不是有效的 JSON';
}
