import { Breadcrumb, Joined, PagedList, Pagination } from '../../../../platform/views/components.tsx';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import { chineseDate } from '../../../applications/index.ts';
import { organCrumbs, type Organ } from '../../../catalog/index.ts';
import { HANDLING_ROLE_LABELS, PROPOSAL_KIND_LABELS, PROPOSAL_KINDS, PROPOSAL_RESULT_LABELS, type ProposalKind } from '../../domain/proposal.ts';
import type { PublishedProposal } from '../../use-cases/published-proposals.ts';
import { proposalFilterQuery } from '../proposal-filter.ts';
import type { PortalInfo } from './letter-pages.tsx';

/** 首页 > 信息公开 > the organ's short name > 互动交流 > 建议提案办理结果, as the letter and 意见征集 pages' breadcrumb (letter-pages.tsx). */
const crumbs = (organ: Organ) => [
  ...organCrumbs(organ), { label: '互动交流', href: `/organs/${organ.code}/letters` }, { label: '建议提案办理结果', href: `/organs/${organ.code}/proposals` },
];

type ResultList = { items: PublishedProposal[]; total: number; page: number; pageSize: number; years: number[] };

/** 建议提案办理结果: the organ's published results, newest first, by year and kind. */
export function ProposalResultsPage({ info, organ, list, filter }: { info: PortalInfo; organ: Organ; list: ResultList; filter: { year?: number; kind?: ProposalKind } }) {
  const base = `/organs/${organ.code}/proposals`;
  return (
    <PortalLayout title={`建议提案办理结果 - ${organ.name}`} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <Breadcrumb items={[...crumbs(organ).slice(0, -1), { label: '建议提案办理结果' }]} />
      <h1 class="keep-words"><Joined parts={[organ.name, '建议提案办理结果']} /></h1>
      <p>本机关办理的人大代表建议和政协提案，经审查可以公开的答复在此公开，按公开日期排列（最新在前）；联系方式等个人信息已遮盖。</p>
      <form method="get" action={base} class="actions" aria-label="筛选办理结果">
        <label for="f-year">年度</label>
        <select id="f-year" name="year"><option value="">全部</option>{list.years.map((y) => <option value={String(y)} selected={filter.year === y}>{y}年</option>)}</select>
        <label for="f-kind">类别</label>
        <select id="f-kind" name="kind"><option value="">全部</option>{PROPOSAL_KINDS.map((k) => <option value={k} selected={filter.kind === k}>{PROPOSAL_KIND_LABELS[k]}</option>)}</select>
        <button type="submit" class="btn btn-small">查看</button>
      </form>
      <PagedList page={list.page} pageSize={list.pageSize} total={list.total} empty={<p>暂无公开的建议提案办理结果。</p>}>
        <table class="list cards" id="proposal-results">
          <thead><tr><th scope="col">标题</th><th scope="col">类别、编号</th><th scope="col">代表委员</th><th scope="col">答复日期</th><th scope="col">公开日期</th></tr></thead>
          <tbody>{list.items.map((p) => (
            <tr>
              <td><a href={`${base}/${p.id}`}>{p.title}</a></td>
              <td class="nowrap" data-label="类别、编号">{PROPOSAL_KIND_LABELS[p.kind]} {p.year}年{p.number}</td>
              <td data-label="代表委员">{p.submitters}</td>
              <td class="nowrap" data-label="答复日期"><time dateTime={p.repliedOn}>{p.repliedOn}</time></td>
              <td class="nowrap" data-label="公开日期"><time dateTime={p.publishedOn}>{p.publishedOn}</time></td>
            </tr>
          ))}</tbody>
        </table>
      </PagedList>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(page) => `${base}?${proposalFilterQuery(filter)}${proposalFilterQuery(filter) ? '&' : ''}page=${page}`} />
    </PortalLayout>
  );
}

/** One published result: what was asked, by whom, and the reply as published. */
export function ProposalResultPage({ info, organ, p }: { info: PortalInfo; organ: Organ; p: PublishedProposal }) {
  return (
    <PortalLayout title={`${p.title} - 建议提案办理结果`} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <Breadcrumb items={[...crumbs(organ), { label: '正文' }]} />
      <article aria-labelledby="p-title">
        <h1 id="p-title">{p.title}</h1>
        <table class="meta-table"><tbody>
          <tr><th scope="row">类别</th><td>{PROPOSAL_KIND_LABELS[p.kind]}</td></tr>
          <tr><th scope="row">编号</th><td>{p.session}{p.number}</td></tr>
          <tr><th scope="row">代表委员</th><td id="submitters">{p.submitters}</td></tr>
          <tr><th scope="row">承办方式</th><td>{organ.name}{HANDLING_ROLE_LABELS[p.role]}</td></tr>
          <tr><th scope="row">答复日期</th><td>{chineseDate(p.repliedOn)}</td></tr>
          <tr><th scope="row">办理结果</th><td>{PROPOSAL_RESULT_LABELS[p.result]}</td></tr>
          <tr><th scope="row">公开日期</th><td>{chineseDate(p.publishedOn)}</td></tr>
        </tbody></table>
        <h2>答复内容</h2>
        <p class="pre-wrap" id="reply-content">{p.replyText}</p>
      </article>
      <p><a href={`/organs/${organ.code}/proposals`}>返回建议提案办理结果</a></p>
    </PortalLayout>
  );
}
