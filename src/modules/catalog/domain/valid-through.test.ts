import { describe, expect, it } from 'vitest';
import { publicationInputSchema, VALID_THROUGH_BEFORE_FORMED } from './publication-input.ts';

const valid = { title: '县住房租赁补贴暂行办法', formedOn: '2021-06-07', stage: 'decision', docType: 'normative_document', nodeIds: ['3'] };

describe('有效期至 (ADR 0027)', () => {
  it('is optional: empty, missing or null means the document sets no period', () => {
    for (const v of [undefined, null, '', '  ']) expect(publicationInputSchema.parse({ ...valid, validThroughOn: v }).validThroughOn).toBeNull();
  });

  it('takes a date on or after the 成文日期 (the same day too)', () => {
    expect(publicationInputSchema.parse({ ...valid, validThroughOn: '2026-06-06' }).validThroughOn).toBe('2026-06-06');
    expect(publicationInputSchema.parse({ ...valid, validThroughOn: '2021-06-07' }).validThroughOn).toBe('2021-06-07');
  });

  it('refuses a date before the 成文日期 with its own code, and a malformed date', () => {
    const before = publicationInputSchema.safeParse({ ...valid, validThroughOn: '2021-06-06' });
    expect(before.success).toBe(false);
    const issue = before.error!.issues.find((i) => i.path[0] === 'validThroughOn')!;
    expect(issue.message).toBe('有效期至（2021-06-06）不能早于成文日期（2021-06-07）');
    expect((issue as { params?: { code?: string } }).params?.code).toBe(VALID_THROUGH_BEFORE_FORMED);
    const wrong = publicationInputSchema.safeParse({ ...valid, validThroughOn: '2026-02-30' });
    expect(wrong.error!.issues.find((i) => i.path[0] === 'validThroughOn')!.message).toBe('有效期至应为有效日期（YYYY-MM-DD）');
  });
});
