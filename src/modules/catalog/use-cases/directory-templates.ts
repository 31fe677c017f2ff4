import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../../platform/runtime/project-root.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { parseDirectoryTemplate, templateMatters, templateNodeCount, type DirectoryTemplate } from '../domain/standard-directory.ts';

/** The templates shipped with the project: `standard-directories/*.json` at its root (docs/standard-directories.md). */
export const SHIPPED_TEMPLATES_DIR = projectPath('standard-directories');

export type TemplateSummary = { id: string; area: string; title: string; department: string; nodes: number; matters: number; fileName: string };

export const summarizeTemplate = (t: DirectoryTemplate, fileName: string): TemplateSummary => ({
  id: t.id, area: t.area, title: t.title, department: t.department, nodes: templateNodeCount(t), matters: templateMatters(t).length, fileName,
});

/** Reads and checks one template file; its `id` must be its file name, so `--template ID` finds it. */
export function readDirectoryTemplateFile(file: string, { requireIdAsName = true } = {}): DirectoryTemplate {
  const fileName = path.basename(file);
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DomainError('ERR_CATALOG_TEMPLATE_NOT_FOUND', `无法读取标准目录模板文件 ${fileName}：${code === 'ENOENT' ? '文件不存在' : (e as Error).message}`, { httpStatus: 404 });
  }
  const t = parseDirectoryTemplate(source, fileName);
  if (requireIdAsName && `${t.id}.json` !== fileName) {
    throw new DomainError('ERR_CATALOG_TEMPLATE_INVALID', `标准目录模板文件 ${fileName} 有误：模板编号 id“${t.id}”应与文件名一致（${t.id}.json）`);
  }
  return t;
}

/** Every template of a folder in id order, or the first fault of a bad file (a shipped template must never be bad). */
export function listDirectoryTemplates(dir = SHIPPED_TEMPLATES_DIR): TemplateSummary[] {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  return files.map((f) => summarizeTemplate(readDirectoryTemplateFile(path.join(dir, f)), f));
}

/** The template with this id in a folder. */
export function findDirectoryTemplate(id: string, dir = SHIPPED_TEMPLATES_DIR): DirectoryTemplate {
  if (!/^[a-z0-9][a-z0-9-]{1,79}$/.test(id) || !fs.existsSync(path.join(dir, `${id}.json`))) {
    const known = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
    throw new DomainError('ERR_CATALOG_TEMPLATE_NOT_FOUND', `没有编号为“${id}”的标准目录模板${known.length ? `，可用：${known.join('、')}` : ''}`, { httpStatus: 404, field: 'templateId' });
  }
  return readDirectoryTemplateFile(path.join(dir, `${id}.json`));
}
