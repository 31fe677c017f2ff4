import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AmendmentErrorCode, amendingRefusal, documentName } from './amendment-link.ts';

const target = { id: 2, organId: 10, status: 'published', title: '关于修改《公共租赁住房管理办法》的决定', documentNumber: '岚建规〔2024〕3号' };
const ctx = { related: new Set([10]), reaches: false, already: false };

describe('which document may be named as an amender (ADR 0026)', () => {
  it('a published document of a related organ, not the item, not withdrawn, not already named, not one the item amends', () => {
    expect(amendingRefusal(1, 2, target, ctx)).toBeNull();
    expect(amendingRefusal(1, 1, target, ctx)).toEqual({ code: 'ERR_CATALOG_AMENDING_INVALID', message: '修改文件不能是本文件' });
    expect(amendingRefusal(1, 2, null, ctx)?.message).toBe('修改文件（编号 2）不存在或尚未发布');
    expect(amendingRefusal(1, 2, { ...target, status: 'draft' }, ctx)?.message).toBe('修改文件（编号 2）不存在或尚未发布');
    expect(amendingRefusal(1, 2, { ...target, status: 'withdrawn' }, ctx)?.message).toBe('《关于修改《公共租赁住房管理办法》的决定》（岚建规〔2024〕3号）已撤回，不能作为修改文件');
    expect(amendingRefusal(1, 2, target, { ...ctx, related: new Set([11]) })?.code).toBe('ERR_CATALOG_AMENDING_INVALID');
    expect(amendingRefusal(1, 2, target, { ...ctx, already: true })?.code).toBe('ERR_CATALOG_AMENDING_DUPLICATE');
    expect(amendingRefusal(1, 2, target, { ...ctx, reaches: true })?.code).toBe('ERR_CATALOG_AMENDING_CYCLE');
  });

  it('names a document as 《标题》（文号）, a title already in 《》 not wrapped twice', () => {
    expect(documentName({ title: '公共租赁住房管理办法', documentNumber: null })).toBe('《公共租赁住房管理办法》');
    expect(documentName({ title: '《公共租赁住房管理办法》', documentNumber: '岚建规〔2021〕1号' })).toBe('《公共租赁住房管理办法》（岚建规〔2021〕1号）');
  });

  it('lists every code in docs/errors.md, and the list names no code the catalog lacks', () => {
    const doc = fs.readFileSync(path.resolve('docs/errors.md'), 'utf8');
    const codes = Object.values(AmendmentErrorCode);
    for (const code of codes) expect(doc).toContain(`| \`${code}\` |`);
    const listed = [...doc.matchAll(/\| `(ERR_CATALOG_AMENDING_[A-Z_]*)` \|/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...codes].sort());
  });
});
