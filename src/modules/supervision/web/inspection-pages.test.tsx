import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Finding, FindingKind } from '../use-cases/site-inspection.ts';
import { inspectedText, LastRunSection, openRunText, type LastRun } from './inspection-pages.tsx';

const finding = (kind: FindingKind, title = '某项'): Finding => ({ kind, title, detail: '', responsible: '青岚县住房和城乡建设局', href: '/admin/publications/1' });
const organ = (findings: Finding[]): LastRun['organ'] => ({
  code: 'qlx-zjj', name: '青岚县住房和城乡建设局', findings,
  verdict: { vetoes: [], vetoed: false, deductions: [], score: 95, passed: true },
});
const run = (findings: Finding[]): LastRun => ({ finishedAt: '2026-03-10T02:00:00Z', trigger: 'manual', externalLinksChecked: true, organ: organ(findings) });

/**
 * 立即检查 said 「合格，95 分，发现问题 7 项」 while the line under it said nothing was found: the 7 were late columns,
 * 标准目录事项 without items and late publications, listed further down (found by an outside tester). The message names
 * the kinds with their counts, and the line names which of the site inspection's own kinds found nothing.
 */
describe('what a site inspection found, by kind', () => {
  const others = [finding('stale_node'), finding('stale_node'), finding('stale_node'), finding('missing_matter'), finding('missing_matter'), finding('published_late'), finding('published_late')];

  it('the message after 立即检查 names each kind found with its count', () => {
    expect(inspectedText(organ(others))).toBe('已完成网站检查：合格，95 分。发现问题 7 项：逾期未更新的栏目 3 项、尚无已发布信息的标准目录事项 2 项、超过 20 个工作日才发布的信息 2 项');
    expect(inspectedText(organ([]))).toBe('已完成网站检查：合格，95 分。未发现问题');
  });

  it('the section says which of its own kinds found nothing, and where the others are', () => {
    const html = render(<LastRunSection organ={{ code: 'qlx-zjj', name: '青岚县住房和城乡建设局' }} run={run(others)} csrf="t" canRun={false} canSeeWording={false} />);
    expect(html).toContain('未发现断链、附件缺失、严重表述错误或无发布日期的信息。');
    expect(html).toContain('本次检查发现的其他问题（逾期未更新的栏目 3 项、尚无已发布信息的标准目录事项 2 项、超过 20 个工作日才发布的信息 2 项）见本页下方各节，以当前情况为准。');

    const some = render(<LastRunSection organ={{ code: 'qlx-zjj', name: '青岚县住房和城乡建设局' }} run={run([finding('broken_link', '通知')])} csrf="t" canRun={false} canSeeWording={false} />);
    expect(some).toContain('未发现附件缺失、严重表述错误或无发布日期的信息。');
    expect(some).toContain('<td>断链</td>');
  });
});

describe('a run under way, as the pages tell it', () => {
  const asked = { id: 1, trigger: 'manual' as const, organCodes: ['qlx-zjj'], requestedAt: '2026-03-10T02:00:00Z', startedAt: null, organsDone: 0, itemsRead: 0 };

  it('says 已排队 with when it was asked for, then 正在检查… with how far it has got', () => {
    expect(openRunText({ ...asked, status: 'queued' })).toBe('已排队，等待检查（后台手动检查，2026-03-10 10:00 发起）。');
    expect(openRunText({ ...asked, status: 'running', startedAt: '2026-03-10T02:00:20Z', itemsRead: 400 })).toBe('正在检查…（后台手动检查，2026-03-10 10:00 开始；已读 400 条已发布信息）');
    const nightly = { ...asked, trigger: 'schedule' as const, status: 'running' as const, organCodes: ['a', 'b', 'c'], requestedAt: null, startedAt: '2026-03-10T18:05:00Z', organsDone: 1, itemsRead: 12000 };
    expect(openRunText(nightly)).toBe('正在检查…（每日定时检查，2026-03-11 02:05 开始；已检查完 1/3 个机关，已读 12,000 条已发布信息）');
  });

  it('offers 立即检查 only while no run over the organ is under way, and a link to look again', () => {
    const section = (open: Parameters<typeof LastRunSection>[0]['open']) => render(<LastRunSection organ={{ code: 'qlx-zjj', name: '青岚县住房和城乡建设局' }} run={null} csrf="t" canRun canSeeWording={false} open={open} />);
    expect(section([])).toContain('>立即检查</button>');
    const queued = section([{ ...asked, status: 'queued' }]);
    expect(queued).not.toContain('>立即检查</button>');
    expect(queued).toContain('<a href="/admin/supervision/qlx-zjj#last-run">刷新查看进度</a>');
  });
});
