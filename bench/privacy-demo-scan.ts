/**
 * A precision check on text written without the scanner in mind: scans every publication of the demo
 * region (src/demo, which holds no personal data and no secrecy markings), body HTML converted to
 * text as the publish gate would see it, and prints every finding — each one is a false positive.
 *   node --import tsx bench/privacy-demo-scan.ts
 */
import { demoPublications } from '../src/demo/index.ts';
import { extractText, FINDING_TYPE_LABELS, scanText } from '../src/modules/privacy/index.ts';

let chars = 0;
let findings = 0;
const publications = demoPublications();
for (const p of publications) {
  const { text: body } = await extractText(new TextEncoder().encode(p.bodyHtml), 'body.html');
  const text = [p.title, p.documentNumber ?? '', p.summary, body].join('\n');
  chars += text.length;
  for (const f of scanText(text)) {
    findings++;
    console.log(`[${p.key}] ${FINDING_TYPE_LABELS[f.type]}（${f.rule}）“${f.text}”：…${text.slice(Math.max(0, f.start - 20), f.end + 20).replace(/\s+/g, ' ')}…`);
  }
}
console.log(`演示数据：${publications.length} 条公开信息，${(chars / 1e6).toFixed(2)} 百万字符；发现 ${findings} 处（应为 0，每一处都是误报）`);
