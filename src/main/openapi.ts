import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type SwaggerTransformArg = Parameters<typeof jsonSchemaTransform>[0];
type SwaggerTransformObjectArg = Parameters<typeof jsonSchemaTransformObject>[0];
type SchemaMap = Record<string, unknown>;

/** Only the JSON API belongs in the OpenAPI document; HTML pages of the portal and back office stay out. */
function apiOnlyTransform(arg: SwaggerTransformArg) {
  if (!arg.url.startsWith('/api/')) return { schema: { ...arg.schema, hide: true }, url: arg.url };
  return withoutSafeIntegerBounds(jsonSchemaTransform(arg));
}

/**
 * zod writes the safe-integer range (±9007199254740991) as the bounds of every .int() — noise an outside tester read as a
 * rule on `total` and `page`. Those two bounds are dropped; a bound the API states (page ≥ 1) stays.
 */
function withoutSafeIntegerBounds<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSafeIntegerBounds) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if ((key === 'minimum' && v === Number.MIN_SAFE_INTEGER) || (key === 'maximum' && v === Number.MAX_SAFE_INTEGER)) continue;
    out[key] = withoutSafeIntegerBounds(v);
  }
  return out as T;
}

/**
 * Adds the zod schemas registered with an id as components, keeping only those the paths reach: the
 * registry also yields an unused "…Input" copy of every response schema, which would clutter the reference.
 */
function reachableComponents(arg: SwaggerTransformObjectArg) {
  const doc = withoutSafeIntegerBounds(jsonSchemaTransformObject(arg)) as { paths?: unknown; components?: { schemas?: SchemaMap } };
  const all = doc.components?.schemas ?? {};
  const refsIn = (v: unknown) => [...JSON.stringify(v ?? null).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
  const keep = new Set<string>();
  for (const queue = refsIn(doc.paths); queue.length > 0; ) {
    const name = queue.pop()!;
    if (keep.has(name) || !(name in all)) continue;
    keep.add(name);
    queue.push(...refsIn(all[name]));
  }
  const schemas = Object.fromEntries(Object.entries(all).filter(([name]) => keep.has(name)));
  return { ...doc, components: { ...doc.components, schemas } } as ReturnType<typeof jsonSchemaTransformObject>;
}

/**
 * Collects every route registered after it into the OpenAPI 3 document (zod schemas are turned into
 * JSON Schema by fastify-type-provider-zod). Call it BEFORE registering routes.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'gongkai 政府信息公开平台 API',
        description:
          '机关、主动公开目录和政府信息的 JSON 接口。读取公开数据无需认证；写操作需在 Authorization 头中提供 Bearer API 令牌' +
          '（`./bin/gongkai token create --user 用户名 --name 用途`）。错误响应统一为 `{ error: { code, message, field?, reasons } }`。',
        version: '1.0.0',
      },
      tags: [
        { name: 'organs', description: '机关 / organs' },
        { name: 'site', description: '网站标识与备案信息 / the portal’s identity and filing data' },
        { name: 'catalog', description: '主动公开目录 / catalog nodes' },
        { name: 'publications', description: '政府信息 / publications' },
        { name: 'letters', description: '部门信箱 / department mailbox' },
        { name: 'consultations', description: '意见征集 / public consultation' },
        { name: 'proposals', description: '建议提案办理（人大代表建议、政协提案）/ deputies’ suggestions and members’ proposals' },
        { name: 'tokens', description: 'API 令牌 / API tokens' },
        { name: 'supervision', description: '监督检查 / supervision' },
        { name: 'transfer', description: '导入与导出 / content import and export (docs/import-export.md)' },
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'API 令牌（gk_…） / API token' },
        },
      },
    },
    transform: apiOnlyTransform,
    transformObject: reachableComponents,
  });
}

/**
 * Serves the document at /api/openapi.json and the browsable reference at /api/docs (Swagger UI with
 * its bundled assets, no network). Call it AFTER the routes are registered.
 */
export async function registerOpenApiDocs(app: FastifyInstance): Promise<void> {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(async (docs) => {
    docs.addHook('onSend', async (_request, reply, payload) => (typeof payload === 'string' && String(reply.getHeader('content-type')).startsWith('text/html') ? mobileReady(payload) : payload));
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      // Without Swagger UI's top bar: its Swagger logo is an SVG with a <style> of its own, which the site's
      // Content-Security-Policy refuses (a console error on every visit); the bar holds nothing else this page
      // needs (the one document's address). The policy stays the site's, with no exception for this page.
      uiConfig: { docExpansion: 'list', deepLinking: true, layout: 'BaseLayout' },
      theme: { title: 'gongkai API 参考' },
    });
  });
}

/**
 * Swagger UI's page has no viewport meta, so a phone lays it out 980 px wide and shrinks it; it gets the
 * one every portal page has (and says it is in Chinese, as its title is).
 */
function mobileReady(html: string): string {
  return html
    .replace('<meta charset="UTF-8">', '<meta charset="UTF-8">\n      <meta name="viewport" content="width=device-width, initial-scale=1">')
    .replace('<html lang="en">', '<html lang="zh-CN">');
}
