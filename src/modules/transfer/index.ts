// Content import and export (issue 17, docs/import-export.md): an organ's items from JSON, CSV or .xlsx
// files and an old site's saved pages, all or nothing; and its catalog and published items out again
// in the same format. Other areas and src/main import only from here.
export { ITEM_COLUMNS, CATALOG_COLUMNS } from './domain/item-columns.ts';
export { IMPORT_MODES, type ImportMode } from './domain/parse-item.ts';
export { EXPORT_FORMATS, type ExportFormat } from './domain/export-document.ts';
export { TransferErrorCode } from './domain/error-codes.ts';
export { importItems, type ImportReport } from './use-cases/import-items.ts';
export { readItemFile } from './use-cases/read-item-file.ts';
export { collectExport, renderExport, attachmentsZip } from './use-cases/export-items.ts';
export { runImportItemsCommand, IMPORT_ITEMS_USAGE } from './cli/import-items-command.ts';
export { runExportItemsCommand, EXPORT_ITEMS_USAGE } from './cli/export-items-command.ts';
export { transferAdminRoutes } from './web/transfer-admin-routes.tsx';
export { transferApi } from './web/transfer-api.ts';
