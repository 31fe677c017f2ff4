import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { asString, fieldErrorsOf, setFlash } from '../../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError, isDomainError } from '../../../../shared/domain-error.ts';
import { actorOf } from '../../../identity/index.ts';
import { pathTo } from '../../domain/catalog-tree.ts';
import { listCatalogNodes } from '../../storage/catalog-nodes-repository.ts';
import { listDirectoryMatters } from '../../storage/directory-matters-repository.ts';
import { findDirectoryTemplate, listDirectoryTemplates } from '../../use-cases/directory-templates.ts';
import { importStandardDirectory, importSummaryText } from '../../use-cases/import-standard-directory.ts';
import { staffContext } from '../staff-context.ts';
import { StandardDirectoryPage, type ImportedArea } from './standard-directory-page.tsx';
import { MatterCoveragePage } from './matter-coverage-page.tsx';
import { matterCoverage } from '../../use-cases/matter-coverage.ts';

type Params = { Params: { code: string } };

/**
 * 标准目录 in the back office: an organ administrator imports a template into the organ's catalog, and
 * the organ's staff see which required 事项 have no published item yet (linked from supervision).
 */
export function standardDirectoryAdminRoutes(deps: AppDeps) {
  const { db } = deps;
  return async function plugin(app: FastifyInstance) {
    const page = async (request: FastifyRequest<Params>, reply: FastifyReply, errors: Record<string, string>, values: Record<string, string>, status = 200) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'organ_admin');
      const [nodes, matters] = await Promise.all([listCatalogNodes(db, organ.id), listDirectoryMatters(db, organ.id)]);
      const templates = listDirectoryTemplates();
      const imported: ImportedArea[] = [...new Set(matters.map((m) => m.templateId))].map((templateId) => {
        const own = matters.filter((m) => m.templateId === templateId);
        // The area node: the topmost node of the 事项's area above the first 事项's node.
        const path = pathTo(nodes, own[0].nodeId);
        const area = path.find((n) => n.isStandardDirectory && n.standardArea === path[path.length - 1].standardArea) ?? path[0];
        return { templateId, area: area.standardArea ?? area.name, matters: own.length, nodePath: pathTo(nodes, area.id).map((n) => n.name) };
      });
      return sendPage(reply, <StandardDirectoryPage scope={scope} organ={organ} templates={templates} nodes={nodes} imported={imported} errors={errors} values={values} />, status);
    };
    app.get<Params>('/admin/organs/:code/standard-directories', async (request, reply) => page(request, reply, {}, {}));
    app.get<Params>('/admin/organs/:code/supervision/matters', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'staff');
      const coverage = await matterCoverage(db, organ.id);
      return sendPage(reply, <MatterCoveragePage user={scope.user} csrf={scope.csrf} flash={scope.flash} organ={organ} coverage={coverage} canImport={scope.canAdmin(organ)} />);
    });
    app.post<Params>('/admin/organs/:code/standard-directories', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'organ_admin');
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = { templateId: asString(body.templateId), underNodeId: asString(body.underNodeId) };
      try {
        if (!values.templateId) throw new DomainError('ERR_VALIDATION', '请选择要导入的标准目录模板', { field: 'templateId' });
        const template = (() => {
          try {
            return findDirectoryTemplate(values.templateId);
          } catch (e) {
            // A form names a template from the list: an unknown one is a mistake to show by the field.
            if (isDomainError(e) && e.code === 'ERR_CATALOG_TEMPLATE_NOT_FOUND') throw new DomainError(e.code, e.message, { field: 'templateId' });
            throw e;
          }
        })();
        const under = values.underNodeId ? Number(values.underNodeId) : null;
        if (under !== null && !(Number.isInteger(under) && under > 0)) throw new DomainError('ERR_VALIDATION', '导入位置应为栏目编号', { field: 'underNodeId' });
        const r = await importStandardDirectory(deps, actorOf(request, 'web'), organ.id, template, under);
        setFlash(reply, `已导入“${template.area}”标准目录：${importSummaryText(r)}`);
        return reply.redirect(`/admin/organs/${organ.code}/standard-directories`, 303);
      } catch (e) {
        return page(request, reply, fieldErrorsOf(e), values, 400);
      }
    });
  };
}
