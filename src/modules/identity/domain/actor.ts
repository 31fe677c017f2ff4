import { holdsRoleOn, type Principal } from './roles.ts';
import { mayMoveOrgan } from './permissions.ts';

/** Who does something: a signed-in person (web or API token) or the system itself (seed, CLI, jobs). */
export type Actor = { kind: 'user'; principal: Principal; via: 'web' | 'api' } | { kind: 'system'; label: string };

export const systemActor = (label: string): Actor => ({ kind: 'system', label });
/**
 * Whoever runs `./bin/gongkai` on the server: every command that writes (accounts, organs, tokens,
 * imports of items, ledgers and standard directories) records this one actor, so the audit log reads
 * 系统：命令行 whichever command it was; what the command worked from (a file's name) goes into the record.
 */
export const COMMAND_LINE_ACTOR: Actor = systemActor('命令行');
/** The first start of the server, which creates the `admin` account: audited as 系统：首次启动. */
export const FIRST_START_ACTOR: Actor = systemActor('首次启动');
export const actorUserId = (a: Actor): number | null => (a.kind === 'user' ? a.principal.userId : null);
/** How an audit entry names a person: 姓名（用户名）, with ，API for what they did through an API token. */
export const personLabel = (displayName: string, username: string, via: 'web' | 'api' = 'web'): string =>
  `${displayName}（${username}${via === 'api' ? '，API' : ''}）`;
export const actorLabel = (a: Actor): string =>
  a.kind === 'user' ? personLabel(a.principal.displayName, a.principal.username, a.via) : `系统：${a.label}`;
export const actorMay = (a: Actor, organChain: number[], role: 'organ_admin' | 'editor'): boolean =>
  a.kind === 'system' || holdsRoleOn(a.principal, organChain, role);

/** The system (seed, CLI) may re-parent organs; a person needs organ_admin on the old and the new parent (see mayMoveOrgan). */
export const actorMayMoveOrgan = (a: Actor, oldParentChain: number[] | null, newParentChain: number[] | null): boolean =>
  a.kind === 'system' || mayMoveOrgan(a.principal, oldParentChain, newParentChain);
