import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { actorOf, requireApiToken } from '../../../identity/index.ts';
import { addAttachment, createPublication, listAttachments, updatePublication } from '../../index.ts';
import { jsonObjectBody, withoutNulls } from './api-access.ts';
import type { Publication } from '../../domain/publication.ts';
import { organByCode } from '../../use-cases/organ-by-code.ts';
import { docTypeWarningsOf, policyUnpublishedWarningsOf } from '../../use-cases/doc-type-warnings-of.ts';
import { attachment, attachmentUploadBody, publicationBody, publicationPutBody, publicationWriteAnswer } from './publication-schemas.ts';
import { publicationJson } from './publications-routes.ts';
import { presentAttachment } from './presenters.ts';
import { readUploadedFile } from './uploaded-file.ts';
import { errorResponses, jsonResponse, organCodeParams, publicationIdParams } from './schemas.ts';

const tags = ['publications'];
const security = [{ bearerAuth: [] }];

const expectedVersionSchema = z.object({
  expectedVersion: z.coerce.number({ error: 'expectedVersion 应为正整数' }).int({ error: 'expectedVersion 应为正整数' }).positive({ error: 'expectedVersion 应为正整数' }).optional(),
});

/**
 * A saved item as the API shows it to staff, with the warnings its form would tell (never a refusal): its 文件类型's, and a
 * 政策解读's policies not yet published.
 */
const writeAnswer = async (deps: AppDeps, p: Publication) => ({
  ...(await publicationJson(deps, p, { staff: true })), warnings: [...await docTypeWarningsOf(deps.db, p), ...await policyUnpublishedWarningsOf(deps.db, p)],
});


/** `afterItemChanged`: what follows an item's change in other areas (catalogApi's option of that name). */
export const publicationWritesRoutes = (deps: AppDeps, afterItemChanged: (publicationId: number) => Promise<void>): FastifyPluginAsyncZod => async (app) => {
  app.post('/organs/:code/publications', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '新建信息（草稿）', description: '须本机关信息员或管理员。/ Create a draft in the organ\'s catalog (editor or admin).', security,
      params: organCodeParams, body: publicationBody, response: { 201: jsonResponse('新建的草稿及文件类型提示 / the new draft with its 文件类型 warnings', publicationWriteAnswer), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const organ = await organByCode(deps.db, request.params.code);
    const created = await createPublication(deps, actorOf(request, 'api'), organ.id, withoutNulls(jsonObjectBody(request.body)));
    return reply.status(201).send(await writeAnswer(deps, created));
  });

  app.put('/publications/:id', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '修改信息元数据',
      description:
        '整体替换元数据和所在栏目；带 expectedVersion 时若已被他人修改返回 409。状态只能通过发布等动作改变。' +
        '/ Replace the metadata; with expectedVersion a concurrent change answers 409. Status changes only through its verbs.',
      security, params: publicationIdParams, body: publicationPutBody, response: { 200: jsonResponse('修改后的信息及文件类型提示 / the publication after the edit with its 文件类型 warnings', publicationWriteAnswer), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const body = withoutNulls(jsonObjectBody(request.body));
    const { expectedVersion } = expectedVersionSchema.parse(body);
    const { expectedVersion: _checkedAbove, ...fields } = body;
    const updated = await updatePublication(deps, actorOf(request, 'api'), request.params.id, fields, expectedVersion);
    await afterItemChanged(updated.id);
    return writeAnswer(deps, updated);
  });

  app.post('/publications/:id/attachments', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '上传附件', description: 'multipart/form-data，字段名 file；可在其前加字段 title（附件名称）。/ Upload one file in the multipart field `file`, optionally titled by a `title` field sent before it.', security,
      consumes: ['multipart/form-data'], params: publicationIdParams, body: attachmentUploadBody,
      response: { 201: jsonResponse('已保存的附件 / the stored attachment', attachment), ...errorResponses(400, 401, 403, 404, 413) },
    },
  }, async (request, reply) => {
    const id = await addAttachment(deps, actorOf(request, 'api'), request.params.id, await readUploadedFile(request));
    await afterItemChanged(request.params.id);
    const stored = (await listAttachments(deps.db, request.params.id)).find((a) => a.id === id)!;
    return reply.status(201).send(presentAttachment(stored));
  });
};
