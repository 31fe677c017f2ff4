import type { PublicationListItem } from '../../storage/publications-repository.ts';
import { itemPath } from '../../domain/portal-paths.ts';
import { VALIDITY_LABELS, type Validity } from '../../domain/labels.ts';
import type { ItemKind } from '../../domain/interpretation.ts';

/**
 * Beside a listed title: （已修改）, （已废止）, （已失效） — nothing for one in force, nor for a 政策解读, which has no 效力 of its
 * own (one marked before the rule is not listed as 已废止). The catalog's lists and the 最新公开信息 alike.
 */
export function ValidityMark({ item }: { item: { validity: Validity; itemKind: ItemKind } }) {
  return item.validity === 'valid' || item.itemKind === 'interpretation' ? null : <span class="count">（{VALIDITY_LABELS[item.validity]}）</span>;
}

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
            <ValidityMark item={i} />
            {showOrgan && <span class="count">（{i.organName}）</span>}
          </span>
          <time class="date" dateTime={i.publishedOn ?? undefined}>{i.publishedOn}</time>
        </li>
      ))}
    </ul>
  );
}
