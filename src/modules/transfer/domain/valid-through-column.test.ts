import { describe, expect, it } from 'vitest';
import { ITEM_COLUMNS } from './item-columns.ts';
import { parseItem } from './parse-item.ts';

const base = { title: '县住房租赁补贴暂行办法', formedOn: '2021-05-08', stage: '决策', docType: '行政规范性文件', catalogPaths: ['政策文件'] };

describe('the import’s 有效期至 column (ADR 0027)', () => {
  it('is a column of its own, 有效期至 / validThroughOn', () => {
    expect(ITEM_COLUMNS.find((c) => c.key === 'validThroughOn')?.header).toBe('有效期至');
  });

  it('takes a date in any of the file’s spellings, and none', () => {
    expect(parseItem({ at: '第2行', fields: { ...base, validThroughOn: '2026年6月6日' } }, 'draft', '2026-12-06').item?.input.validThroughOn).toBe('2026-06-06');
    expect(parseItem({ at: '第2行', fields: { ...base } }, 'draft', '2026-12-06').item?.input.validThroughOn).toBeNull();
  });

  it('lists a malformed date and one before the 成文日期 in the file’s words', () => {
    expect(parseItem({ at: '第3行', fields: { ...base, validThroughOn: '五年' } }, 'draft', '2026-12-06').problems).toEqual(['有效期至“五年”不是有效日期（如 2026-06-06）']);
    expect(parseItem({ at: '第4行', fields: { ...base, validThroughOn: '2021-05-07' } }, 'draft', '2026-12-06').problems).toEqual(['有效期至（2021-05-07）不能早于成文日期（2021-05-08）']);
  });
});
