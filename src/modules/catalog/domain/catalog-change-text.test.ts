import { describe, expect, it } from 'vitest';
import { describeCatalogChange } from './catalog-change-text.ts';

describe('the catalog history’s sentence', () => {
  it('tells records written before paths were kept from their summary line, without ids', () => {
    const merge = describeCatalogChange('qlx-zjj', {
      kind: 'merge', nodeId: 12, summary: '合并：“住房保障 > 公租房”并入“住房保障 > 保障房”',
      before: { node: { id: 12, name: '公租房', parentId: 3 }, children: [], items: [40, 41] }, after: { intoId: 7, intoName: '保障房', children: [], items: [40, 41] },
    });
    expect(merge.sentence).toBe('将栏目「住房保障 › 公租房」并入「保障房」，其中 2 条信息移入「保障房」，原栏目已删除。');
    expect(merge.redirects[0]).toEqual({ fromPath: '/organs/qlx-zjj/catalog/12', toPath: '/organs/qlx-zjj/catalog/7' });
    expect(describeCatalogChange('qlx-zjj', { kind: 'move', nodeId: 5, summary: '移动：“公租房”从 （顶级） 移到 住房保障', before: { parentId: null }, after: { parentId: 3 } }).sentence)
      .toBe('将栏目「公租房」连同其下级栏目和信息移到「住房保障」下，栏目地址不变。');
    expect(describeCatalogChange('qlx-zjj', { kind: 'rename', nodeId: 5, summary: '改名：“通知公告”改为“通知公示”', before: { name: '通知公告' }, after: { name: '通知公示' } }).sentence)
      .toBe('将栏目「通知公告」改名为“通知公示”，栏目地址不变。');
  });
});
