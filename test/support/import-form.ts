import type { FastifyInstance } from 'fastify';

type Session = { cookies: Record<string, string>; csrf: string };

/**
 * Posts a CSV to an organ's 导入 form as the back office's browser does (mode, 只检查 when `dryRun`, 仍导入疑似重复的行 when `allowDuplicates`),
 * then follows the import's page as its refresh does until the report is there: that last answer,
 * with the page's address.
 */
export async function importCsvThroughPage(app: FastifyInstance, s: Session, organCode: string, csv: string, opts: { mode: 'draft' | 'published'; dryRun?: boolean; allowDuplicates?: boolean; fileName?: string }) {
  const form = new FormData();
  form.append('_csrf', s.csrf);
  form.append('mode', opts.mode);
  if (opts.dryRun) form.append('dryRun', '1');
  if (opts.allowDuplicates) form.append('allowDuplicates', '1');
  form.append('file', new Blob([Buffer.from(csv)], { type: 'text/csv' }), opts.fileName ?? '信息.csv');
  const res = await app.inject({ method: 'POST', url: `/admin/organs/${organCode}/transfer/import`, cookies: s.cookies, payload: form });
  if (res.statusCode !== 303) throw new Error(`导入表单应答 ${res.statusCode}：${res.body.slice(0, 200)}`);
  const url = res.headers.location as string;
  for (let i = 0; i < 200; i++) {
    const job = await app.inject({ method: 'GET', url, cookies: s.cookies });
    if (!job.headers.refresh) return Object.assign(job, { url });
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}
