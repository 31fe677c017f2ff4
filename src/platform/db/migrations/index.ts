import type { Migration } from './migration.ts';
import { migration001 } from './001-catalog-identity-audit.ts';

/** Every migration in order. Add new ones at the end; never edit one that has shipped. */
export const migrations: Migration[] = [migration001];
