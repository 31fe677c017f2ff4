import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { asString, fieldErrorsOf, setFlash, pageQueryParam } from '../../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../../shared/iso-date.ts';
import { actorOf, requireStaff } from '../../../identity/index.ts';
import { buildTree } from '../../domain/catalog-tree.ts';
import { findCatalogNode, listCatalogNodes } from '../../storage/catalog-nodes-repository.ts';
import { findOrganByCode } from '../../storage/organs-repository.ts';
import { findPublication, listAttachments, pageForStaff } from '../../storage/publications-repository.ts';
import { addAttachment, attachmentPath, removeAttachment } from '../../use-cases/manage-attachments.ts';
import { findAttachment } from '../../storage/revision-attachments.ts';
import { addCatalogNode, removeCatalogNode, reorderCatalogNode, updateCatalogNode } from '../../use-cases/manage-catalog-nodes.ts';
import { linkToTask, performReviewVerb, reviewOverview, type Reminder } from '../../../review/index.ts';
import { createPublication, updatePublication } from '../../use-cases/save-publication.ts';
import { saveOrgan } from '../../use-cases/save-organ.ts';
import { CatalogAdminPage } from './catalog-admin-page.tsx';
import { DashboardPage } from './dashboard-page.tsx';
import { OrganFormPage, OrgansAdminPage, organFormValues } from './organ-form-page.tsx';
import { PublicationFormPage, publicationFormValues, revisionFormValues, type PublicationFormValues } from './publication-form-page.tsx';
import { PublicationsListPage } from './publications-list-page.tsx';
import { staffScope, type StaffScope } from './staff-scope.ts';

type Body = Record<string, unknown>;
const notFound = (what: string) => new DomainError('ERR_NOT_FOUND', `${what}不存在`, { httpStatus: 404 });

/**
 * The back office for organs, catalogs and publications. Post/redirect/get; failed forms re-render with what was typed.
 * `reminders`: what other areas want on the 工作台 (the same lines as on 待办, wired in src/main).
 */
export function catalogAdminRoutes(deps: AppDeps, opts: { reminders?: (request: FastifyRequest) => Promise<Reminder[]> } = {}) {
  const { db } = deps;

  async function organFor(scope: StaffScope, code: string, role: 'editor' | 'organ_admin') {
    const organ = await findOrganByCode(db, code);
    if (!organ) throw notFound('机关');
    if (role === 'organ_admin' ? !scope.canAdmin(organ) : !scope.editable.some((o) => o.id === organ.id)) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有该机关的权限', { httpStatus: 403 });
    }
    return organ;
  }

  async function renderPublicationForm(request: FastifyRequest, reply: FastifyReply, scope: StaffScope, publicationId: number | null, organCode: string, initialValues: PublicationFormValues | null, errors: Record<string, string>, status = 200) {
    let values = initialValues;
    const publication = publicationId ? await findPublication(db, publicationId) : null;
    // Every path that re-renders the form (a refused upload, a failed save) shows only an item the
    // person may edit: another organ's draft is "not found", never shown (test/security/).
    if (publicationId && (!publication || !scope.editable.some((o) => o.id === publication.organId))) throw notFound('信息');
    const organ = publication ? scope.organs.find((o) => o.id === publication.organId)! : await organFor(scope, organCode, 'editor');
    const nodes = await listCatalogNodes(db, organ.id);
    const attachments = publication ? await listAttachments(db, publication.id, 'all') : [];
    const review = publication ? await reviewOverview(deps, actorOf(request, 'web'), publication.id) : null;
    const taskId = Number((request.query as { task?: string }).task ?? (values as Record<string, unknown> | null)?.taskId) || null;
    if (!publication && taskId && !values) {
      const task = await db.selectFrom('submission_tasks').select(['node_id', 'title']).where('id', '=', taskId).executeTakeFirst();
      if (task?.node_id) values = { formedOn: chinaDateOf(deps.clock.now()), stage: 'execution', disclosureMode: 'proactive', disclosurePeriod: 'long_term', audience: 'public', validity: 'valid', docType: 'other', nodeIds: [String(task.node_id)] };
    }
    // A published item with an amendment under review shows the amendment (the published text is on the portal).
    const formValues = values ?? (review?.revision ? revisionFormValues(review.revision.input, review.revision.changeNote, publication!) : publication ? publicationFormValues(publication) : { formedOn: chinaDateOf(deps.clock.now()), stage: 'result', disclosureMode: 'proactive', disclosurePeriod: 'long_term', audience: 'public', validity: 'valid', docType: 'other' });
    return sendPage(reply, <PublicationFormPage scope={scope} organ={organ} nodes={nodes} values={formValues} errors={errors} publication={publication} attachments={attachments} review={review} taskId={taskId} />, status);
  }

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));

    app.get('/admin', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      const rows = await db.selectFrom('publications').select(['organ_id', 'status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['organ_id', 'status']).execute();
      const counts = new Map<number, { draft: number; published: number }>();
      for (const r of rows) {
        const c = counts.get(r.organ_id) ?? { draft: 0, published: 0 };
        if (r.status === 'draft' || r.status === 'published') c[r.status] = Number(r.n);
        counts.set(r.organ_id, c);
      }
      // 条例第二十六条: items published later than 20 working days after formation, this year.
      const year = chinaDateOf(deps.clock.now()).slice(0, 4);
      const lateRows = await db.selectFrom('publications').select(['organ_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('published_late', '=', 1).where('published_on', '>=', `${year}-01-01`).groupBy('organ_id').execute();
      const late = new Map(lateRows.map((r) => [r.organ_id, Number(r.n)]));
      const reminders = opts.reminders ? await opts.reminders(request) : [];
      return sendPage(reply, <DashboardPage scope={scope} counts={counts} late={late} year={year} reminders={reminders} />);
    });

    // Organs
    app.get('/admin/organs', async (request, reply) => sendPage(reply, <OrgansAdminPage scope={await staffScope(deps, request, reply)} />));
    app.get('/admin/organs/new', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      return sendPage(reply, <OrganFormPage scope={scope} values={{ kind: 'department', indexPattern: '{creditCode}/{yyyy}-{seq5}' }} errors={{}} editing={false} />);
    });
    app.post('/admin/organs/new', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      try {
        const organ = await saveOrgan(deps, actorOf(request, 'web'), request.body);
        setFlash(reply, `已创建机关“${organ.name}”`);
        return reply.redirect(`/admin/organs/${organ.code}/catalog`, 303);
      } catch (e) {
        return sendPage(reply, <OrganFormPage scope={scope} values={request.body as Record<string, string>} errors={fieldErrorsOf(e)} editing={false} />, 400);
      }
    });
    app.get<{ Params: { code: string } }>('/admin/organs/:code/edit', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      const organ = await organFor(scope, request.params.code, 'organ_admin');
      return sendPage(reply, <OrganFormPage scope={scope} values={organFormValues(organ, scope.organs)} errors={{}} editing />);
    });
    app.post<{ Params: { code: string } }>('/admin/organs/:code/edit', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      const organ = await organFor(scope, request.params.code, 'organ_admin');
      try {
        await saveOrgan(deps, actorOf(request, 'web'), { ...(request.body as Body), code: organ.code }, organ.id);
        setFlash(reply, '机关设置已保存');
        return reply.redirect(`/admin/organs/${organ.code}/edit`, 303);
      } catch (e) {
        return sendPage(reply, <OrganFormPage scope={scope} values={{ ...(request.body as Record<string, string>), code: organ.code }} errors={fieldErrorsOf(e)} editing />, 400);
      }
    });

    // Catalog tree
    const catalogPage = async (request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply, errors: Record<string, string>, values: Record<string, string> | null, editingId: number | null, status = 200) => {
      const scope = await staffScope(deps, request, reply);
      const organ = await organFor(scope, request.params.code, 'organ_admin');
      const nodes = await listCatalogNodes(db, organ.id);
      const editing = editingId ? nodes.find((n) => n.id === editingId) ?? null : null;
      const v = values ?? (editing ? { name: editing.name, parentId: editing.parentId ? String(editing.parentId) : '', isStandardDirectory: editing.isStandardDirectory ? 'on' : '', standardArea: editing.standardArea ?? '', description: editing.description } : {});
      return sendPage(reply, <CatalogAdminPage scope={scope} organ={organ} tree={buildTree(nodes)} nodes={nodes} errors={errors} values={v} editing={editing} />, status);
    };
    app.get<{ Params: { code: string }; Querystring: { edit?: string } }>('/admin/organs/:code/catalog', async (request, reply) =>
      catalogPage(request, reply, {}, null, Number(request.query.edit) || null),
    );
    app.post<{ Params: { code: string } }>('/admin/organs/:code/catalog', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      const organ = await organFor(scope, request.params.code, 'organ_admin');
      try {
        await addCatalogNode(deps, actorOf(request, 'web'), organ.id, request.body);
        setFlash(reply, `已新增栏目“${asString((request.body as Body).name)}”`);
        return reply.redirect(`/admin/organs/${organ.code}/catalog`, 303);
      } catch (e) {
        return catalogPage(request, reply, fieldErrorsOf(e), request.body as Record<string, string>, null, 400);
      }
    });
    app.post<{ Params: { code: string; id: string } }>('/admin/organs/:code/catalog/:id', async (request, reply) => {
      const id = Number(request.params.id);
      try {
        await updateCatalogNode(deps, actorOf(request, 'web'), id, request.body);
        setFlash(reply, '栏目已保存');
        return reply.redirect(`/admin/organs/${request.params.code}/catalog`, 303);
      } catch (e) {
        return catalogPage(request, reply, fieldErrorsOf(e), request.body as Record<string, string>, id, 400);
      }
    });
    for (const direction of ['up', 'down'] as const) {
      app.post<{ Params: { code: string; id: string } }>(`/admin/organs/:code/catalog/:id/${direction}`, async (request, reply) => {
        await reorderCatalogNode(deps, actorOf(request, 'web'), Number(request.params.id), direction);
        return reply.redirect(`/admin/organs/${request.params.code}/catalog`, 303);
      });
    }
    app.post<{ Params: { code: string; id: string } }>('/admin/organs/:code/catalog/:id/delete', async (request, reply) => {
      const node = await findCatalogNode(db, Number(request.params.id));
      try {
        await removeCatalogNode(deps, actorOf(request, 'web'), Number(request.params.id));
        setFlash(reply, `已删除栏目“${node?.name ?? ''}”`);
        return reply.redirect(`/admin/organs/${request.params.code}/catalog`, 303);
      } catch (e) {
        return catalogPage(request, reply, fieldErrorsOf(e), null, null, 409);
      }
    });

    // Publications
    app.get<{ Querystring: { organ?: string; status?: string; q?: string; page?: string } }>('/admin/publications', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      const organCode = request.query.organ ?? '';
      const status = ['draft', 'published', 'withdrawn'].includes(request.query.status ?? '') ? request.query.status! : '';
      const organIds = organCode ? scope.editable.filter((o) => o.code === organCode).map((o) => o.id) : scope.editable.map((o) => o.id);
      const page = pageQueryParam(request.query.page);
      const q = (request.query.q ?? '').trim().slice(0, 100);
      const { items, total } = await pageForStaff(db, { organIds, status: (status || undefined) as never, q: q || undefined, page, pageSize: 30 });
      return sendPage(reply, <PublicationsListPage scope={scope} organCode={organCode} status={status} q={q} items={items} total={total} page={page} pageSize={30} />);
    });
    app.get<{ Params: { code: string } }>('/admin/organs/:code/publications/new', async (request, reply) =>
      renderPublicationForm(request, reply, await staffScope(deps, request, reply), null, request.params.code, null, {}),
    );
    app.post<{ Params: { code: string } }>('/admin/organs/:code/publications/new', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      const organ = await organFor(scope, request.params.code, 'editor');
      try {
        const p = await createPublication(deps, actorOf(request, 'web'), organ.id, request.body);
        const taskId = Number(asString((request.body as Body).taskId)) || null;
        if (taskId) await linkToTask(deps, actorOf(request, 'web'), p.id, taskId);
        setFlash(reply, '草稿已保存。请填写下方的保密审查表后报送审核');
        return reply.redirect(`/admin/publications/${p.id}`, 303);
      } catch (e) {
        return renderPublicationForm(request, reply, scope, null, organ.code, request.body as PublicationFormValues, fieldErrorsOf(e), 400);
      }
    });
    app.get<{ Params: { id: string } }>('/admin/publications/:id', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      const p = await findPublication(db, Number(request.params.id) || 0);
      if (!p || !scope.editable.some((o) => o.id === p.organId)) throw notFound('信息');
      return renderPublicationForm(request, reply, scope, p.id, '', null, {});
    });
    app.post<{ Params: { id: string } }>('/admin/publications/:id', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      const id = Number(request.params.id) || 0;
      const body = request.body as Body;
      try {
        const current = await findPublication(db, id);
        if (current?.status === 'published') {
          await performReviewVerb(deps, actorOf(request, 'web'), id, 'amend', { amended: body, changeNote: asString(body.changeNote), expectedVersion: Number(asString(body.expectedVersion)) || undefined });
          setFlash(reply, '修订已保存并报送审核：经发布人审核通过后替换已发布的内容，此前门户仍显示现行版本');
        } else {
          await updatePublication(deps, actorOf(request, 'web'), id, body, Number(asString(body.expectedVersion)) || undefined);
          setFlash(reply, '已保存');
        }
        return reply.redirect(`/admin/publications/${id}`, 303);
      } catch (e) {
        return renderPublicationForm(request, reply, scope, id, '', body as PublicationFormValues, fieldErrorsOf(e), 400);
      }
    });
    app.post<{ Params: { id: string } }>('/admin/publications/:id/attachments', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      const id = Number(request.params.id) || 0;
      try {
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file || !file.filename) throw new DomainError('ERR_CATALOG_ATTACHMENT_EMPTY', '请选择要上传的文件', { field: 'file' });
        const bytes = await file.toBuffer();
        await addAttachment(deps, actorOf(request, 'web'), id, { fileName: file.filename, bytes });
        setFlash(reply, `已上传附件“${file.filename}”`);
        return reply.redirect(`/admin/publications/${id}`, 303);
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return renderPublicationForm(request, reply, scope, id, '', null, { file: '附件不能超过 50 MB' }, 413);
        return renderPublicationForm(request, reply, scope, id, '', null, fieldErrorsOf(e), 400);
      }
    });
    // Staff read an attachment before it is public (a draft's, or one a pending revision adds).
    app.get<{ Params: { id: string } }>('/admin/attachments/:id', async (request, reply) => {
      const scope = await staffScope(deps, request, reply);
      const row = await findAttachment(db, Number(request.params.id) || 0);
      const owner = row ? await findPublication(db, row.publication_id) : null;
      if (!row || !owner || !scope.editable.some((o) => o.id === owner.organId)) throw notFound('附件');
      const file = attachmentPath(deps.dataDir, row.storage_key);
      if (!fs.existsSync(file)) throw notFound('附件文件');
      return reply
        .type(row.mime_type)
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
        .header('Content-Length', row.size_bytes)
        .send(fs.createReadStream(file));
    });
    app.post<{ Params: { id: string } }>('/admin/attachments/:id/delete', async (request, reply) => {
      const row = await db.selectFrom('attachments').select('publication_id').where('id', '=', Number(request.params.id) || 0).executeTakeFirst();
      if (!row) throw notFound('附件');
      await removeAttachment(deps, actorOf(request, 'web'), Number(request.params.id));
      setFlash(reply, '附件已删除');
      return reply.redirect(`/admin/publications/${row.publication_id}`, 303);
    });
  };
}
