import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from './forced-publication.ts';
import { importedPublicationOf } from './imported-publication.ts';

let id = 0;
const d = (verb: string, stage: number | null = null): DecisionRecord => ({ id: ++id, verb, stage_position: stage, user_label: '张三', decided_at: '2026-11-20T01:00:00Z', comment: '' });

describe('importedPublicationOf', () => {
  it('is null for an item not published by an import', () => {
    expect(importedPublicationOf('review_chain', [])).toBeNull();
    expect(importedPublicationOf(null, [])).toBeNull();
  });

  it('approves no stage of imported history: the import, a withdrawal or an amendment approves nothing', () => {
    expect(importedPublicationOf('system_import', [])!.approved.size).toBe(0);
    expect(importedPublicationOf('system_import', [d('amend'), d('approve_amendment'), d('withdraw')])!.approved.size).toBe(0);
  });

  it('shows only the approvals signed here, in the last round not returned', () => {
    expect([...importedPublicationOf('system_import', [d('submit'), d('approve', 1)])!.approved.keys()]).toEqual([1]);
    expect(importedPublicationOf('system_import', [d('submit'), d('approve', 1), d('return_for_changes', 2)])!.approved.size).toBe(0);
  });
});
