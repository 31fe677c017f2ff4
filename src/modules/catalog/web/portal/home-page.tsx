import { Joined } from '../../../../platform/views/components.tsx';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import type { Organ } from '../../domain/organ.ts';
import type { PublicationListItem } from '../../storage/publications-repository.ts';
import { ORGAN_KIND_LABELS } from '../../domain/labels.ts';
import { ItemList } from './item-list.tsx';
import type { PortalRequestInfo } from './portal-request.ts';

/** Region portal home: the organs (government first, then its departments) and the newest items. */
export function HomePage({ info, organs, latest }: { info: PortalRequestInfo; organs: Organ[]; latest: PublicationListItem[] }) {
  const governments = organs.filter((o) => o.kind === 'government' && (o.parentId === null || !organs.some((p) => p.id === o.parentId)));
  const childrenOf = (id: number) => organs.filter((o) => o.parentId === id && o.kind !== 'unit');
  return (
    <PortalLayout title="首页" prefs={info.prefs} currentPath={info.currentPath}>
      {/* The region home names the government whose site it is and presents its departments (issue 15). */}
      <h1 class="keep-words">{governments.length === 1 ? <Joined parts={[governments[0].name, '政府信息公开']} /> : '政府信息公开'}</h1>
      <div class="grid">
        <section aria-labelledby="organs-h" class="panel">
          <h2 id="organs-h">{governments.length === 1 ? `${governments[0].name}及所属部门` : '公开主体'}</h2>
          {governments.length === 0 && <p>尚未设置机关。</p>}
          <ul class="tree">
            {governments.map((g) => (
              <li key={g.id}>
                <a href={`/organs/${g.code}`}>{g.name}</a>
                <ul>
                  {childrenOf(g.id).map((d) => (
                    <li key={d.id}>
                      <a href={`/organs/${d.code}`}>{d.name}</a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <p><a href="/organs">全部公开主体</a></p>
        </section>
        <section aria-labelledby="latest-h">
          <h2 id="latest-h">最新公开信息</h2>
          <ItemList items={latest} showOrgan />
          {/* Everything published, newest first: the search's listing without a word (docs/search.md, "Filters without a word"). */}
          <p><a href="/search?sort=newest">更多公开信息</a></p>
        </section>
      </div>
    </PortalLayout>
  );
}

export function OrgansPage({ info, organs }: { info: PortalRequestInfo; organs: Organ[] }) {
  const top = organs.filter((o) => o.parentId === null);
  const render = (list: Organ[]) => (
    <ul>
      {list.map((o) => (
        <li key={o.id}>
          <a href={`/organs/${o.code}`}>{o.name}</a> <span class="count">{ORGAN_KIND_LABELS[o.kind]}</span>
          {organs.some((c) => c.parentId === o.id) && render(organs.filter((c) => c.parentId === o.id))}
        </li>
      ))}
    </ul>
  );
  return (
    <PortalLayout title="信息公开" prefs={info.prefs} currentPath={info.currentPath}>
      <nav class="breadcrumb" aria-label="当前位置"><span>当前位置：</span><ol><li><a href="/">首页</a></li><li><span aria-current="page">信息公开</span></li></ol></nav>
      <h1 class="keep-words"><Joined parts={['信息公开', '公开主体']} /></h1>
      <div class="tree">{render(top)}</div>
    </PortalLayout>
  );
}
