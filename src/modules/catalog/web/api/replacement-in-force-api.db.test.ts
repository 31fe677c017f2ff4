import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, system } from '../../../../../test/support/factories.ts';
import { registerOpenApi, registerOpenApiDocs } from '../../../../main/openapi.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { createHttpServer } from '../../../../platform/http/http-server.ts';
import { performReviewVerb } from '../../../review/index.ts';
import { catalogApi } from './catalog-api.ts';

const opened: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

async function apiFor(deps: AppDeps) {
  const app = await createHttpServer({ logger: pino({ level: 'silent' }), htmlErrorPage: () => '', maxUploadBytes: 1024 * 1024 });
  await registerOpenApi(app);
  await app.register(catalogApi(deps), { prefix: '/api/v1' });
  await registerOpenApiDocs(app);
  await app.ready();
  opened.push(app);
  return app;
}

/**
 * A program reading a repealed item had only its direct replacement (replacedById), which may be repealed in its
 * turn — the trap the 效力 banner fell into. The item also names the document in force at the end of the line
 * (inForceReplacement), by the banner's rule, or null where the line ends at nothing in force.
 */
describeEachDialect('catalog API: the document in force that replaces an item (inForceReplacement)', (db) => {
  it('names the document in force at the end of the replacement line; null for one in force, at a circle, or past an unpublished one', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const first = await createPublished(deps, organ.id, [node], { title: '供水管理办法', documentNumber: '测水规〔2024〕1号' });
    const second = await createPublished(deps, organ.id, [node], { title: '供水管理办法（第二版）', documentNumber: '测水规〔2025〕2号' });
    const third = await createPublished(deps, organ.id, [node], { title: '供水管理办法（第三版）', documentNumber: '测水规〔2026〕3号' });
    await performReviewVerb(deps, system, first.id, 'repeal', { comment: '由第二版替代', replacedById: second.id });
    await performReviewVerb(deps, system, second.id, 'repeal', { comment: '由第三版替代', replacedById: third.id });
    const api = await apiFor(deps);
    const item = async (id: number) => (await api.inject({ method: 'GET', url: `/api/v1/publications/${id}` })).json();
    const inForce = (d: typeof third) => ({
      id: d.id, title: d.title, organCode: organ.code, documentNumber: d.documentNumber, publishedOn: d.publishedOn, url: `/organs/${organ.code}/items/${d.id}`,
    });

    expect(await item(first.id)).toMatchObject({ validity: 'repealed', replacedById: second.id, inForceReplacement: inForce(third) });
    expect(await item(second.id)).toMatchObject({ validity: 'repealed', replacedById: third.id, inForceReplacement: inForce(third) });
    expect(await item(third.id)).toMatchObject({ validity: 'valid', replacedById: null, inForceReplacement: null });

    // A circle recorded by mistake: nothing in force at the end, so nothing is called in force.
    await performReviewVerb(deps, system, third.id, 'repeal', { comment: '恢复第二版', replacedById: second.id });
    expect(await item(first.id)).toMatchObject({ replacedById: second.id, inForceReplacement: null });

    // A line whose next document is not published stops at the last published one, which is not in force.
    const fourth = await createPublished(deps, organ.id, [node], { title: '供水管理办法（第四版）' });
    const fifth = await createPublished(deps, organ.id, [node], { title: '供水管理办法（第五版）' });
    await performReviewVerb(deps, system, fourth.id, 'repeal', { comment: '由第五版替代', replacedById: fifth.id });
    expect(await item(fourth.id)).toMatchObject({ replacedById: fifth.id, inForceReplacement: inForce(fifth) });
    await performReviewVerb(deps, system, fifth.id, 'withdraw', { withdrawReason: 'published_in_error' });
    expect(await item(fourth.id)).toMatchObject({ replacedById: fifth.id, inForceReplacement: null });

    const spec = JSON.stringify((await api.inject({ method: 'GET', url: '/api/openapi.json' })).json());
    expect(spec).toContain('"inForceReplacement"');
  });
});
