import { Breadcrumb, SEP } from '../../../../platform/views/components.tsx';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import type { Organ } from '../../domain/organ.ts';
import { organCrumbs } from './organ-home-page.tsx';
import type { PortalRequestInfo } from './portal-request.ts';

/** The organ's public services a unit's address may name (`/organs/UNIT/<path>`). */
export type UnitService = 'apply' | 'write' | 'mailbox' | 'consultations' | 'proposals';

const SERVICES: Record<UnitService, { path: string; title: (organ: string) => string; link: (organ: string) => string; crumbs: { label: string; path?: string }[]; says: (unit: string, organ: string) => string }> = {
  apply: {
    path: 'apply', title: (o) => `向${o}申请政府信息公开`, link: (o) => `向${o}申请政府信息公开`, crumbs: [{ label: '依申请公开' }],
    says: (u, o) => `政府信息公开申请由${o}以机关名义受理和答复（《中华人民共和国政府信息公开条例》第二十七条）。需要${u}掌握的政府信息，请向${o}申请，在申请表中写明所需信息即可。`,
  },
  write: {
    path: 'letters/new', title: (o) => `给${o}写信`, link: (o) => `给${o}写信`, crumbs: [{ label: '互动交流', path: 'letters' }, { label: '我要写信' }],
    says: (u, o) => `${u}不单独设部门信箱，咨询、建议和投诉请写信给${o}，信中写明所涉事项即可，由${o}办理和答复。`,
  },
  mailbox: {
    path: 'letters', title: (o) => `${o}部门信箱`, link: (o) => `进入${o}部门信箱`, crumbs: [{ label: '互动交流' }],
    says: (u, o) => `${u}不单独设部门信箱，咨询、建议和投诉请写信给${o}，由${o}办理和答复。`,
  },
  consultations: {
    path: 'consultations', title: (o) => `${o}意见征集`, link: (o) => `查看${o}意见征集`, crumbs: [{ label: '意见征集' }],
    says: (u, o) => `${u}不单独征集意见，涉及其工作的意见征集由${o}发布。`,
  },
  proposals: {
    path: 'proposals', title: (o) => `${o}建议提案办理结果`, link: (o) => `查看${o}建议提案办理结果`, crumbs: [{ label: '建议提案办理结果' }],
    says: (u, o) => `${u}不单独承办人大代表建议和政协委员提案，办理结果由${o}公开。`,
  },
};

/**
 * A unit's address of one of the organ's public services: a guidance page, not an error. A unit
 * (下属单位, 二级机构) has its disclosure work handled by the organ above it (条例第十条第二款: only a
 * 派出机构 or 内设机构 acting in its own name may handle its own, and the platform sets such a body up
 * as an organ), so the page names that organ, stands under it in the breadcrumb and links its
 * service. 200 because the address is understood and answered (an old bookmark, a typed address);
 * `noindex` and absent from the sitemap, so search engines send nobody here instead of to the organ.
 */
export function UnitGuidancePage({ info, unit, organ, service }: { info: PortalRequestInfo; unit: Organ; organ: Organ; service: UnitService }) {
  const s = SERVICES[service];
  const own = `/organs/${organ.code}`;
  const unitName = unit.shortName || unit.name;
  return (
    <PortalLayout title={s.title(organ.name)} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone} noindex>
      <Breadcrumb items={[...organCrumbs(unit, organ), ...s.crumbs.map((c) => ({ label: c.label, href: c.path ? `${own}/${c.path}` : undefined }))]} />
      <h1>{s.title(organ.name)}</h1>
      <p>{unit.name}是{organ.name}的下属单位，其政府信息公开工作由{organ.name}负责。{s.says(unitName, organ.name)}</p>
      <p><a href={`${own}/${s.path}`}>{s.link(organ.name)}</a>{SEP}<a href={`/organs/${unit.code}`}>返回{unitName}</a></p>
    </PortalLayout>
  );
}
