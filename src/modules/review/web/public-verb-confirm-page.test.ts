import { describe, expect, it } from 'vitest';
import { publicVerbDone } from './public-verb-confirm-page.tsx';

/** Found by an outside tester: a doubled full stop after a 撤回 note, and 《《…》政策解读》 after a 废止. */
describe('what a confirmed 撤回 or 废止 says', () => {
  it('a note ending in 。 is put in brackets without it', () => {
    const done = publicVerbDone('withdraw', { id: 1, title: '排水许可办理指南', documentNumber: null, withdrawnReason: 'published_in_error', withdrawnNote: '重复发布，已另行发布。' }, null);
    expect(done).toContain('撤回原因：误发布（重复发布，已另行发布）');
    expect(done).not.toContain('。）');
  });
  it('a title holding 《》 is quoted once, its inner pair as 〈〉', () => {
    const done = publicVerbDone('repeal', { id: 2, title: '《青岚县城镇排水与污水处理管理办法》政策解读', documentNumber: null }, null);
    expect(done).toContain('《〈青岚县城镇排水与污水处理管理办法〉政策解读》');
    expect(done).not.toContain('《《');
  });
});
