import type { AppDeps } from '../../../platform/app-deps.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import type { Actor } from '../../identity/index.ts';
import type { Application } from '../domain/application.ts';
import type { Command } from '../domain/application-verbs.ts';
import { performVerb } from '../use-cases/perform-verb.ts';
import { registerApplication } from '../use-cases/register-application.ts';
import type { RecordCorrection } from '../domain/record-correction.ts';
import { registerRecordCorrection } from '../use-cases/record-corrections.ts';

let seq = 0;

/** What an applicant types on the form (a natural person asking for a housing project list). */
export function applicantInput(over: Record<string, unknown> = {}): Record<string, string> {
  seq += 1;
  return {
    applicantType: 'natural_person',
    applicantName: `王某${seq}`,
    applicantIdKind: 'resident_id',
    applicantIdNumber: '11010519491231002X',
    contactPhone: '13800000000',
    contactEmail: 'wang@example.cn',
    contactAddress: '青岚县城关镇人民路1号',
    postalCode: '237000',
    subject: `2025年城区老旧小区改造项目清单及资金安排（第${seq}项）`,
    documentNumber: '',
    provisionForm: 'electronic',
    deliveryMethod: 'email',
    ...(over as Record<string, string>),
  };
}

/** An application handed in at the counter on `receivedOn` (条例第三十一条第（一）项: received that day). */
export async function registerInPerson(deps: AppDeps, actor: Actor, organId: number, receivedOn: IsoDate, over: Record<string, unknown> = {}): Promise<Application> {
  const { application } = await registerApplication(deps, actor, organId, { channel: 'in_person', arrivedOn: receivedOn, ...applicantInput(over) });
  return application;
}

/** Runs verbs in order and returns the case after the last. */
export async function runVerbs(deps: AppDeps, actor: Actor, id: number, commands: Command[]): Promise<Application> {
  let app: Application | null = null;
  for (const c of commands) app = await performVerb(deps, actor, id, c);
  return app!;
}

/** What staff type for a 条例第四十一条 correction request (a natural person whose household size was recorded wrongly). */
export function recordCorrectionInput(over: Record<string, unknown> = {}): Record<string, string> {
  seq += 1;
  return {
    channel: 'in_person',
    receivedOn: '2026-03-02',
    applicantType: 'natural_person',
    applicantName: `李某${seq}`,
    applicantIdKind: 'resident_id',
    applicantIdNumber: '11010519491231002X',
    contactPhone: '13900000000',
    contactEmail: 'li@example.cn',
    contactAddress: '青岚县城关镇人民路2号',
    postalCode: '237000',
    deliveryMethod: 'post',
    applicationTrackingNo: '',
    recordDescription: `2025年公租房资格审核结果中本人家庭人口记载为2人（第${seq}件）`,
    claimedCorrection: '家庭人口应为3人',
    evidence: '户口簿复印件、出生医学证明复印件',
    ...(over as Record<string, string>),
  };
}

/** A correction request registered at the counter. */
export async function registerRecordCorrectionAt(deps: AppDeps, actor: Actor, organId: number, over: Record<string, unknown> = {}): Promise<RecordCorrection> {
  return (await registerRecordCorrection(deps, actor, organId, recordCorrectionInput(over))).correction;
}
