// The reports area's public surface: the annual report (政府信息公开工作年度报告) of an organ-year,
// its county-level view, its exports and the demo data. Other areas import only from here.
export { loadReportContext, type ReportContext } from './use-cases/report-context.ts';
export { loadCountyView, type CountyView } from './use-cases/county-view.ts';
export { seedDemoReportData } from './use-cases/seed-demo-report-data.ts';
