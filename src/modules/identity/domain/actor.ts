import { holdsRoleOn, type Principal } from './roles.ts';

/** Who does something: a signed-in person (web or API token) or the system itself (seed, CLI, jobs). */
export type Actor = { kind: 'user'; principal: Principal; via: 'web' | 'api' } | { kind: 'system'; label: string };

export const systemActor = (label: string): Actor => ({ kind: 'system', label });
export const actorUserId = (a: Actor): number | null => (a.kind === 'user' ? a.principal.userId : null);
export const actorLabel = (a: Actor): string =>
  a.kind === 'user' ? `${a.principal.displayName}（${a.principal.username}${a.via === 'api' ? '，API' : ''}）` : `系统：${a.label}`;
export const actorMay = (a: Actor, organChain: number[], role: 'organ_admin' | 'editor'): boolean =>
  a.kind === 'system' || holdsRoleOn(a.principal, organChain, role);
