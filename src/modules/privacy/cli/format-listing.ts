import { FINDING_TYPE_LABELS, SEVERITY_LABELS } from '../domain/finding-labels.ts';
import type { FileScanResult } from './file-scan-result.ts';

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const oneLine = (s: string): string => s.replace(/[\t\n\r]/g, ' ');

/** The readable Chinese listing of `gongkai scan` without --json. */
export function formatListing(results: readonly FileScanResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if ('error' in r) {
      out.push(`【${r.file}】无法扫描：${r.error.message}（${r.error.code}）`);
      continue;
    }
    const blocking = r.findings.filter((f) => f.severity === 'block').length;
    if (r.findings.length === 0) {
      out.push(`【${r.file}】（${r.format}）未发现需要处理的内容`);
      continue;
    }
    out.push(`【${r.file}】（${r.format}）发现 ${r.findings.length} 处，其中 ${blocking} 处阻止发布：`);
    for (const f of r.findings) {
      const { line, column } = lineAndColumn(r.text, f.start);
      out.push(
        `  第 ${line} 行第 ${column} 列  ${FINDING_TYPE_LABELS[f.type]}  ${oneLine(f.text)} → ${oneLine(f.suggestion)}  [${SEVERITY_LABELS[f.severity]}]`,
      );
    }
  }
  return out.join('\n') + '\n';
}
