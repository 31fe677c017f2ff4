import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { oncePerRequest } from '../../../platform/http/once-per-request.ts';
import { takeFlash } from '../../../platform/views/admin-helpers.ts';
import type { AdminUser } from '../../../platform/views/admin-layout.tsx';
import { DomainError } from '../../../shared/domain-error.ts';
import { mayAdminister, mayAuthor, mayKeepSupervision, mayWorkOn, rolesOn, staffUserOf, type Principal } from '../../identity/index.ts';
import type { Organ } from '../domain/organ.ts';
import { organNotFound } from '../use-cases/organ-by-code.ts';
import { organScope, type OrganScope } from '../use-cases/organ-scope.ts';

/**
 * What a back-office page may ask of an organ: to work on it (`staff`: a role on it or above it, or a
 * unit of theirs submits to it), to draft for the organ itself (`draft`: a role on it or above it),
 * to handle its applications, letters and consultations (`handle`: a role on it or above it, and it
 * is an organ, not a unit — units take none, 条例第二十七条), to administer it, or to keep its
 * supervision and tasks (`office`).
 */
export type OrganNeed = 'staff' | 'draft' | 'handle' | 'organ_admin' | 'office';

const REFUSALS: Record<OrganNeed, string> = {
  staff: '您没有该机关的权限',
  draft: '您没有该机关的权限',
  handle: '您没有办理该机关事项的权限',
  organ_admin: '您没有管理该机关的权限',
  office: '只有政务公开办公室或机关管理员可以办理这项工作',
};

/** Why a unit's staff find no applications, letters, consultations or proposals to handle (条例第二十七条). */
const UNITS_HANDLE_NOTHING = '下属单位不单独办理依申请公开、部门信箱、意见征集和建议提案，由所属机关办理（《政府信息公开条例》第二十七条）；您在所属机关没有办理权限，如需办理请联系机关管理员';

/** The organ scope of a request's signed-in person, read once per request (menu facts and staff context share it). */
const scopes = new WeakMap<FastifyRequest, Promise<OrganScope>>();
function requestScope(deps: AppDeps, request: FastifyRequest): Promise<OrganScope> {
  let scope = scopes.get(request);
  if (!scope) {
    scope = organScope(deps.db, request.principal!);
    scopes.set(request, scope);
  }
  return scope;
}

/** Organs whose applications, letters, consultations and proposals the person handles: organs, not units (条例第二十七条). */
const handledOrgans = (scope: Pick<OrganScope, 'directStaffOf'>) => scope.directStaffOf.filter((o) => o.kind !== 'unit');

/**
 * Whether the person is staff of an internal unit whose organ they do not handle: the organ hands
 * letters to such a unit (交办) to read and answer to it, on 交办给本单位的来信 (the menu and 工作台).
 */
export const receivesHandedLetters = (scope: Pick<OrganScope, 'directStaffOf' | 'chainOf'>): boolean => {
  const handles = handledOrgans(scope);
  return scope.directStaffOf.some((u) => u.kind === 'unit' && !handles.some((h) => scope.chainOf(u.id).includes(h.id)));
};

/**
 * Whether the person holds a role on an organ itself, not only on internal units (股室) of it: an
 * organ's annual report and its search statistics are the organ's work (a unit writes no annual
 * report, 条例第四十九条), as are its applications and letters.
 */
const onOrgan = (scope: Pick<OrganScope, 'directStaffOf'>) => handledOrgans(scope).length > 0;

/**
 * Tells the back office's menu (render.ts) what the signed-in person may use, by the same rules the
 * pages apply: 依申请公开, 部门信箱, 意见征集 and 建议提案 only for whoever handles an organ; 年度报告
 * and 检索统计 only for whoever holds a role on an organ itself (`onOrgan`); 机关与目录 only for whoever
 * administers an organ; 交办来信 for staff of a unit whose organ they do not handle. The composition
 * root runs it on every
 * back-office request once the person is signed in, and before a back-office error page, so every
 * page's menu follows the same rule whether or not the page builds a staff context.
 */
export async function settleStaffMenu(deps: AppDeps, request: FastifyRequest): Promise<void> {
  if (!request.principal || request.staffMenuFacts) return;
  const scope = await requestScope(deps, request);
  request.staffMenuFacts = {
    handles: handledOrgans(scope).length > 0, handedLetters: receivesHandedLetters(scope), onOrgan: onOrgan(scope), administers: scope.adminOf.length > 0,
  };
}

const contexts = new WeakMap<AppDeps, (request: FastifyRequest, reply: FastifyReply) => Promise<StaffContext>>();

/**
 * The one staff context of a back-office request, built once per request on first use (after
 * `requireStaff` has signed the person in): who they are, the organs they work on (a role on an
 * organ reaches its units; a unit's staff also work on the organ their unit submits to), the CSRF
 * token, the flash message, and the organ of a page by its code. Every area's back office uses it;
 * the permission rules themselves are the pure functions of `identity/domain/permissions.ts`.
 */
export function staffContext(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<StaffContext> {
  let build = contexts.get(deps);
  if (!build) {
    build = oncePerRequest((req, rep) => buildStaffContext(deps, req, rep));
    contexts.set(deps, build);
  }
  return build(request, reply);
}

async function buildStaffContext(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const principal: Principal = request.principal!;
  const scope = await requestScope(deps, request);
  const { organs, chainOf, staffOf, directStaffOf, adminOf, hasCatalog } = scope;
  const idOf = (organ: Organ | number) => (typeof organ === 'number' ? organ : organ.id);
  const administrable = new Set(adminOf.map((o) => o.id));
  const user: AdminUser = staffUserOf(principal);
  const handles = handledOrgans(scope);
  await settleStaffMenu(deps, request);
  const may = (organ: Organ | number, need: OrganNeed) =>
    need === 'organ_admin' ? administrable.has(idOf(organ))
      : need === 'office' ? mayKeepSupervision(principal, chainOf(idOf(organ)))
        : need === 'draft' ? mayWorkOn(principal, chainOf(idOf(organ)))
          : need === 'handle' ? handles.some((o) => o.id === idOf(organ))
        : staffOf.some((o) => o.id === idOf(organ));
  return {
    principal,
    user,
    csrf: request.csrfToken!,
    flash: takeFlash(request, reply),
    /** Every organ, for names and trees. */
    organs,
    /** Organs the person works on: a role on them or above them, or a unit of theirs submits to them. */
    staffOf,
    /** Organs (and units) the person holds a role on, directly or through an organ above. */
    directStaffOf,
    /** Organs the person administers. */
    adminOf,
    /** Organs whose applications, letters and consultations the person handles (no units). */
    handles,
    /** Holds a role on an organ itself, not only on its internal units: writes its annual report, reads its search statistics. */
    onOrgan: onOrgan(scope),
    chainOf,
    /** Every role the person holds on the organ or above it. */
    rolesOn: (organ: Organ | number) => rolesOn(principal, chainOf(idOf(organ))),
    canAdmin: (organ: Organ | number) => administrable.has(idOf(organ)),
    /**
     * Whether an organ has a catalog node (新建信息, 栏目责任 and 政策解读 are offered only where it has
     * one): `await scope.hasCatalog()` gives the test. Asked of the database by the pages that need it
     * (工作台, 信息管理), at most once a request.
     */
    hasCatalog,
    /** Drafts for the organ itself (any staff role on it or above it, not only through a unit). */
    mayDraft: (organ: Organ | number) => mayWorkOn(principal, chainOf(idOf(organ))),
    /** Writes items as their author (信息员) on the organ. */
    mayAuthor: (organ: Organ | number) => mayAuthor(principal, chainOf(idOf(organ))),
    mayAdminister: (organ: Organ | number) => mayAdminister(principal, chainOf(idOf(organ))),
    /** Keeps the organ's supervision and assigns its submission tasks (政务公开办公室, administrator). */
    keepsOffice: (organ: Organ | number) => mayKeepSupervision(principal, chainOf(idOf(organ))),
    /**
     * The organ of a page by its code, when the person may do `need` on it: 404 (ERR_NOT_FOUND) when
     * no organ has the code, 403 when it is not theirs. Without a code, the first organ they work on —
     * given `waiting` (how much work waits per organ id, the counts 待办 reminds of), the first of them
     * where some waits: the one rule by which 依申请公开, 部门信箱, 意见征集 and 建议提案 open, so a person
     * who handles several organs lands where the work is (found by an outside tester).
     */
    organ: async (code: string | undefined, need: OrganNeed = 'staff', waiting?: ReadonlyMap<number, number>): Promise<Organ> => {
      if (!code) {
        const mine = (need === 'handle' ? handles : staffOf).filter((o) => may(o, need));
        const first = mine.find((o) => (waiting?.get(o.id) ?? 0) > 0) ?? mine[0];
        if (first) return first;
        // Staff of internal units only: the organ above handles applications, letters and proposals.
        if (need === 'handle' && staffOf.length) throw new DomainError('ERR_AUTH_FORBIDDEN', UNITS_HANDLE_NOTHING, { httpStatus: 403 });
        throw new DomainError('ERR_NOT_FOUND', '您还没有任何机关的权限，请联系管理员', { httpStatus: 404 });
      }
      const organ = organs.find((o) => o.code === code);
      if (!organ) throw organNotFound(code);
      if (!may(organ, need)) {
        // Staff of a unit in (or below) the organ asking for its applications, letters, consultations or proposals: say why.
        const throughUnit = need === 'handle' && directStaffOf.some((u) => u.kind === 'unit' && chainOf(u.id).includes(organ.id));
        throw new DomainError('ERR_AUTH_FORBIDDEN', throughUnit ? UNITS_HANDLE_NOTHING : REFUSALS[need], { httpStatus: 403 });
      }
      return organ;
    },
    /**
     * An organ's name in the organ switch of a list of handled work, with what waits there by the `waiting` that list
     * opens by (`organ` above): 青岚县教育体育局（1 件待办）, the bare name where nothing waits.
     */
    switchName: (organ: Organ, waiting?: ReadonlyMap<number, number>): string => {
      const n = waiting?.get(organ.id) ?? 0;
      return n > 0 ? `${organ.name}（${n} 件待办）` : organ.name;
    },
  };
}

export type StaffContext = Awaited<ReturnType<typeof buildStaffContext>>;
