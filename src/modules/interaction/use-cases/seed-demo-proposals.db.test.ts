import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createOrgan } from '../../../../test/support/factories.ts';
import { listPublishedProposals, proposalDetails, seedDemoProposals, type DemoProposal } from '../index.ts';

describeEachDialect('the demo 建议提案', (db) => {
  it('loads only what happened by the clock\'s day, with its history on those days, once', async () => {
    const deps = buildDeps(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const base = { organCode: organ.code, session: '县十八届人大五次会议', year: 2026, role: 'lead', partnerOrgans: '', submitters: '王某' } as const;
    const reply = (repliedOn: string) => ({ text: '王某代表：已解决。', repliedOn, result: 'solved' as const, satisfaction: 'satisfied' as const });
    const list: DemoProposal[] = [
      { ...base, kind: 'suggestion', number: '第0001号', title: '已公开的建议', receivedOn: '2026-03-10', reply: reply('2026-05-06'), disclosure: { publishedOn: '2026-05-12' } },
      { ...base, kind: 'suggestion', number: '第0002号', title: '公开在明天的建议', receivedOn: '2026-03-10', reply: reply('2026-05-29'), disclosure: { publishedOn: '2026-06-02' } },
      { ...base, kind: 'proposal', number: '第0003号', title: '答复在下周的提案', receivedOn: '2026-03-11', reply: reply('2026-06-08'), disclosure: { withheldOn: '2026-06-09', reason: '涉密' } },
      { ...base, kind: 'proposal', number: '第0004号', title: '下月才收到的提案', receivedOn: '2026-07-01', reply: null, disclosure: null },
    ];
    expect(await seedDemoProposals(deps, list)).toEqual({ proposals: 3 });
    expect(await seedDemoProposals(deps, list)).toEqual({ proposals: 0 });
    const rows = await deps.db.selectFrom('proposals').select(['id', 'title', 'state', 'due_on', 'published_on', 'publish_due_on']).where('organ_id', '=', organ.id).orderBy('id').execute();
    expect(rows.map((r) => [r.title, r.state, r.due_on, r.published_on])).toEqual([
      ['已公开的建议', 'published', '2026-06-10', '2026-05-12'],
      ['公开在明天的建议', 'replied', '2026-06-10', null],
      ['答复在下周的提案', 'registered', '2026-06-11', null],
    ]);
    expect(rows[1].publish_due_on).toBe('2026-06-29');
    expect((await listPublishedProposals(deps, organ.id, {}, 1)).items.map((p) => p.title)).toEqual(['已公开的建议']);
    const staff = await createActor(deps, organ.code, 'editor');
    const d = await proposalDetails(deps, staff.actor, rows[0].id);
    expect(d.events.map((e) => [e.occurredOn, e.verb, e.fromState, e.toState])).toEqual([
      ['2026-03-10', 'register', null, 'registered'], ['2026-05-06', 'reply', 'registered', 'replied'], ['2026-05-12', 'publish', 'replied', 'published'],
      ['2026-05-16', 'recordSatisfaction', 'published', 'published'],
    ]);
    expect(d.events.at(-1)!.data).toEqual({ satisfaction: 'satisfied' });
    const audit = await deps.db.selectFrom('audit_events').select(['action', 'after_json']).where('action', '=', 'demo.proposals').execute();
    expect(audit).toHaveLength(1);
  });
});
