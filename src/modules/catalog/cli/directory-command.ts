import path from 'node:path';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { parseOptions } from '../../../platform/cli/cli-args.ts';
import { COMMAND_LINE_ACTOR } from '../../identity/index.ts';
import { STAGE_LABELS } from '../domain/labels.ts';
import { pathTo } from '../domain/catalog-tree.ts';
import { listCatalogNodes } from '../storage/catalog-nodes-repository.ts';
import { findDirectoryTemplate, listDirectoryTemplates, readDirectoryTemplateFile } from '../use-cases/directory-templates.ts';
import { importStandardDirectory, importSummaryText } from '../use-cases/import-standard-directory.ts';
import { matterCoverage } from '../use-cases/matter-coverage.ts';
import { organByCode } from '../use-cases/organ-by-code.ts';

export const DIRECTORY_USAGE = `用法：
  directory list [--json]
      列出平台自带的基层政务公开标准目录模板（standard-directories/*.json）
  directory import --organ 机关代码 (--template 模板编号 | --file 模板文件) [--under 栏目]
      把模板导入机关的公开目录：领域栏目建在 --under 所指栏目之下（栏目编号，或“重点领域”“重点领域/住房”这样的栏目路径；
      不写则为顶级栏目），同名栏目沿用并标记为标准目录；重复导入不会重复添加栏目和事项
  directory coverage --organ 机关代码 [--json]
      列出机关各标准目录事项已发布的信息条数，尚无信息的事项标“缺”`;

const usage = (message: string) => new DomainError('ERR_CLI_USAGE', `${message}\n\n${DIRECTORY_USAGE}`);

export type DirectoryIo = { stdout: (s: string) => void; stderr: (s: string) => void };

/** `gongkai directory list|import|coverage`: exit 0 done, 1 refused (a Chinese message with its code), 2 usage error. */
export async function runDirectoryCommand(argv: string[], io: DirectoryIo, db: AppDeps | null): Promise<number> {
  // `list` reads only the template files; the others need the database.
  const deps = async () => {
    if (!db) throw new Error('directory: no database');
    return db;
  };
  const [sub, ...rest] = argv;
  if (sub === 'list') {
    const o = parseOptions(rest, [], ['json'], DIRECTORY_USAGE);
    const templates = listDirectoryTemplates();
    if (o.get('json')) io.stdout(JSON.stringify(templates, null, 2));
    else for (const t of templates) io.stdout(`${t.id}\t${t.area}\t${t.nodes} 个栏目，${t.matters} 项事项\t${t.title}`);
    return 0;
  }
  if (sub === 'import') {
    const o = parseOptions(rest, ['organ', 'template', 'file', 'under'], [], DIRECTORY_USAGE);
    const organCode = o.get('organ');
    if (typeof organCode !== 'string') throw usage('缺少 --organ（机关代码）');
    const id = o.get('template');
    const file = o.get('file');
    if ((typeof id === 'string') === (typeof file === 'string')) throw usage('请用 --template 指定模板编号，或用 --file 指定模板文件（二者选一）');
    const template = typeof id === 'string' ? findDirectoryTemplate(id) : readDirectoryTemplateFile(path.resolve(file as string), { requireIdAsName: false });
    const d = await deps();
    const organ = await organByCode(d.db, organCode);
    const under = o.get('under');
    const underNodeId = typeof under === 'string' ? await nodeByPathOrId(d, organ.id, under) : null;
    const r = await importStandardDirectory(d, COMMAND_LINE_ACTOR, organ.id, template, underNodeId);
    io.stdout(`已导入“${template.area}”标准目录到 ${organ.name}（${organ.code}）：${importSummaryText(r)}`);
    return 0;
  }
  if (sub === 'coverage') {
    const o = parseOptions(rest, ['organ'], ['json'], DIRECTORY_USAGE);
    const organCode = o.get('organ');
    if (typeof organCode !== 'string') throw usage('缺少 --organ（机关代码）');
    const d = await deps();
    const organ = await organByCode(d.db, organCode);
    const c = await matterCoverage(d.db, organ.id);
    if (o.get('json')) {
      io.stdout(JSON.stringify({ organ: organ.code, total: c.total, missing: c.missing, matters: c.rows.map((r) => ({ key: r.matter.key, name: r.matter.name, node: r.nodePath.join('/'), items: r.items, lastPublishedOn: r.lastPublishedOn })) }, null, 2));
    } else {
      io.stdout(`${organ.name}：标准目录事项 ${c.total} 项，尚无信息 ${c.missing} 项`);
      for (const r of c.rows) io.stdout(`${r.items === 0 ? '缺' : '  '} ${r.nodePath.join(' > ')} · ${r.matter.name}（${STAGE_LABELS[r.matter.stage]}）\t${r.items} 条${r.lastPublishedOn ? `，最近 ${r.lastPublishedOn}` : ''}`);
    }
    return 0;
  }
  throw usage(sub ? `未知子命令“${sub}”` : '缺少子命令');
}

/** `--under 12` or `--under 重点领域/住房保障` (names from the top, separated by / or >). */
async function nodeByPathOrId(deps: AppDeps, organId: number, under: string): Promise<number> {
  const nodes = await listCatalogNodes(deps.db, organId);
  if (/^\d+$/.test(under)) {
    const n = nodes.find((x) => x.id === Number(under));
    if (n) return n.id;
  }
  const names = under.split(/\s*[/>]\s*/).map((s) => s.trim()).filter(Boolean);
  const found = nodes.find((n) => {
    const p = pathTo(nodes, n.id).map((x) => x.name.trim());
    return p.length === names.length && p.every((x, i) => x === names[i]);
  });
  if (!found) throw new DomainError('ERR_CATALOG_NODE_NOT_FOUND', `本机关没有栏目“${under}”（写栏目编号，或从顶级栏目起的路径，如“重点领域”）`, { httpStatus: 404 });
  return found.id;
}
