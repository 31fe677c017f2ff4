import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { asString, fieldErrorsOf, setFlash } from '../../../../platform/views/admin-helpers.ts';
import type { Reminder } from '../../../../platform/views/reminders.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../../shared/iso-date.ts';
import { actorOf, requireStaff } from '../../../identity/index.ts';
import { buildTree } from '../../domain/catalog-tree.ts';
import { findCatalogNode, listCatalogNodes } from '../../storage/catalog-nodes-repository.ts';
import { listDirectoryMatters, publishedCountsByMatter } from '../../storage/directory-matters-repository.ts';
import { draftAndPublishedCounts, lateCountsSince, submittedCounts, submittedLateCountsSince } from '../../storage/publications-repository.ts';
import { addCatalogNode, removeCatalogNode, reorderCatalogNode, updateCatalogNode } from '../../use-cases/manage-catalog-nodes.ts';
import { saveOrgan } from '../../use-cases/save-organ.ts';
import { CatalogAdminPage, type NodeMatters } from './catalog-admin-page.tsx';
import { DashboardPage, submitsOnly } from './dashboard-page.tsx';
import { OrganFormPage, OrgansAdminPage, organFormValues } from './organ-form-page.tsx';
import { staffContext } from '../staff-context.ts';
import { interpretationAdminRoutes } from './interpretation-routes.tsx';
import { standardDirectoryAdminRoutes } from './standard-directory-routes.tsx';
import { catalogChangeRoutes } from './catalog-change-routes.tsx';

type Body = Record<string, unknown>;

/**
 * The back office for organs and their catalogs, and the 工作台 (the items themselves: review's editor routes). Post/redirect/get; failed forms re-render with what was typed.
 * `reminders`: what other areas want on the 工作台 (the same lines as on 待办, wired in src/main).
 */
export function catalogAdminRoutes(deps: AppDeps, opts: { reminders?: (request: FastifyRequest) => Promise<Reminder[]>; onOrgansChanged?: () => void } = {}) {
  const { db } = deps;

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));
    // 政策解读: the policies waiting for one, and the organ's setting.
    await app.register(interpretationAdminRoutes(deps));
    // 基层政务公开标准目录: importing a template into the organ's catalog.
    await app.register(standardDirectoryAdminRoutes(deps));
    // Rename, move, merge and split nodes with a preview, and the catalog's history (issue 17).
    await app.register(catalogChangeRoutes(deps));

    app.get('/admin', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const hasCatalog = await scope.hasCatalog();
      const counts = await draftAndPublishedCounts(db);
      // A unit without catalog (股室): what it submitted to its organ's catalog (报送单位), as its row says.
      const units = scope.staffOf.filter((o) => submitsOnly(o, hasCatalog)).map((o) => o.id);
      const submitted = await submittedCounts(db, units);
      // 条例第二十六条: items published later than 20 working days after formation, this year.
      const year = chinaDateOf(deps.clock.now()).slice(0, 4);
      const late = await lateCountsSince(db, `${year}-01-01`);
      for (const [unit, n] of await submittedLateCountsSince(db, units, `${year}-01-01`)) late.set(unit, n);
      const reminders = opts.reminders ? await opts.reminders(request) : [];
      return sendPage(reply, <DashboardPage scope={scope} hasCatalog={hasCatalog} counts={counts} submitted={submitted} late={late} year={year} reminders={reminders} />);
    });

    // Organs
    // 机关与目录 manages organs' settings and catalogs: the menu offers it to administrators only (settleStaffMenu), and so does the page.
    app.get('/admin/organs', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      if (scope.adminOf.length === 0) {
        throw new DomainError('ERR_AUTH_FORBIDDEN', '机关与目录用于管理机关设置和公开目录，只有机关管理员可以使用；新建信息和政策解读请从工作台进入', { httpStatus: 403 });
      }
      return sendPage(reply, <OrgansAdminPage scope={scope} />);
    });
    app.get('/admin/organs/new', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      return sendPage(reply, <OrganFormPage scope={scope} values={{ kind: 'department', indexPattern: '{creditCode}/{yyyy}-{seq5}' }} errors={{}} editing={false} />);
    });
    app.post('/admin/organs/new', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      try {
        const organ = await saveOrgan(deps, actorOf(request, 'web'), request.body);
        opts.onOrgansChanged?.();
        setFlash(reply, `已创建机关“${organ.name}”`);
        return reply.redirect(`/admin/organs/${organ.code}/catalog`, 303);
      } catch (e) {
        return sendPage(reply, <OrganFormPage scope={scope} values={request.body as Record<string, string>} errors={fieldErrorsOf(e)} editing={false} />, 400);
      }
    });
    app.get<{ Params: { code: string } }>('/admin/organs/:code/edit', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'organ_admin');
      return sendPage(reply, <OrganFormPage scope={scope} values={organFormValues(organ, scope.organs)} errors={{}} editing />);
    });
    app.post<{ Params: { code: string } }>('/admin/organs/:code/edit', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'organ_admin');
      try {
        await saveOrgan(deps, actorOf(request, 'web'), { ...(request.body as Body), code: organ.code }, organ.id);
        opts.onOrgansChanged?.();
        setFlash(reply, '机关设置已保存');
        return reply.redirect(`/admin/organs/${organ.code}/edit`, 303);
      } catch (e) {
        return sendPage(reply, <OrganFormPage scope={scope} values={{ ...(request.body as Record<string, string>), code: organ.code }} errors={fieldErrorsOf(e)} editing />, 400);
      }
    });

    // Catalog tree
    const catalogPage = async (request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply, errors: Record<string, string>, values: Record<string, string> | null, editingId: number | null, status = 200) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'organ_admin');
      const [nodes, matterList, counts] = await Promise.all([listCatalogNodes(db, organ.id), listDirectoryMatters(db, organ.id), publishedCountsByMatter(db, organ.id)]);
      // Each node's required 事项 with how many published items fulfil each (docs/standard-directories.md).
      const matters: NodeMatters = new Map();
      for (const m of matterList) matters.set(m.nodeId, [...(matters.get(m.nodeId) ?? []), { matter: m, items: counts.get(m.id)?.items ?? 0 }]);
      const editing = editingId ? nodes.find((n) => n.id === editingId) ?? null : null;
      const v = values ?? (editing ? { name: editing.name, parentId: editing.parentId ? String(editing.parentId) : '', isStandardDirectory: editing.isStandardDirectory ? 'on' : '', standardArea: editing.standardArea ?? '', description: editing.description } : {});
      return sendPage(reply, <CatalogAdminPage scope={scope} organ={organ} tree={buildTree(nodes)} nodes={nodes} errors={errors} values={v} editing={editing} matters={matters} />, status);
    };
    app.get<{ Params: { code: string }; Querystring: { edit?: string } }>('/admin/organs/:code/catalog', async (request, reply) =>
      catalogPage(request, reply, {}, null, Number(request.query.edit) || null),
    );
    app.post<{ Params: { code: string } }>('/admin/organs/:code/catalog', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'organ_admin');
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

  };
}
