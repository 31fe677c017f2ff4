import { describe, expect, it } from 'vitest';
import { CONTEXT, textDiff, type DiffBlock } from './text-diff.ts';
import { revisionChanges } from './revision-changes.ts';
import { htmlToText } from './body-text.ts';

/** The spans of a one-paragraph diff. */
const spans = (before: string, after: string) => {
  const { blocks } = textDiff(before, after);
  expect(blocks).toHaveLength(1);
  return (blocks[0] as DiffBlock & { kind: 'changed' }).spans;
};
const same = (text: string) => ({ kind: 'same', text });
const change = (removed: string, added: string) => ({ kind: 'change', removed, added });

describe('what a revision changes in a text, marked for its reviewer', () => {
  it('marks an insertion into a Chinese title by characters, the rest unchanged', () => {
    expect(spans('关于城区停水的通知', '关于城区停水时间调整的通知')).toEqual([same('关于城区停水'), change('', '时间调整'), same('的通知')]);
  });

  it('marks a deletion alone', () => {
    expect(spans('各社区应提前告知全体居民储水', '各社区应提前告知居民储水')).toEqual([same('各社区应提前告知'), change('全体', ''), same('居民储水')]);
  });

  it('reads a replaced phrase as one deletion and one insertion, not characters in between common by chance', () => {
    // 6月1日 → 6月3日至6月5日: 日 is common to both by chance; it is not left standing between two changes.
    expect(spans('停水时间为6月1日，届时请居民提前储水。', '停水时间为6月3日至6月5日，届时请居民提前储水。'))
      .toEqual([same('停水时间为6月'), change('1日', '3日至6月5日'), same('，届时请居民提前储水。')]);
    // A rewritten sentence whose 的/工作 recur: each piece of the rewrite is one change.
    const rewritten = spans('请各单位高度重视本次检查工作。', '各部门要认真做好自查的各项工作。');
    expect(rewritten.filter((s) => s.kind === 'same').every((s) => s.kind === 'same' && [...s.text].length > 1)).toBe(true);
    expect(rewritten.filter((s) => s.kind === 'change').length).toBeLessThanOrEqual(2);
  });

  it('shows a changed number whole, not its last digit', () => {
    expect(spans('2024年工作要点', '2025年工作要点')).toEqual([change('2024', '2025'), same('年工作要点')]);
    expect(spans('电话13800000000', '电话13900000001')).toEqual([same('电话'), change('13800000000', '13900000001')]);
  });

  it('gives a field that was empty wholly added, and one emptied wholly removed', () => {
    expect(spans('', '城区供水')).toEqual([change('', '城区供水')]);
    expect(spans('城区供水', '')).toEqual([change('城区供水', '')]);
    expect(textDiff('', '第一段\n第二段', { paragraphs: true }).blocks).toEqual([{ kind: 'added', text: '第一段' }, { kind: 'added', text: '第二段' }]);
    expect(textDiff('第一段', '', { paragraphs: true }).blocks).toEqual([{ kind: 'removed', text: '第一段' }]);
  });

  it('folds a long unchanged stretch, keeping some characters beside the change, so a one-character fix in a long text is seen at once', () => {
    const long = '为做好城区供水管网改造期间的群众生活保障工作，各社区应提前告知居民储水，做好老年人、残疾人等特殊群体的送水服务。'.repeat(20);
    const diff = textDiff(`${long}甲${long}`, `${long}乙${long}`);
    expect(diff.folded).toBe(true);
    const parts = (diff.blocks[0] as DiffBlock & { kind: 'changed' }).spans;
    expect(parts.map((s) => s.kind)).toEqual(['folded', 'same', 'change', 'same', 'folded']);
    expect(parts[2]).toEqual(change('甲', '乙'));
    expect(parts[1]).toEqual(same(long.slice(-CONTEXT)));
    expect(parts[3]).toEqual(same(long.slice(0, CONTEXT)));
    expect(parts[0]).toEqual({ kind: 'folded', chars: [...long].length - CONTEXT });
    // A short unchanged stretch is kept as it is.
    expect(textDiff('一二三四甲五六七八', '一二三四乙五六七八').folded).toBe(false);
  });

  it('compares a body paragraph by paragraph: unchanged ones folded with their count, an edited one marked, one only a side has shown whole', () => {
    const diff = textDiff(['第一段', '第二段内容', '第三段', '第四段', '要删除的一段说明'].join('\n'), ['第一段', '第二段修改后的内容', '新增的一段完全不同的话', '第三段', '第四段'].join('\n'), { paragraphs: true });
    expect(diff.folded).toBe(true);
    expect(diff.blocks).toEqual([
      { kind: 'unchanged', paragraphs: 1, chars: 3 },
      { kind: 'changed', spans: [same('第二段'), change('', '修改后的'), same('内容')] },
      { kind: 'added', text: '新增的一段完全不同的话' },
      { kind: 'unchanged', paragraphs: 2, chars: 6 },
      { kind: 'removed', text: '要删除的一段说明' },
    ]);
  });

  it('shows a paragraph rewritten beyond telling apart as wholly replaced', () => {
    const a = '甲'.repeat(1500);
    const b = '乙'.repeat(1500);
    expect(textDiff(a, b).blocks).toEqual([{ kind: 'changed', spans: [change(a, b)] }]);
  });
});

describe('a revision\'s changed fields', () => {
  const item = (bodyHtml: string, title = '关于城区停水的通知') => ({
    title, documentNumber: null, publishingOrganName: '县水务局', formedOn: '2026-03-01', subject: '城乡建设', genre: '通知', stage: 'decision',
    disclosureMode: 'proactive', keywords: ['停水'], summary: '', bodyText: htmlToText(bodyHtml), source: '', consultPhone: null, docType: 'normal', nodeIds: [1],
  });

  it('diffs the body\'s HTML as the text a reader sees, a paragraph a line, tags never marked', () => {
    const before = '<p>第一条　各社区应提前告知居民储水。</p><p>第二条　停水时间为<strong>6月1日</strong>。</p><p>第三条　供水公司应设置临时供水点。</p>';
    const after = '<p>第一条　各社区应提前告知居民储水。</p><p>第二条　停水时间为<strong>6月3日</strong>。</p><p>第三条　供水公司应设置临时供水点。</p>';
    const [body] = revisionChanges(item(before), item(after));
    expect(body.label).toBe('正文');
    expect(body.before).toBe('第一条 各社区应提前告知居民储水。\n第二条 停水时间为6月1日。\n第三条 供水公司应设置临时供水点。');
    expect(body.diff.blocks).toEqual([
      { kind: 'unchanged', paragraphs: 1, chars: 17 },
      { kind: 'changed', spans: [same('第二条 停水时间为6月'), change('1', '3'), same('日。')] },
      { kind: 'unchanged', paragraphs: 1, chars: 17 },
    ]);
  });

  it('gives every other changed field one paragraph, and leaves unchanged fields out', () => {
    const changes = revisionChanges(item('<p>正文</p>'), { ...item('<p>正文</p>', '关于城区停水时间调整的通知'), summary: '停水通知' });
    expect(changes.map((c) => c.label)).toEqual(['标题', '内容概述']);
    expect(changes[1].diff).toEqual({ blocks: [{ kind: 'changed', spans: [change('', '停水通知')] }], folded: false });
  });
});
