import type { Organ } from './organ.ts';

/**
 * How the portal words an organ as a search scope, in the header's box and on the results page alike:
 * its short name (县住建局), which fits a phone's select at 适老化 + 大, or its name when it has none.
 */
export const scopeLabel = (organ: Pick<Organ, 'name' | 'shortName'>): string => organ.shortName?.trim() || organ.name;
