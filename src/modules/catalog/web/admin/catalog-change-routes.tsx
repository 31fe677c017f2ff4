import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { asString, asStrings, fieldErrorsOf, pageQueryParam, setFlash } from '../../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { actorOf } from '../../../identity/index.ts';
import { CATALOG_CHANGE_KINDS, type CatalogChangeKind, type CatalogChangeRequest } from '../../domain/catalog-change.ts';
import type { Organ } from '../../domain/organ.ts';
import { itemsPlacedIn, pageCatalogChanges } from '../../storage/catalog-changes-repository.ts';
import { listCatalogNodes } from '../../storage/catalog-nodes-repository.ts';
import { applyCatalogChange, previewCatalogChange } from '../../use-cases/change-catalog.ts';
import { staffContext } from '../staff-context.ts';
import { CatalogChangeFormPage, CatalogChangePreviewPage, CatalogHistoryPage } from './catalog-change-pages.tsx';

type Values = Record<string, string | string[]>;
const HISTORY_PAGE_SIZE = 30;

/** The form's fields as they travel from the preview to the confirmation (hidden inputs) and back. */
function fieldsOf(r: CatalogChangeRequest): [string, string][] {
  const out: [string, string][] = [['kind', r.kind], ['nodeId', String(r.nodeId)]];
  if (r.kind === 'rename') out.push(['name', r.name]);
  if (r.kind === 'move') out.push(['parentId', r.parentId === null ? '' : String(r.parentId)]);
  if (r.kind === 'merge') out.push(['intoId', String(r.intoId)]);
  if (r.kind === 'split') out.push(['name', r.name], ['placement', r.placement], ...r.itemIds.map((i): [string, string] => ['itemIds', String(i)]));
  return out;
}

const valuesOf = (raw: Record<string, unknown>): Values => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v ?? '')]));

/**
 * Safe catalog change in the back office (docs/catalog-changes.md), for the organ's administrator:
 * choose a node and a way, preview exactly what moves, confirm (POST, CSRF); and the catalog's
 * history. Mounted inside the catalog's admin routes (staff only).
 */
export function catalogChangeRoutes(deps: AppDeps) {
  const { db } = deps;
  return async function plugin(app: FastifyInstance) {
    const formPage = async (request: FastifyRequest, reply: FastifyReply, organ: Organ, values: Values, errors: Record<string, string>, status = 200) => {
      const scope = await staffContext(deps, request, reply);
      const nodes = await listCatalogNodes(db, organ.id);
      const node = nodes.find((n) => String(n.id) === asString(values.nodeId)) ?? null;
      const kindRaw = asString(values.kind) as CatalogChangeKind;
      const kind = CATALOG_CHANGE_KINDS.includes(kindRaw) ? kindRaw : 'rename';
      const items = node && kind === 'split' ? (await itemsPlacedIn(db, [node.id])).get(node.id) ?? [] : [];
      return sendPage(reply, <CatalogChangeFormPage scope={scope} organ={organ} nodes={nodes} node={node} kind={kind} items={items} values={values} errors={errors} />, status);
    };

    app.get<{ Params: { code: string } }>('/admin/organs/:code/catalog/changes', async (request, reply) => {
      const organ = await (await staffContext(deps, request, reply)).organ(request.params.code, 'organ_admin');
      return formPage(request, reply, organ, valuesOf(request.query as Record<string, unknown>), {});
    });

    app.get<{ Params: { code: string } }>('/admin/organs/:code/catalog/changes/preview', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'organ_admin');
      const query = request.query as Record<string, unknown>;
      try {
        const { request: parsed, plan, version } = await previewCatalogChange(deps, actorOf(request, 'web'), organ, query);
        return sendPage(reply, <CatalogChangePreviewPage scope={scope} organ={organ} plan={plan} fields={fieldsOf(parsed)} version={version} />);
      } catch (e) {
        const errors = fieldErrorsOf(e);
        return formPage(request, reply, organ, valuesOf(query), errors, e instanceof DomainError ? e.httpStatus : 400);
      }
    });

    app.post<{ Params: { code: string } }>('/admin/organs/:code/catalog/changes', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'organ_admin');
      const body = (request.body ?? {}) as Record<string, unknown>;
      const version = Number(asString(body.version));
      try {
        const { plan } = await applyCatalogChange(deps, actorOf(request, 'web'), organ, { ...body, itemIds: asStrings(body.itemIds) }, Number.isInteger(version) && asString(body.version) !== '' ? version : -1);
        setFlash(reply, `已完成目录调整：${plan.summary}`);
        return reply.redirect(`/admin/organs/${organ.code}/catalog/history`, 303);
      } catch (e) {
        const errors = fieldErrorsOf(e);
        return formPage(request, reply, organ, valuesOf(body), errors, e instanceof DomainError ? e.httpStatus : 400);
      }
    });

    app.get<{ Params: { code: string }; Querystring: { page?: string } }>('/admin/organs/:code/catalog/history', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'organ_admin');
      const page = pageQueryParam(request.query.page);
      const { items, total } = await pageCatalogChanges(db, organ.id, page, HISTORY_PAGE_SIZE);
      return sendPage(reply, <CatalogHistoryPage scope={scope} organ={organ} items={items} total={total} page={page} pageSize={HISTORY_PAGE_SIZE} />);
    });
  };
}
