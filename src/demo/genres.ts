/**
 * Templates name genres as officials say them (办事指南, 年度报告 …); the catalog offers the 15 公文
 * types plus a few common ones (catalog/domain/labels.ts GENRES). This maps the first onto the second,
 * so filters by 体裁 find every demo item.
 */
const GENRE_OF: Record<string, string> = {
  政策解读: '解读',
  办事指南: '其他',
  年度报告: '报告',
  总结: '报告',
  行政处罚决定: '决定',
  预决算: '其他',
};

export function catalogGenre(genre: string): string {
  return GENRE_OF[genre] ?? genre;
}
