import { describe, expect, it } from 'vitest';
import { latestReturnOf } from './latest-return.ts';

const decision = (id: number, verb: string, over: Partial<{ stage_name: string | null; comment: string; user_label: string }> = {}) => ({
  id, verb, stage_position: 1, stage_name: '股室负责人审核', user_label: '李审核', decided_at: `2026-03-0${id}T02:00:00.000Z`, comment: '', ...over,
});

describe('the return an author of a returned item is told of', () => {
  it('is the last return, with its stage, signer, time and comment', () => {
    const decisions = [
      decision(1, 'submit'), decision(2, 'return_for_changes', { comment: '请补充停水范围' }), decision(3, 'submit'),
      decision(4, 'return_for_changes', { stage_name: null, user_label: '王发布', comment: '恢复供水时间写错了' }),
    ];
    expect(latestReturnOf('returned', decisions)).toEqual({ stageName: '发布', by: '王发布', at: '2026-03-04T02:00:00.000Z', comment: '恢复供水时间写错了' });
  });

  it('is none once the item is no longer returned, or when no return is recorded', () => {
    expect(latestReturnOf('in_review', [decision(1, 'return_for_changes', { comment: '请补充' }), decision(2, 'submit')])).toBeNull();
    expect(latestReturnOf('returned', [decision(1, 'submit')])).toBeNull();
  });
});
