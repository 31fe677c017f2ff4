import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { fieldErrorsOf, setFlash, takeFlash } from '../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { actorOf, isSystemAdmin, mayManageOrganSetting, requireStaff } from '../../identity/index.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { listOrgans, staffContext } from '../../catalog/index.ts';
import { listWordLists } from '../storage/word-lists-repository.ts';
import { saveWordList } from '../use-cases/save-word-list.ts';
import { WordListsPage } from './word-lists-page.tsx';

export function wordListsRoutes(deps: AppDeps) {
  async function render(request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: Record<string, string>, editingId: number | null, status = 200) {
    const staff = await staffContext(deps, request, reply);
    return sendPage(
      reply,
      <WordListsPage user={staff.user} csrf={staff.csrf} flash={staff.flash}
        lists={await readableLists(request, reply)} organs={staff.adminOf} mayRegion={isSystemAdmin(staff.principal)} values={values} errors={errors} editingId={editingId} />,
      status,
    );
  }
  /** The lists this person may read: like other organ settings, their organs' admins' and, for region-wide lists, the system admin's. */
  async function readableLists(request: FastifyRequest, reply: FastifyReply) {
    const staff = await staffContext(deps, request, reply);
    return (await listWordLists(deps.db)).filter((l) => mayManageOrganSetting(staff.principal, l.organ_id === null ? null : staff.chainOf(l.organ_id)));
  }
  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));
    app.get<{ Querystring: { edit?: string } }>('/admin/word-lists', async (request, reply) => {
      const id = Number(request.query.edit) || null;
      const row = id ? (await listWordLists(deps.db)).find((l) => l.id === id) : null;
      if (row && !(await readableLists(request, reply)).some((l) => l.id === row.id)) {
        throw new DomainError('ERR_AUTH_FORBIDDEN', row.organ_id === null ? '只有系统管理员可以查看和维护全区通用词表' : '您没有查看该机关词表的权限', { httpStatus: 403 });
      }
      const organCode = row?.organ_id ? (await staffContext(deps, request, reply)).organs.find((o) => o.id === row.organ_id)?.code ?? '' : '';
      return render(request, reply, row ? { name: row.name, organCode, entriesText: row.entries_text } : {}, {}, row ? row.id : null);
    });
    const save = (existing: boolean) => async (request: FastifyRequest<{ Params: { id?: string } }>, reply: FastifyReply) => {
      const id = existing ? Number(request.params.id) || 0 : undefined;
      try {
        await saveWordList(deps, actorOf(request, 'web'), request.body, id);
        setFlash(reply, '词表已保存，此后的扫描即按新词表检查');
        return reply.redirect('/admin/word-lists', 303);
      } catch (e) {
        return render(request, reply, request.body as Record<string, string>, fieldErrorsOf(e), id ?? null, 400);
      }
    };
    app.post('/admin/word-lists', save(false));
    app.post<{ Params: { id: string } }>('/admin/word-lists/:id', save(true));
  };
}
