import { describe, expect, it } from 'vitest';
import { indexPlan, indexReadItems, itemByItemCost, piecesToAsk } from './index-plan.ts';

/** PostgreSQL's way through the GIN indexes for a search (docs/search.md, "Speed"). */
describe('index plan', () => {
  it('reads the rarest keyword from the index and checks it first', () => {
    const plan = indexPlan([0.3, 0.01, 0.5], 100_000, 1000, 0.25);
    expect(plan.order).toEqual([1, 0, 2]);
    expect(plan.through).toContain(1);
  });
  it('checks a common word item by item instead of reading its matches from the index', () => {
    expect(indexPlan([0.01, 0.95], 1_000_000, 1000, 0.25).through).toEqual([0]);
  });
  it('reads a second rare keyword from the index too: checking it would pass over many items', () => {
    expect(indexPlan([0.02, 0.05], 1_000_000, 1000, 0.25).through).toEqual([0, 1]);
  });
  it('costs more the more matches must be read', () => {
    expect(indexPlan([0.5], 1_000_000, 1000, 0.25).cost).toBeGreaterThan(indexPlan([0.01], 1_000_000, 1000, 0.25).cost);
  });
  it('reads every keyword from the index when nothing is known of them', () => {
    expect(indexPlan([0, 0, 0], 0, 20, 0.25).through).toEqual([0, 1, 2]);
  });
  it('checks a common word in titles item by item: a title is one short chunk, however many chunks the item has', () => {
    // The newest 60 title matches of a word in 2 % of the titles, at 1,000,000 items of 3.4 chunks each.
    const shares = [0.02];
    const items = 1_000_000;
    const wanted = 60;
    const throughIndex = indexPlan(shares, items, wanted, 0.25).cost;
    expect(itemByItemCost({ share: 0.02, wanted, chunksPerItem: 3.4, titleOnly: true })).toBeLessThan(throughIndex);
    // Outside titles a miss reads every chunk of the item: the same share is then no cheaper item by item than a title search.
    expect(itemByItemCost({ share: 0.03, wanted, chunksPerItem: 3.4, titleOnly: false })).toBeGreaterThan(itemByItemCost({ share: 0.03, wanted, chunksPerItem: 3.4, titleOnly: true }));
  });
  it('never checks item by item a word none of the checked items held', () => {
    expect(itemByItemCost({ share: 0, wanted: 20, chunksPerItem: 3, titleOnly: true })).toBe(Infinity);
  });
  it('costs a title search limited to an organ at the title matches of the whole catalog: the title index knows no organ', () => {
    // 质量监督 in one organ at 100,000 items: 2,198 title matches read and dropped for the organ's 19.
    expect(indexReadItems({ scopeItems: 500, catalogItems: 100_000, titleOnly: true, organFilter: true })).toBe(100_000);
    // The pieces index holds the organ's tag, so it intersects the organ inside the index.
    expect(indexReadItems({ scopeItems: 500, catalogItems: 100_000, titleOnly: false, organFilter: true })).toBe(500);
    expect(indexReadItems({ scopeItems: 100_000, catalogItems: 100_000, titleOnly: true, organFilter: false })).toBe(100_000);
    // So a title word in 4 % of an organ's titles is listed item by item over the organ's items, not read from the catalog's title matches.
    const wanted = 60;
    const throughIndex = indexPlan([0.04], indexReadItems({ scopeItems: 300, catalogItems: 100_000, titleOnly: true, organFilter: true }), wanted, 0.25).cost;
    expect(itemByItemCost({ share: 0.04, wanted, chunksPerItem: 3.4, titleOnly: true })).toBeLessThan(throughIndex);
  });
  it('costs checking item by item at no more than the items left in the scope', () => {
    // 58 more title matches of a word two of an organ's newest 200 titles held, with 300 of its items left:
    // the walk ends after those 300, however rare the word; through the index, every title match of the catalog.
    const share = 2 / 200;
    const byItem = itemByItemCost({ share, wanted: 58, chunksPerItem: 3.4, titleOnly: true, items: 300 });
    expect(byItem).toBe(300 * 0.25);
    expect(byItem).toBeLessThan(indexPlan([share], indexReadItems({ scopeItems: 300, catalogItems: 100_000, titleOnly: true, organFilter: true }), 58, 0.25).cost);
    expect(itemByItemCost({ share, wanted: 58, chunksPerItem: 3.4, titleOnly: true })).toBe((58 / share) * 0.25);
  });
  it('asks the item-level index for the pieces of a phrase that are not in most items, and for the rarest if all are', () => {
    const share = (t: string) => ({ 部门: 0.9, 门决: 0.6, 决算: 0.6, 算安: 0.1, 安全: 0.95, 全检: 0.3, 检查: 0.8 } as Record<string, number>)[t] ?? 0;
    expect(piecesToAsk(['部门', '门决', '决算', '算安', '安全', '全检', '检查'], share)).toEqual(['算安', '全检']);
    expect(piecesToAsk(['部门', '安全'], share)).toEqual(['部门']);
    // A piece the statistics do not list is rarer than any they do.
    expect(piecesToAsk(['安全', '生僻'], share)).toEqual(['生僻']);
    // A keyword of one piece is answered by the index alone: never left out.
    expect(piecesToAsk(['安全'], share)).toEqual(['安全']);
    expect(piecesToAsk(['部门', '安全', '检查'], share, true)).toEqual(['检查']);
  });
});
