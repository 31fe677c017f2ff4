import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../calendar/index.ts';
import { sampleApplication } from '../testing/sample-application.ts';
import type { DecideFacts } from './decide.ts';
import { refusalsBeforeInput } from './verb-refusals.ts';
import { ApplicationErrorCode as E } from './error-codes.ts';

const facts = (today: string, actorIsOfficeHead = false): DecideFacts =>
  ({ today, calendar: WorkingDayCalendar.withBuiltinYears(), pauses: [], actorIsOfficeHead, actorUserId: 3 });

/** Found by an outside tester: 逾期未补正，终止处理 was offered before the 补正 deadline and then refused. */
describe('the verbs a case page offers come from decide', () => {
  const waiting = sampleApplication('awaiting_correction', { correctionRequestedOn: '2026-03-05', correctionDueOn: '2026-03-26' });

  it('before the correction period runs out, closing as not corrected is refused with the date; after it, it is offered', () => {
    const before = refusalsBeforeInput(waiting, facts('2026-03-26'));
    expect(before.closeCorrectionOverdue).toEqual([expect.objectContaining({ code: E.correctionNotLapsed, message: expect.stringContaining('2026-03-26') })]);
    expect(before.receiveCorrection).toBeUndefined();
    expect(refusalsBeforeInput(waiting, facts('2026-03-27')).closeCorrectionOverdue).toBeUndefined();
  });

  it('an extension is offered to the office head only, with the reason for anyone else', () => {
    const app = sampleApplication('in_progress');
    expect(refusalsBeforeInput(app, facts('2026-03-10')).extendDeadline?.[0].code).toBe(E.extensionNotApproved);
    expect(refusalsBeforeInput(app, facts('2026-03-10', true)).extendDeadline).toBeUndefined();
    // Verbs whose refusals depend on what is typed stay offered.
    expect(refusalsBeforeInput(app, facts('2026-03-10')).recordReply).toBeUndefined();
  });

  it('with nobody who may handle the cases of the organ, assigning a handler says what to do', () => {
    const app = sampleApplication('registered', { handlerUserId: null });
    const refused = refusalsBeforeInput(app, { ...facts('2026-03-10'), handlersAvailable: false }).assignHandler;
    expect(refused?.[0].message).toContain('本机关没有可承办的人员，请先在用户管理中');
    expect(refusalsBeforeInput(app, { ...facts('2026-03-10'), handlersAvailable: true }).assignHandler).toBeUndefined();
  });

  /** Found by an outside tester: 转入办理 was offered before a handler was assigned, then refused. */
  it('转入办理 without a handler is refused before anything is typed, saying to assign one; with one it is offered', () => {
    const unassigned = sampleApplication('under_review', { handlerUserId: null });
    expect(refusalsBeforeInput(unassigned, facts('2026-03-10')).startProcessing).toEqual([
      expect.objectContaining({ code: E.handlerRequired, message: expect.stringContaining('请先指定承办人') }),
    ]);
    expect(refusalsBeforeInput(sampleApplication('under_review'), facts('2026-03-10')).startProcessing).toBeUndefined();
  });

  it('an extension once the reply period has run out is refused before anything is typed, even to the office head', () => {
    const late = sampleApplication('in_progress', { dueOn: '2026-03-09' });
    expect(refusalsBeforeInput(late, facts('2026-03-10', true)).extendDeadline).toEqual([
      expect.objectContaining({ code: E.extensionAfterDeadline, message: expect.stringContaining('已不能再延期') }),
    ]);
    expect(refusalsBeforeInput(late, facts('2026-03-09', true)).extendDeadline).toBeUndefined();
  });
});
