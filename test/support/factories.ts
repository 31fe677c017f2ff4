import pino from 'pino';
import { fixedClock } from '../../src/shared/clock.ts';
import type { AppDeps } from '../../src/platform/app-deps.ts';
import type { DatabaseHandle } from '../../src/platform/db/connect.ts';
import { addCatalogNode, createPublication, saveOrgan } from '../../src/modules/catalog/index.ts';
import { systemActor, createUser, type Role } from '../../src/modules/identity/index.ts';
import { useAuditKey } from '../../src/modules/audit/index.ts';
import { createSecretBox } from '../../src/platform/secrets/secret-box.ts';
import { makeTempDir } from './temp-dirs.ts';
import { publishImported } from '../../src/modules/review/index.ts';

/** The audit chain's key in tests (the server keeps its key in the data directory or GONGKAI_AUDIT_KEY). */
export const TEST_AUDIT_KEY = Buffer.from('test-audit-key-0123456789abcdef0123456789abcdef');

/** The key that seals staff TOTP secrets in tests (the server's: GONGKAI_SECRET_KEY or secret.key, ADR 0025). */
export const TEST_SECRET_KEY = Buffer.from('0123456789abcdef0123456789abcdef');

let seq = 0;
const next = () => `${process.pid % 1000}${++seq}`;

export function buildDeps(handle: DatabaseHandle, at = '2026-03-10T02:00:00Z'): AppDeps & { clock: ReturnType<typeof fixedClock> } {
  const dataDir = makeTempDir('data');
  useAuditKey(TEST_AUDIT_KEY, dataDir);
  return {
    db: handle.db,
    dialect: handle.dialect,
    clock: fixedClock(at),
    dataDir,
    logger: pino({ level: 'silent' }),
    secretBox: createSecretBox(TEST_SECRET_KEY),
  };
}

export const system = systemActor('测试');

export async function createOrgan(deps: AppDeps, over: Record<string, unknown> = {}) {
  const n = next();
  return saveOrgan(deps, system, {
    code: `organ-${n}`,
    name: `测试县住房和城乡建设局${n}`,
    kind: over.parentCode ? 'department' : 'government',
    creditCode: `11341525${n.padStart(9, '0')}K`,
    consultPhone: '0564-5022001',
    ...over,
  });
}

export async function createNode(deps: AppDeps, organId: number, over: Record<string, unknown> = {}) {
  return addCatalogNode(deps, system, organId, { name: `栏目${next()}`, parentId: null, isStandardDirectory: false, ...over });
}

export function publicationInput(nodeIds: number[], over: Record<string, unknown> = {}) {
  return {
    title: `关于开展建筑施工扬尘污染专项整治的通知${next()}`,
    formedOn: '2026-03-02',
    stage: 'execution',
    docType: 'other',
    genre: '通知',
    subject: '城乡建设、环境保护',
    bodyHtml: '<p>各有关单位：为进一步加强扬尘污染防治工作，现将有关事项通知如下。</p>',
    nodeIds,
    ...over,
  };
}

export async function createDraft(deps: AppDeps, organId: number, nodeIds: number[], over: Record<string, unknown> = {}) {
  return createPublication(deps, system, organId, publicationInput(nodeIds, over));
}

export async function createPublished(deps: AppDeps, organId: number, nodeIds: number[], over: Record<string, unknown> = {}) {
  const p = await createDraft(deps, organId, nodeIds, over);
  return publishImported(deps, system, p.id);
}

export async function createStaff(deps: AppDeps, organCode: string, role: Role, password = 'correct-horse-1') {
  const username = `user${next()}`;
  const u = await createUser(deps, { username, displayName: `张某${seq}`, password, organCode, role }, { userId: null, label: '测试' });
  return { ...u, password };
}

/** A person with one role on an organ, as an Actor, for use-case tests. */
export async function createActor(deps: AppDeps, organCode: string, role: Role) {
  const { loadPrincipal } = await import('../../src/modules/identity/index.ts');
  const staff = await createStaff(deps, organCode, role);
  const principal = (await loadPrincipal(deps.db, staff.id))!;
  return { ...staff, actor: { kind: 'user' as const, principal, via: 'web' as const } };
}

/** The default 三级审核 cast of an organ: drafter, unit head, disclosure office, leader in charge. */
export async function createReviewCast(deps: AppDeps, organCode: string) {
  return {
    author: await createActor(deps, organCode, 'editor'),
    unitHead: await createActor(deps, organCode, 'unit_head'),
    office: await createActor(deps, organCode, 'disclosure_office'),
    leader: await createActor(deps, organCode, 'leader_in_charge'),
  };
}

/**
 * A 意见征集 opened by the system with the given title and dates. It may not start before the clock's day (China time),
 * as staff may not open one: set the clock, open, then move it on to see it open or closed.
 */
export async function createConsultation(deps: AppDeps, organId: number, over: { title?: string; startOn: string; endOn: string }) {
  const { openConsultation } = await import('../../src/modules/interaction/index.ts');
  return openConsultation(deps, system, organId, {
    title: over.title ?? `关于城区停车收费标准调整的征求意见稿${next()}`, body: '第一条 为规范停车秩序……', howToComment: '在本页提交意见',
    startOn: over.startOn, endOn: over.endOn,
  });
}

/**
 * A 建议提案 registered, answered and — unless `publish` is false — its result published by the system, all on the
 * clock's day (China time), with the given title and kind (人大代表建议 by default).
 */
export async function createProposal(deps: AppDeps, organId: number, over: { title?: string; kind?: 'suggestion' | 'proposal'; publish?: boolean } = {}) {
  const { registerProposal, performProposalVerb } = await import('../../src/modules/interaction/index.ts');
  const { chinaDateOf } = await import('../../src/shared/iso-date.ts');
  const today = chinaDateOf(deps.clock.now());
  const p = await registerProposal(deps, system, organId, {
    kind: over.kind ?? 'suggestion', number: String(next()).padStart(4, '0'), title: over.title ?? `关于加快城区老旧小区改造的建议${next()}`, submitters: '王某',
    session: '县十八届人大五次会议', receivedOn: today, role: 'lead',
  });
  const replied = await performProposalVerb(deps, system, p.id, { verb: 'reply', replyText: '王某代表：您提出的建议收悉，现答复如下：已列入明年计划。', repliedOn: today, result: 'planned' });
  if (over.publish === false) return replied;
  return performProposalVerb(deps, system, p.id, { verb: 'publish', publicText: '王某代表：您提出的建议收悉，已列入明年计划。' });
}
