import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, publicationInput, system } from '../../../../test/support/factories.ts';
import { RELEVANCE_ITEMS } from '../../../../test/corpus/search/relevance-items.ts';
import { RELEVANCE_QUERIES } from '../../../../test/corpus/search/relevance-queries.ts';
import { addAttachment, createPublication } from '../../catalog/index.ts';
import type { SnippetPart } from '../domain/snippet.ts';
import type { DialectName } from '../../../platform/db/dialect.ts';
import { reindex, searchPublications } from '../index.ts';
import { publishImported } from '../../review/index.ts';

/**
 * The relevance set (test/corpus/search) run on every database: each query's expected items are
 * in its top 10 (or top 3), in the expected order, and SQLite and PostgreSQL return identical lists.
 */
type Run = { keys: string[]; total: number; attachmentHits: string[]; snippets: SnippetPart[][]; notWholeWords: string[] | null; synonyms: { keyword: string; added: string[] }[] };
type Loaded = { dialect: DialectName; run: (q: string, sort: 'relevance' | 'newest') => Promise<Run>; drop: () => Promise<void> };

async function load(dialect: DialectName): Promise<Loaded> {
  const handle = await createTestDatabase(dialect);
  const deps = buildDeps(handle, '2026-03-10T02:00:00Z');
  const organ = await createOrgan(deps);
  const node = await createNode(deps, organ.id, { name: '政策文件' });
  const keyOf = new Map<number, string>();
  const idOf = new Map<string, number>();
  for (const item of RELEVANCE_ITEMS) {
    const interpretation = item.interprets ? { itemKind: 'interpretation', interpretationForm: 'text', policyIds: [idOf.get(item.interprets)!] } : {};
    const draft = await createPublication(deps, system, organ.id, publicationInput([node], {
      title: item.title, bodyHtml: `<p>${item.body}</p>`, documentNumber: item.documentNumber ?? '', formedOn: item.on,
      genre: item.genre ?? '通知', stage: item.stage ?? 'execution', validity: item.validity ?? 'valid', ...interpretation,
    }));
    if (item.attachment) await addAttachment(deps, system, draft.id, { fileName: item.attachment.name, bytes: Buffer.from(item.attachment.text) });
    const p = await publishImported(deps, system, draft.id, { backdatedPublishedOn: item.on });
    keyOf.set(p.id, item.key);
    idOf.set(item.key, p.id);
  }
  await reindex(deps);
  return {
    dialect,
    async run(q, sort) {
      const r = await searchPublications(deps, { q, sort, page: 1, pageSize: 50, filters: { scopeOrganId: null } });
      return {
        keys: r.hits.map((h) => keyOf.get(h.id)!), total: r.total, attachmentHits: r.hits.filter((h) => h.attachmentHit).map((h) => keyOf.get(h.id)!),
        snippets: r.hits.map((h) => h.snippet), notWholeWords: r.notWholeWords, synonyms: r.synonyms,
      };
    },
    drop: () => handle.drop(),
  };
}

describe('search relevance set', () => {
  const dbs: Loaded[] = [];
  beforeAll(async () => {
    for (const d of DIALECTS) dbs.push(await load(d));
  }, 120_000);
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('has at least 60 queries', () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(60);
  });

  it('puts the expected items in every query’s top 10, in the expected order', async () => {
    const failures: string[] = [];
    for (const d of dbs) {
      for (const query of RELEVANCE_QUERIES) {
        const { keys } = await d.run(query.q, 'relevance');
        const top = keys.slice(0, 10);
        const say = (what: string) => failures.push(`[${d.dialect}] ${query.q}: ${what} — got ${JSON.stringify(top)}`);
        if (query.none && keys.length) say('expected no result');
        for (const k of query.top10 ?? []) if (!top.includes(k)) say(`${k} not in top 10`);
        for (const k of query.top3 ?? []) if (!top.slice(0, 3).includes(k)) say(`${k} not in top 3`);
        if (query.first && top[0] !== query.first) say(`${query.first} should be first`);
        for (const [a, b] of query.above ?? []) if (!(keys.indexOf(a) >= 0 && (keys.indexOf(b) < 0 || keys.indexOf(a) < keys.indexOf(b)))) say(`${a} should rank above ${b}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('says when the words were found only in an attachment', async () => {
    for (const d of dbs) expect((await d.run('鼎盛建筑劳务', 'relevance')).attachmentHits).toEqual(['fj1']);
  });

  it('takes an attachment hit’s excerpt around the match in the attachment, the match marked, though its text spaces it apart', async () => {
    for (const d of dbs) {
      const r = await d.run('共2页', 'relevance');
      expect(r.attachmentHits).toEqual(['fj-pdf']);
      const hits = r.snippets[0].filter((p) => p.hit).map((p) => p.text);
      expect(hits, d.dialect).toEqual(['共 2 页']);
    }
  });

  it('says which keywords no candidate holds as a whole word, and which synonyms were searched too', async () => {
    for (const d of dbs) {
      // 积金 is only ever inside 公积金; 公积 is its start, the same thing named more fully (as 危房 of 危房改造);
      // 公积金 is a word, and its group adds 住房公积金.
      expect(await d.run('积金', 'relevance')).toMatchObject({ notWholeWords: ['积金'], synonyms: [] });
      expect(await d.run('公积', 'relevance')).toMatchObject({ notWholeWords: [], synonyms: [] });
      expect(await d.run('公积金', 'relevance')).toMatchObject({ notWholeWords: [], synonyms: [{ keyword: '公积金', added: ['住房公积金'] }] });
      // 低保 occurs nowhere as written: its synonym 最低生活保障 is a run of whole words, which counts.
      expect(await d.run('低保', 'relevance')).toMatchObject({ notWholeWords: [], synonyms: [{ keyword: '低保', added: ['最低生活保障'] }] });
      expect(await d.run('积金 缴存', 'relevance')).toMatchObject({ notWholeWords: ['积金'] });
      expect(await d.run('房改', 'newest')).toMatchObject({ notWholeWords: null });
      // A 文号 written the other way (with or without 第) is the same number, not a synonym: nothing is said.
      expect(await d.run('岚建〔2026〕第58号', 'relevance')).toMatchObject({ synonyms: [] });
    }
  });

  it('gives identical lists on SQLite and PostgreSQL for every query, by relevance and newest first', async () => {
    if (dbs.length < 2) return;
    const lists = async (d: Loaded) => {
      const out: Record<string, unknown> = {};
      for (const query of RELEVANCE_QUERIES) for (const sort of ['relevance', 'newest'] as const) out[`${sort}:${query.q}`] = await d.run(query.q, sort);
      return out;
    };
    expect(await lists(dbs[1])).toEqual(await lists(dbs[0]));
  });
});
