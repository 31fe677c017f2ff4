import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { actorOf, requireApiToken } from '../../../identity/index.ts';
import { lastInspections } from '../../use-cases/inspection-runs.ts';
import { addWordingRule, removeWordingRule, wordingRulesOf, type WordingRule } from '../../use-cases/wording-rules.ts';

const tags = ['supervision'];
const security = [{ bearerAuth: [] }];
const reason = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
const errorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), reasons: z.array(reason) }) });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, { description: `错误 ${c}，reasons 列出全部原因 / error`, content: { 'application/json': { schema: errorAnswer } } }]));
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });

const rule = z.object({ id: z.number().int(), organId: z.number().int(), wrongPhrase: z.string(), correctPhrase: z.string(), note: z.string(), createdAt: z.string() });
const asJson = (r: WordingRule) => ({ id: r.id, organId: r.organId, wrongPhrase: r.wrongPhrase, correctPhrase: r.correctPhrase, note: r.note, createdAt: r.createdAt });
const finding = z.object({ kind: z.string(), title: z.string(), detail: z.string(), responsible: z.string().describe('责任单位 / who must fix it'), href: z.string() });
const codeParams = z.object({ code: z.string().describe('机关代码 / organ code') });

/**
 * Supervision over JSON (docs/rules/website-inspection.md): an organ's list of serious wording errors
 * (read by its staff; kept by its disclosure office and administrator) and its last stored inspection.
 */
export const supervisionApi = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/organs/:code/wording-rules', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '严重表述错误清单（本机关的和上级机关的）', security, params: codeParams,
      response: { 200: json('清单 / the list', z.object({ own: z.array(rule), inherited: z.array(rule) })), ...errors(401, 403, 404) },
    },
  }, async (request) => {
    const r = await wordingRulesOf(deps, actorOf(request, 'api'), request.params.code);
    return { own: r.own.map(asJson), inherited: r.inherited.map(asJson) };
  });

  app.post('/organs/:code/wording-rules', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '添加一条严重表述错误（错误表述 → 正确表述）', security, params: codeParams,
      body: z.object({ wrongPhrase: z.string(), correctPhrase: z.string(), note: z.string().optional() }),
      response: { 201: json('已添加 / added', rule), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const r = await addWordingRule(deps, actorOf(request, 'api'), request.params.code, request.body);
    return reply.code(201).send(asJson(r));
  });

  app.delete('/organs/:code/wording-rules/:id', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '删除一条严重表述错误', security, params: codeParams.extend({ id: z.coerce.number().int().positive() }),
      response: { 204: z.undefined().describe('已删除 / removed'), ...errors(401, 403, 404) },
    },
  }, async (request, reply) => {
    await removeWordingRule(deps, actorOf(request, 'api'), request.params.code, request.params.id);
    return reply.code(204).send();
  });

  app.get('/organs/:code/inspection', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '最近一次网站检查的结论和问题', security, params: codeParams,
      response: {
        200: json('最近一次检查；从未检查时 run 为 null / the last run', z.object({
          run: z.object({
            finishedAt: z.string(), trigger: z.enum(['schedule', 'manual', 'cli']), externalLinksChecked: z.boolean(),
            vetoed: z.boolean(), score: z.number().nullable(), failedVetoes: z.array(z.string()), findings: z.array(finding),
          }).nullable(),
        })),
        ...errors(401, 404),
      },
    },
  }, async (request) => {
    // Reading the wording list checks that the token holder works for the organ (404 otherwise).
    const { organ } = await wordingRulesOf(deps, actorOf(request, 'api'), request.params.code);
    const last = (await lastInspections(deps, [organ.code])).get(organ.code);
    if (!last) return { run: null };
    const v = last.organ.verdict;
    return {
      run: {
        finishedAt: last.finishedAt, trigger: last.trigger, externalLinksChecked: last.result.externalLinksChecked,
        vetoed: v.vetoed, score: v.score, failedVetoes: v.vetoes.filter((x) => x.failed).map((x) => x.rule), findings: last.organ.findings,
      },
    };
  });
};
