import type { ErrorReason } from '../../../shared/domain-error.ts';
import { ApplicationErrorCode as E } from './error-codes.ts';
import { OUTCOME_INFO, outcomeGroup, type Outcome } from './outcomes.ts';

const TIAOLI = '《中华人民共和国政府信息公开条例》';

/**
 * Which item of 条例第三十六条 a reply rests on, where one outcome row covers two items:
 * 予以公开 is (一) already public or (二) disclosed now; 本机关不掌握 is (四) does not exist or
 * (五) not this organ's to disclose (docs/workflows/application-states.md, "The legal basis of a reply").
 */
export const BASIS_ITEMS = {
  already_public: { outcome: 'disclosed', cite: '第三十六条第（一）项', label: '所申请公开信息已经主动公开' },
  disclosable: { outcome: 'disclosed', cite: '第三十六条第（二）项', label: '所申请公开信息可以公开' },
  not_exist: { outcome: 'unable.not_held', cite: '第三十六条第（四）项', label: '经检索没有所申请公开的信息' },
  not_ours: { outcome: 'unable.not_held', cite: '第三十六条第（五）项', label: '所申请公开信息不属于本机关负责公开' },
} as const satisfies Record<string, { outcome: Outcome; cite: string; label: string }>;
export type BasisItem = keyof typeof BASIS_ITEMS;

/** Grounds for withholding part of the information under 条例第三十七条, with the article each rests on. */
export const WITHHELD_GROUNDS = {
  'withheld.state_secret': { cite: '第十四条', label: '属于国家秘密' },
  'withheld.prohibited_by_law': { cite: '第十四条', label: '法律、行政法规禁止公开' },
  'withheld.three_securities_one_stability': { cite: '第十四条', label: '公开后可能危及国家安全、公共安全、经济安全、社会稳定' },
  // 条例第十五条 covers 商业秘密 and 个人隐私 together: a letter says only what the article requires of the
  // part (its disclosure would harm a third party's lawful rights) and leaves which one to the officer's reason.
  'withheld.third_party_rights': { cite: '第十五条', label: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害', stated: '属于公开会对第三方合法权益造成损害的信息' },
  'withheld.internal_affairs': { cite: '第十六条第一款', label: '属于内部事务信息' },
  'withheld.process_information': { cite: '第十六条第二款', label: '属于过程性信息' },
  'withheld.enforcement_case_file': { cite: '第十六条第二款', label: '属于行政执法案卷信息' },
  not_government_information: { cite: '第二条', label: '不属于政府信息' },
} as const satisfies Record<string, { cite: string; label: string; stated?: string }>;
export type WithheldGround = keyof typeof WITHHELD_GROUNDS;

/** The structured part of a reply's legal basis, stored with the case (reply_basis_json). */
export type ReplyBasis = {
  item?: BasisItem;
  withheldGround?: WithheldGround;
  withheldReason?: string;
  responsibleOrgan?: string;
  responsibleContact?: string;
  /** 第三十六条第（五）项: why the responsible organ cannot be determined, when it cannot. */
  responsibleUnknown?: string;
};

export type ReplyBasisInput = {
  basisItem?: string; withheldGround?: string; withheldReason?: string; responsibleOrgan?: string; responsibleContact?: string; responsibleUnknown?: string;
};

const has = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** Checks the structured basis for an outcome; returns it cleaned and every reason it is incomplete. */
export function checkReplyBasis(outcome: Outcome, input: ReplyBasisInput): { basis: ReplyBasis; reasons: ErrorReason[] } {
  const reasons: ErrorReason[] = [];
  const refuse = (field: string, message: string) => reasons.push({ code: E.basisRequired, field, message });
  const basis: ReplyBasis = {};
  const items = (Object.keys(BASIS_ITEMS) as BasisItem[]).filter((k) => BASIS_ITEMS[k].outcome === outcome);
  if (items.length > 0) {
    const item = items.find((k) => k === input.basisItem);
    if (!item) {
      refuse('basisItem', `请选择答复所依据的一项：${items.map((k) => `${BASIS_ITEMS[k].label}（条例${BASIS_ITEMS[k].cite}）`).join('，或')}`);
    } else {
      basis.item = item;
      if (item === 'not_ours') {
        // 条例第三十六条第（五）项: the organ's name and contact are given when it can be determined.
        if (has(input.responsibleUnknown)) {
          basis.responsibleUnknown = input.responsibleUnknown.trim();
        } else {
          if (!has(input.responsibleOrgan)) refuse('responsibleOrgan', '请填写负责公开该信息的行政机关名称；确实无法确定的，请说明理由（条例第三十六条第（五）项）');
          if (!has(input.responsibleContact)) refuse('responsibleContact', '请填写负责公开该信息的行政机关的联系方式（条例第三十六条第（五）项）');
          if (has(input.responsibleOrgan)) basis.responsibleOrgan = input.responsibleOrgan.trim();
          if (has(input.responsibleContact)) basis.responsibleContact = input.responsibleContact.trim();
        }
      }
    }
  }
  if (outcome === 'partly_disclosed') {
    // 条例第三十七条: the part withheld is explained, with the article that exempts it.
    const ground = (Object.keys(WITHHELD_GROUNDS) as WithheldGround[]).find((g) => g === input.withheldGround);
    if (!ground) refuse('withheldGround', '请选择不予公开部分的理由类别（条例第十四条、第十五条、第十六条或不属于政府信息）');
    else basis.withheldGround = ground;
    if (!has(input.withheldReason)) refuse('withheldReason', '请写明不予公开的是哪一部分及具体理由（条例第三十七条）');
    else basis.withheldReason = input.withheldReason.trim();
  }
  return { basis, reasons };
}

/** The legal basis a reply letter cites: exactly the provision that applies to this outcome and basis. */
export function legalBasis(outcome: Outcome, basis: ReplyBasis): string {
  if (basis.item && BASIS_ITEMS[basis.item].outcome === outcome) return `${TIAOLI}${BASIS_ITEMS[basis.item].cite}`;
  if (outcome === 'partly_disclosed' && basis.withheldGround) return `${TIAOLI}第三十七条、${WITHHELD_GROUNDS[basis.withheldGround].cite}`;
  return OUTCOME_INFO[outcome].basis;
}

/**
 * The part a 部分公开 reply withholds (条例第三十七条), as its letter's prose states it: the officer's
 * reason (which part, why), the ground as a letter states it (its label, or the narrower wording a
 * letter may assert) and the article it rests on. Null for other outcomes.
 */
export function withheldPart(outcome: Outcome, basis: ReplyBasis): { reason: string; ground: string; cite: string } | null {
  if (outcomeGroup(outcome) !== 'partly_disclosed' || !basis.withheldGround) return null;
  const ground: { cite: string; label: string; stated?: string } = WITHHELD_GROUNDS[basis.withheldGround];
  return { reason: basis.withheldReason ?? '', ground: ground.stated ?? ground.label, cite: `${TIAOLI}${ground.cite}` };
}

/** The lines a reply letter adds for the structured basis, whatever the organ's wording. */
export function basisFields(outcome: Outcome, basis: ReplyBasis): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const withheld = withheldPart(outcome, basis);
  if (withheld) {
    out.push(
      { label: '不予公开部分的理由', value: `${withheld.ground}：${withheld.reason}` },
      { label: '不予公开部分的依据', value: withheld.cite },
    );
  }
  if (basis.item === 'not_ours') {
    if (basis.responsibleOrgan) out.push({ label: '负责公开该信息的机关', value: basis.responsibleOrgan }, { label: '该机关联系方式', value: basis.responsibleContact ?? '' });
    else if (basis.responsibleUnknown) out.push({ label: '负责公开该信息的机关', value: `无法确定：${basis.responsibleUnknown}` });
  }
  return out;
}
