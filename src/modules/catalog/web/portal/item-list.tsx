import type { PublicationListItem } from '../../storage/publications-repository.ts';
import { itemPath } from '../../domain/portal-paths.ts';

/** The list citizens scan: 索引号, title, 发布日期 (国办 catalog practice). */
export function ItemList({ items, showOrgan = false }: { items: PublicationListItem[]; showOrgan?: boolean }) {
  if (items.length === 0) return <p class="empty">暂无信息。</p>;
  return (
    <ul class="item-list">
      {items.map((i) => (
        <li key={i.id}>
          <span>
            {i.indexNumber && <span class="index-no">{i.indexNumber}</span>}
            <a href={itemPath(i.organCode, i.id)}>{i.title}</a>
            {showOrgan && <span class="count">（{i.organName}）</span>}
          </span>
          <time class="date" dateTime={i.publishedOn ?? undefined}>{i.publishedOn}</time>
        </li>
      ))}
    </ul>
  );
}
