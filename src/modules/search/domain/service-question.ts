import { normalizeText } from './tokenize.ts';

/**
 * A question asking how or where to do something at an office (怎么申请, 如何办理, 去哪里办理, 需要什么材料, 办理流程是什么):
 * its action words (申请, 办理 …) are the asking, not words the item must hold — a 办事指南 says 办理地点 where the asker
 * wrote 去哪里办理 — and the item the asker wants first is the service guide (docs/search.md, "A question how or where to
 * do something"; ADR 0053).
 */

/** What one does at an office. 办 alone only with 哪 (去哪办): 怎么办 asks what to do, not where to apply. */
export const SERVICE_ACTIONS = ['申请', '办理', '办', '报名', '领取', '申领', '申报', '材料', '流程', '手续'];
/** How, where, what: the question words that make action words a question. */
const QUESTION_WORDS = ['如何', '怎么', '怎样', '怎么样', '哪里', '哪儿', '在哪', '哪', '哪些', '哪个', '什么'];
/** Words that may stand between them (去哪里办理, 申请需要什么材料, 办理流程是什么, 我想申请…怎么办理). */
const LINKS = ['去', '到', '在', '向', '找', '需要', '要', '需', '该', '应该', '应当', '可以', '能', '是', '有', '我', '我们', '我家', '想', '请问', '请', '一下', '呢', '吗'];

type Piece = { text: string; kind: 'question' | 'action' | 'link' };
const PIECES: Piece[] = [
  ...QUESTION_WORDS.map((text) => ({ text, kind: 'question' as const })),
  ...SERVICE_ACTIONS.map((text) => ({ text, kind: 'action' as const })),
  ...LINKS.map((text) => ({ text, kind: 'link' as const })),
];

/**
 * The action words of a text made only of question words, action words and the words between them, with at least one
 * of each (怎么申请 → [申请], 去哪里办理 → [办理], 申请需要什么材料 → [申请, 材料]); null for any other text (公租房,
 * 怎么办, 申请条件, 如何). 办 counts only beside a 哪 (去哪办); a text is read the way that finds both, if any does.
 */
export function serviceActionsOf(raw: string): string[] | null {
  const text = normalizeText(raw);
  if (!text || text.length > 16) return null;
  // At each end position, every way to get there: the action words met and whether a question word and a 哪 were.
  type Way = { actions: string[]; question: boolean; where: boolean };
  const ways: Way[][] = [[{ actions: [], question: false, where: false }]];
  for (let end = 1; end <= text.length; end++) {
    ways[end] = [];
    for (const p of PIECES) {
      const start = end - p.text.length;
      if (start < 0 || text.slice(start, end) !== p.text) continue;
      for (const w of ways[start]) {
        ways[end].push({
          actions: p.kind === 'action' ? [...w.actions, p.text] : w.actions,
          question: w.question || p.kind === 'question',
          where: w.where || (p.kind === 'question' && p.text.includes('哪')),
        });
      }
    }
    // Bounded: the ways differ only in their flags and actions; a few of each are enough.
    ways[end] = ways[end].slice(0, 8);
  }
  const found = ways[text.length].find((w) => w.question && w.actions.some((a) => a !== '办' || w.where));
  return found ? [...new Set(found.actions.filter((a) => a !== '办' || found.where))] : null;
}

/** Whether a text is such a question (serviceActionsOf finds its action words). */
export const isServiceQuestion = (text: string) => serviceActionsOf(text) !== null;

/**
 * The endings of a title that make an item a service guide (办事指南) for the asker: the genre 办事指南 where an import or
 * the API gives it, else its name (an edition note after it left out, as rank.ts reads names). The catalog's 体裁 list has
 * no 办事指南 (a guide is 其他 there), so the title is what tells one.
 */
const GUIDE_TITLE = /(?:办事|办理|服务|申请|申报|报名)(?:指南|流程|须知)$/u;
const CLOSING_NOTE = /[（(][^（）()]*[)）]\s*$/u;

export function isServiceGuide(item: { title: string; genre: string }): boolean {
  if (item.genre === '办事指南') return true;
  const name = normalizeText(item.title).trim().replace(CLOSING_NOTE, '').replace(/[^\p{L}\p{N}]+$/u, '');
  return GUIDE_TITLE.test(name);
}

/** Words of a title that make it a guide, as alternatives of one more keyword for a title question (`isServiceGuide` then decides). */
export const GUIDE_TITLE_WORDS = ['指南', '流程', '须知'];
