import { describe, expect, it } from 'vitest';
import { forcedPublicationOf, type DecisionRecord } from './forced-publication.ts';

let id = 0;
const d = (verb: string, stage: number | null = null, by = '张三', comment = ''): DecisionRecord => ({ id: ++id, verb, stage_position: stage, user_label: by, decided_at: `2026-11-20T0${id % 10}:00:00Z`, comment });

describe('forcedPublicationOf', () => {
  it('is null for an item published through the chain', () => {
    expect(forcedPublicationOf([d('submit'), d('approve', 1), d('approve', 2), d('approve', 3), d('publish')])).toBeNull();
  });

  it('keeps the approvals of the round the emergency publication ended, and its reason and 补充审核', () => {
    const f = forcedPublicationOf([d('submit'), d('approve', 1, '李四'), d('force_publish', null, '王五', '汛情紧急'), d('approve_retrospectively', null, '赵六')])!;
    expect([...f.approved.keys()]).toEqual([1]);
    expect(f.approved.get(1)!.by).toBe('李四');
    expect(f.published).toMatchObject({ by: '王五', comment: '汛情紧急' });
    expect(f.retro!.by).toBe('赵六');
  });

  it('counts no approval of a round that was returned, nor of an earlier round, nor before any submission', () => {
    expect(forcedPublicationOf([d('submit'), d('approve', 1), d('return_for_changes', 2), d('force_publish')])!.approved.size).toBe(0);
    expect(forcedPublicationOf([d('submit'), d('approve', 1), d('return_for_changes', 2), d('submit'), d('force_publish')])!.approved.size).toBe(0);
    expect(forcedPublicationOf([d('force_publish')])!).toMatchObject({ retro: null });
  });
});
