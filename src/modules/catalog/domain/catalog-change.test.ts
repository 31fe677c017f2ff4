import { describe, expect, it } from 'vitest';
import { catalogChangeSchema, planCatalogChange, type ChangeNode, type PlacedItem } from './catalog-change.ts';

const n = (id: number, parentId: number | null, name: string, organId = 1): ChangeNode => ({ id, organId, parentId, name, sortOrder: id });
// 1 通知公告 > 2 工作动态 > 3 图片新闻; 4 政策文件 > 5 规范性文件; 6 工作动态（顶级）
const nodes = [n(1, null, '通知公告'), n(2, 1, '工作动态'), n(3, 2, '图片新闻'), n(4, null, '政策文件'), n(5, 4, '规范性文件'), n(6, null, '机构信息')];
const item = (id: number): PlacedItem => ({ id, title: `信息${id}`, indexNumber: `IDX-${id}`, status: 'published' });
const placed = new Map([[2, [item(10), item(11)]], [5, [item(11), item(12)]]]);
const plan = (raw: unknown) => planCatalogChange('zjj', nodes, placed, catalogChangeSchema.parse(raw));
const reasons = (raw: unknown) => {
  const o = plan(raw);
  return o.ok ? [] : o.reasons.map((r) => r.message);
};

describe('planning a catalog change', () => {
  it('merges a node: its items and children go to the target, its page and feeds redirect', () => {
    const o = plan({ kind: 'merge', nodeId: '2', intoId: '5' });
    if (!o.ok) throw new Error(JSON.stringify(o.reasons));
    expect(o.plan.itemsMoved.map((i) => [i.id, i.to, i.alreadyThere])).toEqual([[10, 5, false], [11, 5, true]]);
    expect(o.plan.nodesMoved.map((x) => [x.id, x.after])).toEqual([[2, '（并入 政策文件 > 规范性文件 后删除）'], [3, '政策文件 > 规范性文件 > 图片新闻']]);
    expect(o.plan.redirects).toEqual([
      { fromPath: '/organs/zjj/catalog/2', toPath: '/organs/zjj/catalog/5' },
      { fromPath: '/organs/zjj/catalog/2/feed.atom', toPath: '/organs/zjj/catalog/5/feed.atom' },
      { fromPath: '/organs/zjj/catalog/2/feed.rss', toPath: '/organs/zjj/catalog/5/feed.rss' },
    ]);
  });

  it('moves a branch: every node of it gets its new path, no address changes', () => {
    const o = plan({ kind: 'move', nodeId: '2', parentId: '4' });
    if (!o.ok) throw new Error('refused');
    expect(o.plan.nodesMoved).toEqual([
      { id: 2, before: '通知公告 > 工作动态', after: '政策文件 > 工作动态' },
      { id: 3, before: '通知公告 > 工作动态 > 图片新闻', after: '政策文件 > 工作动态 > 图片新闻' },
    ]);
    expect(o.plan.redirects).toEqual([]);
    expect(plan({ kind: 'move', nodeId: '2', parentId: '' }).ok).toBe(true);
  });

  it('splits the chosen items into a new node', () => {
    const o = plan({ kind: 'split', nodeId: '5', name: '行政规范性文件', placement: 'child', itemIds: ['12'] });
    if (!o.ok) throw new Error('refused');
    expect(o.plan.itemsMoved.map((i) => [i.id, i.from, i.to])).toEqual([[12, 5, null]]);
    expect(o.plan.nodesMoved[0].after).toBe('政策文件 > 规范性文件 > 行政规范性文件');
  });

  it('refuses with every reason', () => {
    expect(reasons({ kind: 'merge', nodeId: '2', intoId: '2' })).toEqual(['栏目不能并入自己']);
    expect(reasons({ kind: 'merge', nodeId: '1', intoId: '3' })).toEqual(['不能把栏目并入它自己的下级栏目']);
    expect(reasons({ kind: 'merge', nodeId: '2', intoId: '99' })).toEqual(['并入的栏目不存在或不属于本机关']);
    expect(reasons({ kind: 'move', nodeId: '1', parentId: '3' })).toEqual(['不能把栏目移动到它自己的下级栏目中（会形成循环）']);
    expect(reasons({ kind: 'move', nodeId: '2', parentId: '2' })).toEqual(['栏目不能成为自己的下级']);
    expect(reasons({ kind: 'move', nodeId: '2', parentId: '1' })).toEqual(['栏目已在该上级栏目下']);
    expect(reasons({ kind: 'rename', nodeId: '4', name: '通知公告' })).toEqual(['同一上级栏目下已有名为“通知公告”的栏目']);
    expect(reasons({ kind: 'rename', nodeId: '4', name: '政策文件' })).toEqual(['新名称与原名称相同']);
    expect(reasons({ kind: 'split', nodeId: '5', name: '规范性文件', placement: 'sibling', itemIds: ['10', '12'] }))
      .toEqual(['同一上级栏目下已有名为“规范性文件”的栏目', '所选信息（编号 10）不在栏目“规范性文件”中']);
    expect(reasons({ kind: 'rename', nodeId: '77', name: 'x' })).toEqual(['栏目不存在或不属于本机关']);
  });

  it('reads the form in Chinese', () => {
    const r = catalogChangeSchema.safeParse({ kind: 'split', nodeId: '5', name: ' ', placement: 'x' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['name', '请填写栏目名称'], ['placement', '请选择新栏目的位置'], ['itemIds', '请至少选择一条要移入新栏目的信息'],
    ]);
    expect(catalogChangeSchema.safeParse({ kind: 'drop', nodeId: '1' }).error!.issues[0].message).toBe('请选择调整方式（改名、移动、合并或拆分）');
  });
});
