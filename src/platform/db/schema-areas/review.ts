/**
 * Tables of the review area, as Kysely sees them (filled in by the area's own migration in
 * ../migrations/). Conventions: see ../schema.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ReviewTables {}
