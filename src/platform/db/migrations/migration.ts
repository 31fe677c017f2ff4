import type { ColumnDefinitionBuilder, ColumnDataType, Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/** What a migration gets besides the database: the dialect and how that dialect spells an id column. */
export type MigrationContext = {
  dialect: DialectName;
  id: { type: ColumnDataType; build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder };
};

export type Migration = {
  name: string;
  up(db: Kysely<any>, ctx: MigrationContext): Promise<void>;
};
