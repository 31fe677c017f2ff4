import { describe, expect, it } from 'vitest';
import { countsAsView, sameVisitPath } from './view-count-rule.ts';

describe('which request of an item page counts as a view', () => {
  it('counts a GET of the page, whatever the Referer (the rule never reads it)', () => {
    expect(countsAsView('GET', undefined, false)).toBe(true);
    expect(countsAsView('GET', 'gk_fs=l; gk_elder=1', false)).toBe(true);
    expect(countsAsView('GET', 'gk_back=0', false)).toBe(true);
    expect(countsAsView('GET', 'xgk_back=1', false)).toBe(true);
  });
  it('does not count the page coming back from its own 字号 / 适老化 switch (the cookie /prefs set for it), nor the print view', () => {
    expect(countsAsView('GET', 'gk_back=1', false)).toBe(false);
    expect(countsAsView('GET', 'gk_fs=l; gk_back=1; gk_elder=1', false)).toBe(false);
    expect(countsAsView('GET', undefined, true)).toBe(false);
  });
  it('never counts a HEAD', () => {
    expect(countsAsView('HEAD', undefined, false)).toBe(false);
  });
  it('marks the switch’s return only to an item’s page, by its path alone', () => {
    expect(sameVisitPath('/organs/qlx-zjj/items/732#fs-l')).toBe('/organs/qlx-zjj/items/732');
    expect(sameVisitPath('/organs/qlx-zjj/items/732?node=12#elder')).toBe('/organs/qlx-zjj/items/732');
    expect(sameVisitPath('/organs/%E9%9D%92/items/7')).toBe('/organs/%E9%9D%92/items/7');
    for (const other of ['/', '/organs/qlx-zjj/catalog/5', '/organs/qlx-zjj/items/05', '/organs/a;b/items/5', '/organs/qlx-zjj/items/5/x']) expect(sameVisitPath(other)).toBeNull();
  });
});
