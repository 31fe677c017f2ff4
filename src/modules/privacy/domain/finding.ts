/** What the scanner reports: one span of the scanned text that must not go out as it is. */
export type FindingType =
  | 'id_card'
  | 'mobile_phone'
  | 'bank_card'
  | 'email'
  | 'residential_address'
  | 'classified_marking'
  | 'sensitive_word';

/** `block` stops publication until the text is changed; `warn` must be acknowledged by the reviewer. */
export type Severity = 'block' | 'warn';

export type Finding = {
  type: FindingType;
  /** The matched text exactly as it stands in the scanned text. */
  text: string;
  /** Offsets into the scanned text (JavaScript string indices, end exclusive). */
  start: number;
  end: number;
  severity: Severity;
  /** The masked form to put in its place: same length as `text`, or the correct form of a listed 错词. */
  suggestion: string;
  /** Which rule matched (e.g. `id18`, `luhn`, `account-context`, `star-marking`, or the word list's name). */
  rule?: string;
};

export const FINDING_TYPES: readonly FindingType[] = [
  'id_card',
  'mobile_phone',
  'bank_card',
  'email',
  'residential_address',
  'classified_marking',
  'sensitive_word',
];

/** The four types of structured personal data, measured against the recall and precision goals. */
export const STRUCTURED_TYPES: readonly FindingType[] = ['id_card', 'mobile_phone', 'bank_card', 'email'];

/**
 * The personal data of a person who writes to an organ: what the portal masks in a published letter,
 * its reply or a 意见征集 comment — the structured types and the house detail of a home address.
 */
export const PERSONAL_DATA_TYPES: readonly FindingType[] = [...STRUCTURED_TYPES, 'residential_address'];

/** The JSON shape of one finding, as `gongkai scan --json` and `POST /api/v1/scan` print it. */
export function findingJson(f: Finding): Record<string, unknown> {
  return {
    type: f.type,
    text: f.text,
    start: f.start,
    end: f.end,
    severity: f.severity,
    suggestion: f.suggestion,
    ...(f.rule ? { rule: f.rule } : {}),
  };
}
