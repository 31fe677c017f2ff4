import type { IsoDate } from '../../../shared/iso-date.ts';

/** How an application came in (条例第二十九条、第三十一条). `imported` marks rows from an old ledger. */
export const CHANNELS = ['in_person', 'post_signed', 'post_ordinary', 'online', 'fax', 'email', 'imported'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels staff can register by hand. */
export const STAFF_CHANNELS = ['in_person', 'post_signed', 'post_ordinary', 'fax', 'email', 'online'] as const satisfies readonly Channel[];

export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: '当面提交',
  post_signed: '邮寄（需签收）',
  post_ordinary: '平信邮寄（无需签收）',
  online: '互联网在线申请',
  fax: '传真',
  email: '电子邮件',
  imported: '历史台账导入',
};

/**
 * 条例第三十一条 — the receipt date (收到申请之日) by channel:
 * (一) in person: the day of submission; (二) post: the day the organ signs for it;
 * ordinary letter: the day the 公开工作机构 confirms with the applicant, which it must do the day the
 * letter arrives — so the clock starts on the arrival date, and a later confirmation is recorded and
 * warned about (docs/workflows/application-states.md); (三) online or the office's fax: the date both
 * sides confirm. E-mail is a data message over the internet: (三) applies. `letter`, where given, is
 * how the 申请登记回执 states the rule to the applicant ({{收到规则}}); otherwise it prints `rule`.
 */
export const CHANNEL_RULES: Record<Channel, { needsConfirmation: boolean; rule: string; letter?: string }> = {
  in_person: { needsConfirmation: false, rule: '当面提交的，以提交之日为收到申请之日（条例第三十一条第（一）项）' },
  post_signed: { needsConfirmation: false, rule: '以邮寄方式提交的，以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）' },
  post_ordinary: {
    needsConfirmation: false,
    rule: '以平常信函等无需签收的方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日，工作机构应当于收到平信当日确认，故自平信到达之日起算（条例第三十一条第（二）项）',
    // The receipt tells the applicant the rule without the staff's duty, so that it keeps to one page.
    letter: '以平信提交的，以本机关与您确认之日为收到申请之日，即平信到达之日（条例第三十一条第（二）项）',
  },
  online: { needsConfirmation: true, rule: '通过互联网渠道提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）' },
  fax: { needsConfirmation: true, rule: '通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）' },
  email: { needsConfirmation: true, rule: '通过电子邮件提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）' },
  imported: { needsConfirmation: false, rule: '历史台账导入，收到申请日期按台账记载' },
};

/** How the 申请登记回执 states the receipt-date rule of a channel to the applicant ({{收到规则}}). */
export const receiptRule = (channel: Channel): string => `${CHANNEL_RULES[channel].letter ?? CHANNEL_RULES[channel].rule}。`;

/** The receipt date once known: the arrival (or signature) date, or the confirmation date; null while unconfirmed. */
export function receivedOnFor(channel: Channel, arrivedOn: IsoDate, confirmedOn: IsoDate | null): IsoDate | null {
  return CHANNEL_RULES[channel].needsConfirmation ? confirmedOn : arrivedOn;
}

/** Channels whose confirmation with the applicant is recorded: those waiting for it, and the ordinary letter. */
export const recordsConfirmation = (channel: Channel): boolean => CHANNEL_RULES[channel].needsConfirmation || channel === 'post_ordinary';

/**
 * 条例第三十一条第（二）项: the office confirms an ordinary letter on the day it arrives. A later
 * confirmation does not move the receipt date (the clock runs from arrival); it is flagged.
 */
export function receiptWarnings(app: { channel: Channel; arrivedOn: IsoDate; confirmedOn: IsoDate | null }): string[] {
  if (app.channel !== 'post_ordinary' || !app.confirmedOn || app.confirmedOn <= app.arrivedOn) return [];
  return [`与申请人确认的日期${app.confirmedOn}晚于平信到达日期${app.arrivedOn}：政府信息公开工作机构应当于平信到达当日与申请人确认（条例第三十一条第（二）项），答复期限自到达日起算`];
}

/** Forms of provision and ways of obtaining the information (条例第二十九条第二款第（三）项、第四十条). */
export const PROVISION_FORMS = ['paper', 'electronic', 'either'] as const;
export const PROVISION_FORM_LABELS: Record<(typeof PROVISION_FORMS)[number], string> = {
  paper: '纸质文本',
  electronic: '电子文件',
  either: '纸质或电子均可',
};
export const DELIVERY_METHODS = ['post', 'email', 'pickup', 'online', 'fax'] as const;
export const DELIVERY_METHOD_LABELS: Record<(typeof DELIVERY_METHODS)[number], string> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上查询下载',
  fax: '传真',
};

/**
 * 条例第四十条: the form the information is actually provided in. The organ follows the form asked for
 * and how it keeps the information; where that form would endanger the carrier or cost too much, it may
 * provide electronic data or another suitable form, or arrange for the applicant to read (查阅) or
 * copy by hand (抄录).
 */
export const PROVIDED_FORMS = ['paper', 'electronic', 'inspection', 'transcription'] as const;
export type ProvidedForm = (typeof PROVIDED_FORMS)[number];
export const PROVIDED_FORM_LABELS: Record<ProvidedForm, string> = {
  paper: '纸质文本',
  electronic: '电子文件',
  inspection: '安排查阅',
  transcription: '安排抄录',
};
export const isProvidedForm = (v: unknown): v is ProvidedForm => typeof v === 'string' && (PROVIDED_FORMS as readonly string[]).includes(v);

/** Whether the form provided is the one asked for ('either' accepts paper or electronic). */
export const providedAsAsked = (asked: string, provided: ProvidedForm): boolean =>
  asked === provided || (asked === 'either' && (provided === 'paper' || provided === 'electronic'));
