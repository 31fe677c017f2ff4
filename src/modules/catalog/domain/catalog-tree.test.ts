import { describe, expect, it } from 'vitest';
import { assertMoveAllowed, buildTree, distinctNodeLabels, inTreeOrder, moveRefusals, pathTo, subtreeIds } from './catalog-tree.ts';

// 1 重点领域 > 2 保障性住房 > 3 公租房; 4 政策文件; 9 belongs to another organ
const nodes = [
  { id: 1, parentId: null, organId: 1, sortOrder: 2, name: '重点领域' },
  { id: 2, parentId: 1, organId: 1, sortOrder: 1, name: '保障性住房' },
  { id: 3, parentId: 2, organId: 1, sortOrder: 1, name: '公租房' },
  { id: 4, parentId: null, organId: 1, sortOrder: 1, name: '政策文件' },
  { id: 9, parentId: null, organId: 2, sortOrder: 1, name: '其他机关' },
];

describe('moving catalog nodes', () => {
  it('allows a move to another branch or to the top level', () => {
    expect(moveRefusals(nodes, 2, 4)).toEqual([]);
    expect(moveRefusals(nodes, 3, null)).toEqual([]);
  });

  it('refuses a move that would create a cycle', () => {
    expect(moveRefusals(nodes, 1, 3)).toEqual(['不能把栏目移动到它自己的下级栏目中（会形成循环）']);
    expect(moveRefusals(nodes, 2, 2)).toEqual(['栏目不能成为自己的下级']);
    expect(() => assertMoveAllowed(nodes, 1, 2)).toThrow(/循环/);
  });

  it('refuses a move into another organ’s catalog', () => {
    expect(moveRefusals(nodes, 2, 9)).toEqual(['不能移动到其他机关的公开目录下']);
  });

  it('builds the breadcrumb path, the nested tree in order, and subtrees', () => {
    expect(pathTo(nodes, 3).map((n) => n.name)).toEqual(['重点领域', '保障性住房', '公租房']);
    const tree = buildTree(nodes.filter((n) => n.organId === 1));
    expect(tree.map((n) => n.name)).toEqual(['政策文件', '重点领域']);
    expect(tree[1].children[0].children[0].name).toBe('公租房');
    expect(subtreeIds(nodes, 1).sort()).toEqual([1, 2, 3]);
    expect(inTreeOrder(nodes.filter((n) => n.organId === 1)).map((n) => [n.name, n.depth])).toEqual([['政策文件', 0], ['重点领域', 0], ['保障性住房', 1], ['公租房', 2]]);
  });
});

describe('naming a column where its name is not unique in the organ', () => {
  it('names a shared name by as much of its path as tells it apart, a unique one by its name', () => {
    const tree = [
      { id: 1, parentId: null, name: '政策文件' },
      { id: 2, parentId: 1, name: '规范性文件' },
      { id: 3, parentId: null, name: '重点领域' },
      { id: 4, parentId: 3, name: '保障性住房' },
      { id: 5, parentId: 4, name: '政策文件' },
      { id: 6, parentId: null, name: '规划计划' },
      { id: 7, parentId: 3, name: '棚户区改造' },
      { id: 8, parentId: 7, name: '规划计划' },
      { id: 9, parentId: 4, name: '工作动态' },
      { id: 10, parentId: 7, name: '工作动态' },
      { id: 11, parentId: 10, name: '年度' },
    ];
    const labels = distinctNodeLabels(tree);
    expect([1, 2, 5, 6, 8, 9, 10, 11].map((id) => labels.get(id))).toEqual([
      '政策文件', '规范性文件', '保障性住房 › 政策文件', '规划计划', '棚户区改造 › 规划计划', '保障性住房 › 工作动态', '棚户区改造 › 工作动态', '年度',
    ]);
  });
});
