import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';

export type Executor = Db | Transaction<Database>;
