import { expect, it } from 'vitest';
import { buildTestApp } from '../../test/support/app.ts';
import { describeEachDialect } from '../../test/support/db.ts';

/**
 * An integer field of the OpenAPI document says it is an integer, and bounds only where the API has them: an outside
 * tester read `minimum: -9007199254740991, maximum: 9007199254740991` on the search's `total` and `page` (zod's safe
 * integer range, written out for every .int()) — noise that reads like a rule.
 */
describeEachDialect('the OpenAPI document', (db) => {
  it('carries no safe-integer bounds, and keeps the bounds the API states', async () => {
    const { app } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('9007199254740991');
    const search = res.json().paths['/api/v1/search'].get;
    const page = search.parameters.find((p: { name: string }) => p.name === 'page');
    expect(page.schema.type).toBe('integer');
    expect(page.schema.minimum).toBe(1);
    await app.close();
  });
});
