import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventLabel } from './event-labels.ts';

describe('the 办理记录 names of a case’s events', () => {
  it('names every verb a use case writes into a case’s events by its own name', () => {
    const dir = path.resolve(import.meta.dirname, '../use-cases');
    const verbs = new Set(readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/\bverb: (?:source === 'portal' \? )?'([a-zA-Z]+)'(?: : '([a-zA-Z]+)')?/g)].flatMap((m) => [m[1], m[2]]).filter(Boolean)));
    expect(verbs.size).toBeGreaterThan(5);
    for (const verb of verbs) expect(eventLabel(verb), verb).not.toBe('办理');
    expect(eventLabel('flagProactive')).toBe('建议转为主动公开');
    expect(eventLabel('recordReply')).toBe('答复');
  });
});
