// The reports area's public surface: the annual report (政府信息公开工作年度报告) of an organ-year,
// its county-level view, its exports, its routes and command, and the demo data. Other areas
// import only from here.
export { loadReportContext, type ReportContext } from './use-cases/report-context.ts';
export { loadCountyView, type CountyView } from './use-cases/county-view.ts';
export { seedDemoReportData, type DemoReportRecord } from './use-cases/seed-demo-report-data.ts';
export { publishedYears } from './storage/reports-repository.ts';
export { reportsAdminRoutes } from './web/admin-routes.tsx';
export { reportsPortalRoutes } from './web/portal-routes.tsx';
export { runReportCommand, REPORT_USAGE } from './cli/report-command.ts';
export { annualReportFile } from './use-cases/annual-report-file.ts';
