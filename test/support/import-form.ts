import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../src/platform/app-deps.ts';
import { loginAs } from './app.ts';
import { createNode, createOrgan, createStaff } from './factories.ts';

type Session = { cookies: Record<string, string>; csrf: string };
type ImportFormOptions = { mode: 'draft' | 'published'; dryRun?: boolean; allowDuplicates?: boolean; fileName?: string };

/**
 * Where most import tests start: an organ with one catalog column (the CSV's 目录), its administrator
 * signed in, and `upload` posting a CSV to the organ's 导入 form and following it to its report.
 */
export async function importDesk(app: FastifyInstance, deps: AppDeps, column: string) {
  const organ = await createOrgan(deps);
  await createNode(deps, organ.id, { name: column });
  const admin = await createStaff(deps, organ.code, 'organ_admin');
  const session = await loginAs(app, admin.username, admin.password);
  return { organ, admin, session, upload: (csv: string, opts: ImportFormOptions) => importCsvThroughPage(app, session, organ.code, csv, opts) };
}

/**
 * Posts a CSV to an organ's 导入 form as the back office's browser does (mode, 只检查 when `dryRun`, 仍导入疑似重复的行 when `allowDuplicates`),
 * then follows the import's page as its refresh does until the report is there: that last answer,
 * with the page's address.
 */
export async function importCsvThroughPage(app: FastifyInstance, s: Session, organCode: string, csv: string, opts: ImportFormOptions) {
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
