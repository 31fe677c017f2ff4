import type { ComponentChildren } from 'preact';
import { Breadcrumb, RawHtml } from '../../../../platform/views/components.tsx';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import type { Organ } from '../../domain/organ.ts';
import { organCrumbs } from './organ-home-page.tsx';
import type { PortalRequestInfo } from './portal-request.ts';

/** A page of an organ's disclosure site with a title and either stored rich text or fixed content. */
export function OrganTextPage({ info, organ, parent, title, html, children }: { info: PortalRequestInfo; organ: Organ; parent?: Organ | null; title: string; html?: string; children?: ComponentChildren }) {
  return (
    <PortalLayout title={`${title} - ${organ.name}`} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <Breadcrumb items={[...organCrumbs(organ, parent), { label: title }]} />
      <h1>{title}</h1>
      {html !== undefined && (html.trim() ? <RawHtml html={html} class="article-body" /> : <p>本机关尚未发布{title}。如需了解，请致电 {organ.consultPhone || '本机关'} 咨询。</p>)}
      {children}
    </PortalLayout>
  );
}

// 条例第二十条: the fifteen categories every organ publishes proactively, with words that find the matching catalog nodes.
export const STATUTORY_CATEGORIES: { label: string; match: string[] }[] = [
  { label: '（一）行政法规、规章和规范性文件', match: ['政策文件', '规范性文件', '其他文件'] },
  { label: '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名', match: ['机构职能', '机构概况', '领导信息', '内设机构'] },
  { label: '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策', match: ['规划计划', '规划'] },
  { label: '（四）国民经济和社会发展统计信息', match: ['统计'] },
  { label: '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果', match: ['行政许可', '办事服务'] },
  { label: '（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定', match: ['行政处罚', '行政强制'] },
  { label: '（七）财政预算、决算信息', match: ['财政预决算', '预决算', '预算', '决算'] },
  { label: '（八）行政事业性收费项目及其依据、标准', match: ['收费'] },
  { label: '（九）政府集中采购项目的目录、标准及实施情况', match: ['采购'] },
  { label: '（十）重大建设项目的批准和实施情况', match: ['重大建设项目'] },
  { label: '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况', match: ['保障性住房', '农村危房改造', '扶贫', '社会保障'] },
  { label: '（十二）突发公共事件的应急预案、预警信息及应对情况', match: ['应急'] },
  { label: '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况', match: ['扬尘', '建筑工程质量', '安全生产', '质量'] },
  { label: '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果', match: ['人事信息', '招考', '招聘'] },
  { label: '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息', match: ['房屋征收', '市政服务', '房地产市场监管'] },
];
