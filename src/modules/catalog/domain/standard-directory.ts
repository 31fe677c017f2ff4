import { z } from '../../../shared/zod.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { DisclosureStage } from './labels.ts';
import { jsonSyntaxProblem } from '../../../shared/json-syntax.ts';

/**
 * A 基层政务公开标准目录 template (国办发〔2019〕54号; docs/standard-directories.md): the nodes of one
 * area's directory and, for each node, its required 事项 with the columns of the published
 * directories — content elements, legal basis, time limit, subject, channels, audience and mode.
 * Templates are JSON files in `standard-directories/`; this module only reads and checks their text.
 */

export const TEMPLATE_FORMAT = 'gongkai.standard-directory/1';

/** 公开渠道和载体 as the published directories list them. */
export const DIRECTORY_CHANNELS = [
  '政府网站', '政府公报', '两微一端', '发布会/听证会', '广播电视', '纸质媒体', '公开查阅点', '政务服务中心', '便民服务站', '入户/现场', '公示栏（电子屏）', '精准推送', '其他',
] as const;
export const DIRECTORY_AUDIENCES = ['全社会', '特定群体'] as const;
export const DIRECTORY_MODES = ['主动', '依申请'] as const;
export const DIRECTORY_LEVELS = ['市级', '县级', '乡（镇）级'] as const;
/** The 过程 column of a directory is the 五公开 stage (国办发〔2016〕80号). */
export const DIRECTORY_STAGES: Record<string, DisclosureStage> = { 决策: 'decision', 执行: 'execution', 管理: 'management', 服务: 'service', 结果: 'result' };

export type DirectoryAudience = (typeof DIRECTORY_AUDIENCES)[number];
export type DirectoryMode = (typeof DIRECTORY_MODES)[number];

const text = (label: string, max: number) =>
  z.string({ message: `缺少${label}` }).trim().min(1, { message: `${label}不能为空` }).max(max, { message: `${label}不能超过 ${max} 个字符` });

const matterSchema = z.object({
  key: z.string({ message: '缺少事项编码 key' }).regex(/^[a-z0-9][a-z0-9-]{0,59}$/, { message: '事项编码 key 只能由小写字母、数字和连字符组成（最长 60 个字符）' }),
  name: text('事项名称 name', 100),
  stage: z.enum(Object.keys(DIRECTORY_STAGES) as [string, ...string[]], { message: '过程 stage 应为 决策、执行、管理、服务 或 结果' }),
  elements: text('公开内容（要素）elements', 1000),
  legalBasis: text('公开依据 legalBasis', 1000),
  timeLimit: text('公开时限 timeLimit', 200),
  subject: text('公开主体 subject', 200),
  channels: z.array(z.enum(DIRECTORY_CHANNELS, { message: `公开渠道和载体 channels 只能取 ${DIRECTORY_CHANNELS.join('、')}` }), { message: '公开渠道和载体 channels 应为列表' })
    .min(1, { message: '公开渠道和载体 channels 至少列一项' }),
  audience: z.enum(DIRECTORY_AUDIENCES, { message: '公开对象 audience 应为 全社会 或 特定群体' }),
  mode: z.enum(DIRECTORY_MODES, { message: '公开方式 mode 应为 主动 或 依申请' }),
  levels: z.array(z.enum(DIRECTORY_LEVELS, { message: `公开层级 levels 只能取 ${DIRECTORY_LEVELS.join('、')}` })).optional().default([]),
}).strict();

type NodeShape = { name: string; description?: string; matters: z.output<typeof matterSchema>[]; children: NodeShape[] };

const nodeSchema: z.ZodType<NodeShape> = z.lazy(() => z.object({
  name: text('栏目名称 name', 60),
  description: z.string({ message: '栏目说明 description 应为文字' }).max(500, { message: '栏目说明 description 不能超过 500 个字符' }).optional(),
  matters: z.array(matterSchema, { message: '事项 matters 应为列表' }).optional().default([]),
  children: z.array(nodeSchema, { message: '下级栏目 children 应为列表' }).optional().default([]),
}).strict());

const templateSchema = z.object({
  format: z.literal(TEMPLATE_FORMAT, { message: `format 应为 "${TEMPLATE_FORMAT}"` }),
  id: z.string({ message: '缺少模板编号 id' }).regex(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: '模板编号 id 只能由小写字母、数字和连字符组成' }),
  area: text('领域 area', 60),
  title: text('模板名称 title', 200),
  department: text('主管部门 department', 60),
  basis: z.array(text('依据 basis', 300), { message: '依据 basis 应为列表' }).min(1, { message: '依据 basis 至少列一项' }),
  note: z.string().max(2000).optional().default(''),
  nodes: z.array(nodeSchema, { message: '栏目 nodes 应为列表' }).min(1, { message: '栏目 nodes 至少列一项' }),
}).strict();

export type DirectoryTemplate = z.output<typeof templateSchema>;
export type TemplateNode = NodeShape;
export type TemplateMatter = z.output<typeof matterSchema>;

const pathText = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '（整个文件）';

/**
 * Reads a template file's text. Every fault is reported at once, each with where it is
 * (`nodes[0].matters[1].timeLimit`), in one ERR_CATALOG_TEMPLATE_INVALID naming the file.
 */
export function parseDirectoryTemplate(source: string, fileName: string): DirectoryTemplate {
  const fail = (problems: string[]) =>
    new DomainError('ERR_CATALOG_TEMPLATE_INVALID', `标准目录模板文件 ${fileName} 有误：${problems.join('；')}`, {
      reasons: problems.map((message) => ({ code: 'ERR_CATALOG_TEMPLATE_INVALID', message })),
    });
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw fail([jsonSyntaxProblem(source.replace(/^\uFEFF/, ''), e)]);
  }
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    throw fail(parsed.error.issues.slice(0, 20).map((i) => `${pathText(i.path)}：${i.message}`));
  }
  const problems = structuralProblems(parsed.data);
  if (problems.length) throw fail(problems);
  return parsed.data;
}

/** What a schema cannot say: keys unique in the template, sibling names unique, at most 3 levels. */
function structuralProblems(t: DirectoryTemplate): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  const walk = (list: NodeShape[], where: string, depth: number) => {
    const names = new Set<string>();
    list.forEach((n, i) => {
      const at = `${where}[${i}]`;
      if (depth > 3) problems.push(`${at}：栏目最多三级`);
      if (names.has(n.name)) problems.push(`${at}：同一级下栏目名称“${n.name}”重复`);
      names.add(n.name);
      n.matters.forEach((m, j) => {
        if (keys.has(m.key)) problems.push(`${at}.matters[${j}]：事项编码“${m.key}”在模板中重复`);
        keys.add(m.key);
      });
      walk(n.children, `${at}.children`, depth + 1);
    });
  };
  walk(t.nodes, 'nodes', 1);
  if (keys.size === 0) problems.push('模板中没有任何事项（matters）');
  return problems;
}

/** A template's id: lower-case letters, digits and hyphens. */
export const isTemplateId = (v: string): boolean => /^[a-z0-9][a-z0-9-]{1,79}$/.test(v);

/** The 过程 word of a 五公开 stage code (decision → 决策), as templates write it. */
export const directoryStageWord = (code: DisclosureStage): string => Object.entries(DIRECTORY_STAGES).find(([, c]) => c === code)![0];

/**
 * One 事项 as a template states it, checked by the template's own rules: content import carries an
 * organ's 事项 with its catalog in this shape (docs/import-export.md). Every problem, in Chinese.
 */
export function parseTemplateMatter(raw: unknown): { matter: TemplateMatter | null; problems: string[] } {
  const r = matterSchema.safeParse(raw);
  return r.success ? { matter: r.data, problems: [] } : { matter: null, problems: [...new Set(r.error.issues.map((i) => i.message))] };
}

/** Every matter of a template with the path of node names that holds it. */
export function templateMatters(t: DirectoryTemplate): { path: string[]; matter: TemplateMatter }[] {
  const out: { path: string[]; matter: TemplateMatter }[] = [];
  const walk = (list: NodeShape[], path: string[]) => {
    for (const n of list) {
      for (const m of n.matters) out.push({ path: [...path, n.name], matter: m });
      walk(n.children, [...path, n.name]);
    }
  };
  walk(t.nodes, []);
  return out;
}

/** How many nodes a template has, its area node included (what an import into an empty catalog adds). */
export function templateNodeCount(t: DirectoryTemplate): number {
  const count = (list: NodeShape[]): number => list.reduce((s, n) => s + 1 + count(n.children), 0);
  return 1 + count(t.nodes);
}
