import { CATALOG_CHANGE_LABELS, nodePaths, type CatalogChangeKind } from './catalog-change.ts';

/** What the catalog's history page says of one recorded change (docs/catalog-changes.md). */
export type ChangeEntry = { kind: string; nodeId: number; summary: string; before: Record<string, unknown>; after: Record<string, unknown> };

/** A node path by names as the history writes it: 「住房保障 › 公租房」. */
const quoted = (path: string) => `「${path.split(' > ').join(' › ')}」`;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap((m) => (m && typeof m === 'object' && typeof (m as { name?: unknown }).name === 'string' ? [(m as { name: string }).name] : [])) : [];
const matterClause = (list: string[], where: string) => (list.length ? `；标准目录事项${list.map((n) => `“${n}”`).join('、')}${where}` : '');
/** The node a summary line names first (older records kept no path): 合并：“A > B”并入“C” → A > B. */
const fromSummary = (summary: string, k: number) => [...summary.matchAll(/“([^”]*)”/g)][k]?.[1] ?? null;

/**
 * One change as a Chinese sentence: what was done, the nodes by their path of names, how many items
 * moved, which 事项 went where, and which old addresses now lead to which new ones. Records written
 * before the paths were kept fall back to the names in their summary line.
 */
export function describeCatalogChange(organCode: string, c: ChangeEntry): { sentence: string; redirects: { fromPath: string; toPath: string }[] } {
  const b = c.before, a = c.after;
  switch (c.kind as CatalogChangeKind) {
    case 'rename': {
      const path = text(b.path) ?? text(b.name) ?? fromSummary(c.summary, 0) ?? '';
      return { sentence: `将栏目${quoted(path)}改名为“${text(a.name) ?? fromSummary(c.summary, 1) ?? ''}”，栏目地址不变${matterClause(names(a.matters), '仍属该栏目')}。`, redirects: [] };
    }
    case 'move': {
      const before = text(b.path) ?? fromSummary(c.summary, 0) ?? '';
      const after = text(a.path);
      // The new parent: the path after without its last name, or what the summary line says (移到 X).
      const parent = after ? (after.includes(' > ') ? after.slice(0, after.lastIndexOf(' > ')) : null) : (/移到 (.+)$/.exec(c.summary)?.[1] ?? null);
      const where = parent === null || parent === '（顶级）' ? '顶级' : `${quoted(parent)}下`;
      return {
        sentence: `将栏目${quoted(before)}连同其下级栏目和信息移到${where}${after ? `，现为${quoted(after)}` : ''}，栏目地址不变${matterClause(names(a.matters), '随栏目移动')}。`,
        redirects: [],
      };
    }
    case 'merge': {
      const from = text(b.path) ?? fromSummary(c.summary, 0) ?? '';
      const into = text(a.intoPath) ?? text(a.intoName) ?? fromSummary(c.summary, 1) ?? '';
      const items = count(b.items), children = count(b.children);
      const redirects = Array.isArray(a.redirects) ? (a.redirects as { fromPath: string; toPath: string }[])
        : typeof a.intoId === 'number' ? nodePaths(organCode, c.nodeId).map((fromPath, i) => ({ fromPath, toPath: nodePaths(organCode, a.intoId as number)[i] })) : [];
      const parts = [
        `将栏目${quoted(from)}并入${quoted(into)}`,
        items ? `其中 ${items} 条信息移入${quoted(into)}` : '原栏目中没有信息',
        ...(children ? [`${children} 个下级栏目移到${quoted(into)}下`] : []),
      ];
      return { sentence: `${parts.join('，')}，原栏目已删除${matterClause(names(a.matters), `移入${quoted(into)}`)}。`, redirects };
    }
    case 'split': {
      const from = text(b.path) ?? fromSummary(c.summary, 0) ?? '';
      const created = text(a.path) ?? fromSummary(c.summary, 1) ?? text(a.name) ?? '';
      return {
        sentence: `从栏目${quoted(from)}拆出新栏目${quoted(created)}，${count(a.items)} 条信息移入新栏目${matterClause(names(a.matters), '随之移入新栏目')}。`,
        redirects: [],
      };
    }
    default:
      return { sentence: `${CATALOG_CHANGE_LABELS[c.kind as CatalogChangeKind] ?? c.kind}：${c.summary}`, redirects: [] };
  }
}
