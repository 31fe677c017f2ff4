export { ROLES, ROLE_LABELS, holdsRoleOn, rolesOn, isSystemAdmin, type Principal, type Role } from './domain/roles.ts';
export { createUser, type CreateUserInput } from './use-cases/create-user.ts';
export { logIn, logOut, sessionFor } from './use-cases/authenticate.ts';
export { createApiToken, principalForApiToken } from './use-cases/api-tokens.ts';
export { listUsers, loadPrincipal } from './storage/users-repository.ts';
export { systemActor, actorUserId, actorLabel, actorMay, type Actor } from './domain/actor.ts';
export { requireStaff, requireApiToken, actorOf, SESSION_COOKIE } from './web/request-auth.ts';
export { sessionRoutes } from './web/session-routes.tsx';
export { usersRoutes } from './web/users-routes.tsx';
