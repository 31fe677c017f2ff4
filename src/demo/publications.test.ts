import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoCatalog, demoOrgans, demoPublications, LAST_PUBLISHED_ON, ORGAN_KEYS, type DemoPublication } from './index.ts';
import { isIsoDate } from '../shared/iso-date.ts';
import { GENRES, SUBJECTS } from '../modules/catalog/domain/labels.ts';

const pubs = demoPublications();
const nodes = new Map(demoCatalog().map((n) => [n.key, n]));
const byKey = new Map(pubs.map((p) => [p.key, p]));
const yearOf = (p: DemoPublication) => Number(p.publishedOn.slice(0, 4));
const housing = pubs.filter((p) => p.organKey === ORGAN_KEYS.housing);

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

/** Every text a reader or the privacy scanner sees on an item page. */
function texts(p: DemoPublication): string[] {
  return [p.title, p.summary, p.bodyHtml, p.bodyHtml.replace(/<[^>]+>/g, ''), p.source, p.genre, p.subject, p.keywords.join(' '), p.documentNumber ?? '', p.consultPhone ?? ''];
}

describe('the 住建局 in 2020', () => {
  const y2020 = housing.filter((p) => yearOf(p) === 2020);

  it('publishes exactly 420 items: 87 决策, 63 执行, 109 管理, 56 服务, 105 结果', () => {
    expect(y2020).toHaveLength(420);
    expect(countBy(y2020, (p) => p.stage)).toEqual({ decision: 87, execution: 63, management: 109, service: 56, result: 105 });
  });

  it('forms each item in 2020 or, for a few early ones, late 2019', () => {
    expect(y2020.every((p) => p.formedOn >= '2019-11-01')).toBe(true);
    const early = y2020.filter((p) => p.formedOn < '2020-01-01');
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(20);
    expect(early.every((p) => p.publishedOn < '2020-02-15')).toBe(true);
  });

  it('issues a few 规范性文件 with a 文号, some later repealed', () => {
    const normative = y2020.filter((p) => p.docType === 'normative_document');
    expect(normative.length).toBeGreaterThanOrEqual(3);
    expect(normative.length).toBeLessThanOrEqual(8);
    for (const p of normative) expect(p.documentNumber).toMatch(/^岚建规〔2020〕\d+号$/);
    expect(normative.filter((p) => p.validity === 'repealed').length).toBeGreaterThanOrEqual(2);
  });
});

describe('item counts per organ and year', () => {
  it('give the 住建局 430–520 items in every other year, 2019 to 2026', () => {
    const perYear = countBy(housing, (p) => String(yearOf(p)));
    expect(Object.keys(perYear).sort()).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    for (const [year, n] of Object.entries(perYear)) if (year !== '2020') expect(n, year).toBeGreaterThanOrEqual(430), expect(n, year).toBeLessThanOrEqual(520);
  });

  it('give the other organs 20–60 items a year, in every 五公开 stage', () => {
    for (const organ of [ORGAN_KEYS.government, ORGAN_KEYS.finance, ORGAN_KEYS.naturalResources, ORGAN_KEYS.education]) {
      const mine = pubs.filter((p) => p.organKey === organ);
      for (let year = 2019; year <= 2026; year++) {
        const items = mine.filter((p) => yearOf(p) === year);
        expect(items.length, `${organ}/${year}`).toBeGreaterThanOrEqual(20);
        expect(items.length, `${organ}/${year}`).toBeLessThanOrEqual(60);
        expect(new Set(items.map((p) => p.stage)).size, `${organ}/${year}`).toBe(5);
      }
    }
  });

  it('publish nothing for units, which draft but do not publish', () => {
    const units = new Set(demoOrgans().filter((o) => o.kind === 'unit').map((o) => o.key));
    expect(pubs.some((p) => units.has(p.organKey))).toBe(false);
  });
});

describe('every item', () => {
  it('sets its 落款 (issuing organ and date) right, as GB/T 9704 does and the editor\'s right class shows (ADR 0017), never as an indented body paragraph', () => {
    // A 落款's date: the last paragraph of a body ending with a date alone (2026年12月6日).
    const dated = /<p[^>]*>(?:(?!<p[ >]).)*\d{4}年\d{1,2}月\d{1,2}日<\/p>$/s;
    const signed = pubs.filter((p) => dated.test(p.bodyHtml));
    expect(signed.length).toBeGreaterThan(100);
    for (const p of signed) {
      const last = /<p([^>]*)>((?:(?!<p[ >]).)*)<\/p>$/s.exec(p.bodyHtml)!;
      expect(last[1], `${p.key}: ${last[2]}`).toBe(' class="right"');
      // The signer on its own right-aligned line just above the date.
      expect(p.bodyHtml, p.key).toMatch(/<p class="right">[^<]+<\/p><p class="right">\d{4}年\d{1,2}月\d{1,2}日<\/p>$/);
    }
  });

  it('has a unique, stable key named after its organ tag and year', () => {
    expect(byKey.size).toBe(pubs.length);
    for (const p of pubs) {
      expect(p.key).toMatch(/^[a-z]+\/\d{4}\/\d{4}$/);
      expect(p.key.split('/')[1]).toBe(p.publishedOn.slice(0, 4));
    }
  });

  it('has a title unique within its organ and year', () => {
    const seen = new Set<string>();
    for (const p of pubs) {
      const k = `${p.organKey}|${yearOf(p)}|${p.title}`;
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
  });

  it('never repeats a word where a topic and a document kind meet (…资金管理管理规定)', () => {
    const doubled = pubs.flatMap(texts).filter((t) => /(管理|工作|实施)\1/.test(t));
    expect(doubled.slice(0, 3)).toEqual([]);
  });

  it('sits in at least one existing node of its own organ', () => {
    for (const p of pubs) {
      expect(p.nodeKeys.length, p.key).toBeGreaterThan(0);
      expect(new Set(p.nodeKeys).size).toBe(p.nodeKeys.length);
      for (const k of p.nodeKeys) {
        expect(nodes.has(k), `${p.key} → ${k}`).toBe(true);
        expect(nodes.get(k)!.organKey, `${p.key} → ${k}`).toBe(p.organKey);
      }
    }
  });

  it('has valid dates, formed on or before it was published, and nothing after the demo day', () => {
    for (const p of pubs) {
      expect(isIsoDate(p.formedOn) && isIsoDate(p.publishedOn), p.key).toBe(true);
      expect(p.formedOn <= p.publishedOn, p.key).toBe(true);
      expect(p.publishedOn >= '2019-01-01' && p.publishedOn <= LAST_PUBLISHED_ON, p.key).toBe(true);
      const days = (Date.parse(p.publishedOn) - Date.parse(p.formedOn)) / 86_400_000;
      expect(days, p.key).toBeLessThanOrEqual(60);
    }
    expect(LAST_PUBLISHED_ON).toBe('2026-11-28');
  });

  it('is mostly published within the 20-working-day deadline, with a handful of late ones to show', () => {
    const late = pubs.filter((p) => (Date.parse(p.publishedOn) - Date.parse(p.formedOn)) / 86_400_000 > 28);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / pubs.length).toBeLessThan(0.03);
  });

  it('has a body of at least three blocks, only in tags the sanitiser keeps, and no template token left', () => {
    const allowed = new Set(['p', 'strong', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a']);
    const problems: string[] = [];
    for (const p of pubs) {
      if ((p.bodyHtml.match(/<p[ >]|<table>/g) ?? []).length < 3) problems.push(`${p.key}: fewer than three blocks`);
      for (const [, tag] of p.bodyHtml.matchAll(/<\/?([a-z0-9]+)[^>]*>/g)) if (!allowed.has(tag)) problems.push(`${p.key}: <${tag}>`);
      // Attributes: only a paragraph's alignment class the allowlist keeps (a 落款's right), and a 征求意见 notice's
      // link to its organ's 意见征集 (the seed narrows it to the notice's own consultation).
      for (const [tag] of p.bodyHtml.matchAll(/<[a-z0-9]+ [^>]*>/g)) {
        if (tag !== '<p class="right">' && !(p.commentsUntil && tag === `<a href="/organs/${p.organKey}/consultations">`)) problems.push(`${p.key}: ${tag}`);
      }
      if ([p.title, p.summary, p.bodyHtml].some((t) => t.includes('{{'))) problems.push(`${p.key}: token left`);
      if (p.summary.length > 150) problems.push(`${p.key}: summary too long`);
    }
    expect(problems).toEqual([]);
    expect(pubs.filter((p) => p.bodyHtml.includes('<table>')).length).toBeGreaterThan(1000);
  });

  it('carries metadata: genre and subject from the catalog lists, keywords, source', () => {
    const genres = new Set<string>(GENRES);
    const subjects = new Set<string>(SUBJECTS);
    expect(pubs.filter((p) => !genres.has(p.genre) || !subjects.has(p.subject)).map((p) => `${p.key} ${p.genre} ${p.subject}`)).toEqual([]);
    for (const p of pubs) {
      expect(p.genre && p.subject && p.source, p.key).toBeTruthy();
      expect(p.keywords.length, p.key).toBeGreaterThan(0);
      if (p.consultPhone !== null) expect(p.consultPhone).toMatch(/^0564-50\d{5}$/);
    }
  });
});

describe('placements fit the 五公开 stage', () => {
  const stageOfNode: [RegExp, DemoPublication['stage']][] = [
    [/\/zcwj(\/|$)/, 'decision'], [/\/zcjd$/, 'decision'], [/\/xzcf\/cfjg$/, 'result'], [/\/xzxk\/xkjg$/, 'result'],
    [/\/xzxk\/bszn$/, 'service'], [/\/gknb$/, 'result'], [/\/tjxx$/, 'result'],
  ];
  it('puts policies and 解读 in 决策, penalties and permits in 结果, guides in 服务', () => {
    for (const p of pubs) for (const k of p.nodeKeys) for (const [re, stage] of stageOfNode) if (re.test(k)) expect(p.stage, `${p.key} ${p.title}`).toBe(stage);
  });

  it('gives the 住建局 items in each standard directory every year', () => {
    for (let year = 2019; year <= 2026; year++) {
      for (const key of ['zjj/zdly/bzxzf', 'zjj/zdly/ncwfgz', 'zjj/zdly/gytdsfwzs', 'zjj/zdly/szfw']) {
        expect(housing.some((p) => yearOf(p) === year && p.nodeKeys.includes(key)), `${key} ${year}`).toBe(true);
      }
    }
  });
});

describe('政策文件 and their 政策解读', () => {
  const policies = pubs.filter((p) => p.nodeKeys.some((k) => /\/zcwj(\/|$)/.test(k)));
  const interpretations = pubs.filter((p) => p.nodeKeys.some((k) => k.endsWith('/zcjd')));
  // A title holding a 《》 (关于修改《…》的决定) is quoted with its inner marks as 〈〉.
  const bookTitle = (title: string) => {
    const m = /关于印发(《.+》)的通知$/.exec(title);
    return m ? m[1] : `《${title.replaceAll('《', '〈').replaceAll('》', '〉')}》`;
  };

  it('pair every policy with a 解读 titled 《…》政策解读, published the same day', () => {
    expect(policies.length).toBeGreaterThan(100);
    for (const p of policies) {
      const match = interpretations.find((i) => i.organKey === p.organKey && yearOf(i) === yearOf(p) && i.title === `${bookTitle(p.title)}政策解读`);
      expect(match, p.title).toBeDefined();
      expect(match!.publishedOn).toBe(p.publishedOn);
      expect(match!.bodyHtml).toContain(p.documentNumber!);
    }
    expect(interpretations).toHaveLength(policies.length);
  });

  it('name the policy each 解读 explains (the seed links them both ways), and nothing else names one', () => {
    const byKey = new Map(pubs.map((p) => [p.key, p]));
    for (const i of interpretations) {
      const policy = byKey.get(i.interpretsKey ?? '');
      expect(policy, i.title).toBeDefined();
      expect(`${bookTitle(policy!.title)}政策解读`).toBe(i.title);
      expect(policies).toContain(policy);
    }
    expect(pubs.filter((p) => p.interpretsKey).length).toBe(interpretations.length);
  });

  it('give every policy a 文号, unique within its organ', () => {
    for (const p of policies) expect(p.documentNumber, p.title).toMatch(/^岚.+〔\d{4}〕\d+号$/);
    const numbered = pubs.filter((p) => p.documentNumber);
    const seen = new Set<string>();
    for (const p of numbered) {
      const k = `${p.organKey}|${p.documentNumber}`;
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
  });
});

describe('validity of 规范性文件', () => {
  it('points every repealed document at a later replacement of the same organ', () => {
    const repealed = pubs.filter((p) => p.validity === 'repealed');
    expect(repealed.length).toBeGreaterThanOrEqual(3);
    for (const p of pubs) expect(p.replacedByKey !== null, p.key).toBe(p.validity === 'repealed');
    for (const p of repealed) {
      const next = byKey.get(p.replacedByKey!);
      expect(next, p.key).toBeDefined();
      expect(next!.organKey).toBe(p.organKey);
      expect(next!.publishedOn > p.publishedOn).toBe(true);
      expect(next!.docType).toBe('normative_document');
      expect(next!.bodyHtml).toContain(p.documentNumber!);
    }
  });

  it('names for every 已修改 document the decision that amended it (关于修改《…》的决定), as an officer records it', () => {
    const amended = pubs.filter((p) => p.validity === 'amended');
    expect(amended.length).toBeGreaterThan(0);
    for (const p of amended) {
      const decisions = pubs.filter((d) => d.amendsKey === p.key);
      expect(decisions.length, p.title).toBeGreaterThan(0);
      for (const d of decisions) {
        expect(d.organKey).toBe(p.organKey);
        expect(d.publishedOn > p.publishedOn).toBe(true);
        expect(d.docType).toBe('normative_document');
        expect(d.validity).toBe('valid');
        expect(d.title).toMatch(/关于修改《.+》的决定$/);
        expect(d.title).toContain(/(《.+》)/.exec(p.title)![1]);
        expect(d.bodyHtml).toContain(`（${p.documentNumber!}）作如下修改`);
      }
    }
    // Nothing else names an amended document.
    for (const d of pubs.filter((x) => x.amendsKey)) expect(byKey.get(d.amendsKey!)?.validity, d.title).toBe('amended');
  });

  it('keeps validity other than 有效 for 规范性文件 only', () => {
    for (const p of pubs.filter((x) => x.validity !== 'valid')) expect(p.docType, p.key).toBe('normative_document');
    expect(pubs.some((p) => p.validity === 'amended')).toBe(true);
    expect(pubs.some((p) => p.validity === 'expired')).toBe(true);
  });
});

describe('personal data', () => {
  it('contains no identity-card-like or mobile-like number anywhere', () => {
    const organTexts = demoOrgans().flatMap((o) => [o.name, o.address, o.guideHtml, o.rulesHtml, o.consultPhone, o.officeHours]);
    const all = [...pubs.flatMap(texts), ...organTexts];
    const patterns = [/\d{17}[\dXx]/, /(?<!\d)1[3-9]\d{9}(?!\d)/, /\d{11,}/];
    expect(all.filter((t) => patterns.some((re) => re.test(t)))).toEqual([]);
  });

  it('names people only as 某 (张某), never in full', () => {
    for (const p of pubs) {
      for (const m of p.bodyHtml.matchAll(/(?:^|[>，、：])([张李王刘陈杨赵周吴孙])(.)(?=代表|委员|，|<|$)/g)) {
        expect(m[2], `${p.key}: ${m[0]}`).toBe('某');
      }
    }
  });
});

describe('determinism', () => {
  it('returns the same data on every call', () => {
    expect(JSON.stringify(demoPublications())).toBe(JSON.stringify(pubs));
    expect(demoOrgans()).toEqual(demoOrgans());
    expect(demoCatalog()).toEqual(demoCatalog());
  });

  it('uses no clock and no Math.random in src/demo', () => {
    const dir = new URL('.', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const code = readFileSync(new URL(file, dir), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/Math\.random|Date\.now|new Date\(\)|performance\.now/);
    }
  });
});
