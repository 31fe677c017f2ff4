import { FINDING_TYPE_LABELS } from '../../privacy/index.ts';
import type { StoredFinding } from '../storage/review-repository.ts';
import { htmlToText } from '../use-cases/scan-publication.ts';

const label = (type: string) => (FINDING_TYPE_LABELS as Record<string, string>)[type] ?? (type === 'unreadable_attachment' ? '无法读取的附件' : type);

/** The body text with every finding highlighted and its suggested mask, then the findings elsewhere. */
export function FindingsView({ bodyHtml, findings }: { bodyHtml: string; findings: StoredFinding[] }) {
  if (findings.length === 0) return <p>未发现身份证号、手机号、银行卡号、电子邮箱、密级标志等敏感内容。</p>;
  const text = htmlToText(bodyHtml);
  const inBody = findings.filter((f) => f.source === '正文').sort((a, b) => a.start - b.start);
  const pieces: preact.ComponentChildren[] = [];
  let at = 0;
  for (const f of inBody) {
    if (f.start < at) continue;
    pieces.push(text.slice(at, f.start));
    pieces.push(
      <mark class={`finding finding-${f.severity}`} title={`${label(f.type)}；建议：${f.suggestion}`}>
        {text.slice(f.start, f.end)}
        <span class="finding-tag">〔{label(f.type)} → {f.suggestion}〕</span>
      </mark>,
    );
    at = f.end;
  }
  pieces.push(text.slice(at));
  const elsewhere = findings.filter((f) => f.source !== '正文');
  return (
    <div class="findings">
      {inBody.length > 0 && <div class="finding-text" aria-label="正文扫描结果">{pieces}</div>}
      {elsewhere.length > 0 && (
        <table class="list">
          <thead><tr><th scope="col">位置</th><th scope="col">类型</th><th scope="col">上下文</th><th scope="col">建议处理</th></tr></thead>
          <tbody>
            {elsewhere.map((f) => (
              <tr class={`finding-${f.severity}`}>
                <td>{f.source}</td><td>{label(f.type)}</td>
                <td>{f.before && `…${f.before}`}<mark class={`finding finding-${f.severity}`}>{f.text}</mark>{f.after && `${f.after}…`}</td>
                <td>{f.suggestion}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
