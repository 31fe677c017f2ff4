import { ITEM_COLUMNS, type ItemColumnKey } from './item-columns.ts';

/** The worksheets of the blank template beside 信息: the notes, and the organ's catalog paths (the import reads neither). */
export const NOTES_SHEET = '填写说明';
export const PATHS_SHEET = '本机关栏目';

type Note = { need: '必填' | '导入已发布信息时必填' | ''; note: string; example: string };

/**
 * What an officer writes in each column of the item file (docs/import-export.md "Columns"), with an
 * example: the blank template's 填写说明 sheet. The example sits here, never in the 信息 sheet, so an
 * untouched template imports nothing.
 */
const NOTES: Record<ItemColumnKey, Note> = {
  indexNumber: { need: '', note: '旧网站的索引号，原样保留（全库唯一）；不填则按本机关的索引号规则生成', example: '113415250000000000/2021-00003' },
  title: { need: '必填', note: '不超过 200 个字', example: '关于开展建筑施工扬尘污染专项整治的通知' },
  documentNumber: { need: '', note: '发文字号；没有的留空（只填“—”“/”“无”“暂无”的按无文号导入并提示）', example: '青建〔2021〕3号' },
  publishingOrganName: { need: '', note: '不填则为本机关名称', example: '' },
  formedOn: { need: '必填', note: '2021-02-01、2021/2/1、2021.2.1、2021年2月1日 或 Excel 日期；不早于 1900-01-01', example: '2021-02-01' },
  publishedOn: { need: '导入已发布信息时必填', note: '写法同成文日期，不早于成文日期、不晚于今天；作为草稿导入时不导入（草稿发布时按实际日期记）', example: '2021-02-03' },
  subject: { need: '', note: '主题分类', example: '城乡建设、环境保护' },
  genre: { need: '', note: '体裁：通知、公告、工作动态等', example: '通知' },
  stage: { need: '必填', note: '决策、执行、管理、服务、结果（“决策公开”等写法亦可）', example: '执行' },
  disclosureMode: { need: '', note: '主动公开（默认）、依申请公开、不予公开；只有主动公开的信息可以发布', example: '主动公开' },
  withheldReason: { need: '', note: '不予公开时填写法定理由', example: '' },
  disclosurePeriod: { need: '', note: '长期公开（默认）或 限时公开', example: '长期公开' },
  audience: { need: '', note: '面向社会（默认）或 面向特定对象', example: '面向社会' },
  validity: { need: '', note: '有效（默认）、已修改、已废止、已失效；政策解读只能为有效（它随所解读的文件）', example: '有效' },
  validThroughOn: { need: '', note: '文件有效期的最后一天（含当日），写法同成文日期，不早于成文日期；次日起为已失效；未规定有效期的和政策解读不填', example: '' },
  docType: { need: '必填', note: '规章、行政规范性文件 或 其他（年度报告按此统计）', example: '其他' },
  keywords: { need: '', note: '多个用；分隔', example: '扬尘；专项整治' },
  summary: { need: '', note: '内容概述', example: '' },
  source: { need: '', note: '信息来源', example: '' },
  consultPhone: { need: '', note: '数字、连字符、括号', example: '0564-5022001' },
  catalogPaths: { need: '必填', note: `本机关目录中的栏目路径，从根栏目起用 / 连接，多个用；分隔（见“${PATHS_SHEET}”表）`, example: '政策文件/规范性文件' },
  attachments: { need: '', note: '附件压缩包中的文件名，多个用；分隔', example: '附件1.pdf' },
  attachmentTitles: { need: '', note: '各附件的附件名称（门户以它为链接文字），按“附件”列的顺序一行一个（Alt+Enter 换行），或用；分隔；没有名称的附件留空行；每个不超过 100 个字', example: '附件1：试点小区名单' },
  itemKind: { need: '', note: '普通信息（默认）或 政策解读', example: '普通信息' },
  interpretationForm: { need: '', note: '政策解读填写：文字解读、图解 或 视频解读', example: '' },
  videoUrl: { need: '', note: '视频解读的 http(s):// 地址', example: '' },
  graphicAttachment: { need: '', note: '图解：本行附件中的一张 JPG、PNG 或 GIF 图片', example: '' },
  interpretedPolicies: { need: '', note: '政策解读所解读政策的索引号，多个用；分隔', example: '' },
  replacedBy: { need: '', note: '替代本文件的信息的索引号；不能是政策解读，也不能是早于本文件制发的文件', example: '' },
  amendedBy: { need: '', note: '有效性为“已修改”的文件：修改本文件的决定或文件的索引号、文号或标题，多个用；分隔；不能是政策解读，也不能是早于本文件制发的文件', example: '' },
  matter: { need: '', note: '本行栏目的标准目录事项名称，或 模板编号:事项编码', example: '' },
  bodyHtml: { need: '', note: '正文：HTML，按编辑器的规则清理；或纯文本，每行（Alt+Enter 换行）为一段', example: '<p>各有关单位：……</p>' },
  oldUrl: { need: '', note: '旧网站上的地址，多个用；、空格或换行分隔；导入后转向新地址', example: 'http://old.example.gov.cn/art/2021/2/3/art_1_88.html' },
};

/** The 信息 sheet (and the CSV) of the blank template: the import's headers, and no row of data. */
export const templateItemRows = (): string[][] => [ITEM_COLUMNS.map((c) => c.header)];

/** The 填写说明 sheet: each column, whether it is required, what to write, an example. */
export const templateNoteRows = (): string[][] => [
  ['列名', '是否必填', '填写说明', '示例'],
  ...ITEM_COLUMNS.map((c) => [c.header, NOTES[c.key].need, NOTES[c.key].note, NOTES[c.key].example]),
];
