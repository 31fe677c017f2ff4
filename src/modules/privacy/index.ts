/** The privacy and confidentiality scanner: the public surface other areas and the composition roots use. */
export type { Finding, FindingType, Severity } from './domain/finding.ts';
export { FINDING_TYPES, PERSONAL_DATA_TYPES, STRUCTURED_TYPES, findingJson } from './domain/finding.ts';
export { FINDING_TYPE_ADVICE, FINDING_TYPE_LABELS, SEVERITY_LABELS } from './domain/finding-labels.ts';
export { scanText, type ScanOptions } from './domain/scan-text.ts';
export { scanFileName } from './domain/scan-file-name.ts';
export { publishGate, type PublishGateResult } from './domain/publish-gate.ts';
export { applyMasks } from './domain/mask.ts';
export { suggestionInContext } from './domain/suggestion-in-context.ts';
export { maskPersonalData } from './domain/mask-personal-data.ts';
export type { TextAuthor } from './domain/private-contacts.ts';
export { compileWordLists, type WordList, type WordListEntry, type WordMatcher } from './domain/word-list.ts';
export { parseWordListText } from './domain/word-list-text.ts';
export { extractText, extractionsInProgress, SUPPORTED_EXTENSIONS, type ExtractedText } from './extract/extract-text.ts';
export { ERR_PRIVACY_UNREADABLE_FILE } from './extract/unreadable-file.ts';
export { ERR_PRIVACY_FILE_NOT_FOUND } from './cli/file-scan-result.ts';
export { runScanCommand } from './cli/scan-command.ts';
export { runScanEvalCommand } from './cli/eval-command.ts';
export { evaluateCorpus, type EvaluationReport } from './cli/corpus-evaluation.ts';
export { privacyApi, MAX_SCAN_TEXT_BYTES, type PrivacyApiOptions } from './web/scan-api.ts';
export { wordListsFor, listWordLists } from './storage/word-lists-repository.ts';
export { saveWordList, wordListInputSchema } from './use-cases/save-word-list.ts';
export { wordListsRoutes } from './web/word-lists-routes.tsx';
// The text of an HTML page, as the scanner reads it (also the old-site importer's text of a saved page).
export { htmlToText as htmlPageText } from './extract/html-to-text.ts';
