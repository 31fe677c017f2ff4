import type { TemplateKind } from './letter-kinds.ts';

export type LetterTemplate = { kind: TemplateKind; title: string; body: string };

/**
 * The wording shipped with the product. An organ may replace the title and body of each (stored in
 * application_letter_templates); the case fields, the legal basis and the remedies are added by the
 * letter builder whatever the wording, so an edit cannot drop what the law requires. Paragraphs are
 * separated by blank lines; {{名称}} is replaced by the case's value (see PLACEHOLDERS).
 */
export const DEFAULT_TEMPLATES: Record<TemplateKind, LetterTemplate> = {
  acknowledgement: {
    kind: 'acknowledgement',
    title: '政府信息公开申请登记回执',
    body: [
      '您关于公开“{{申请内容}}”的申请，本机关已于{{收到日期}}收到并登记，申请编号：{{申请编号}}。{{收到规则}}',
      '根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起20个工作日内，即最迟于{{答复期限}}作出答复；需要延长的，将另行书面告知，延长的期限最长不超过20个工作日。征求第三方或者其他机关意见所需时间不计算在答复期限内。',
      // The 查询码 when the receipt is made at registration, else the number and the 咨询电话 (follow-up.ts).
      '{{查询方式}}',
    ].join('\n\n'),
  },
  reasons_request: {
    kind: 'reasons_request',
    title: '政府信息公开申请说明理由告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}）。{{说明事项}}',
      '您申请公开政府信息的数量、频次明显超过合理范围，根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您说明申请理由。本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但无法在规定期限内答复的，将确定延迟答复的合理期限并告知您。',
    ].join('\n\n'),
  },
  delay_notice: {
    kind: 'delay_notice',
    title: '政府信息公开申请延迟答复告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}），并已收到您说明的申请理由。经审查，本机关认为您的申请理由合理，但因{{延迟理由}}，无法在原答复期限（{{原答复期限}}，含当日）内答复。',
      '根据《中华人民共和国政府信息公开条例》第三十五条的规定，本机关确定延迟答复的期限至{{延迟答复期限}}，届时将作出答复。',
    ].join('\n\n'),
  },
  withdrawal_notice: {
    kind: 'withdrawal_notice',
    title: '政府信息公开申请撤回确认书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}），申请公开“{{申请内容}}”。',
      '您已于{{撤回日期}}撤回该申请，本机关终止处理。如仍需获取相关政府信息，您可以重新提出申请。',
    ].join('\n\n'),
  },
  discard_notice: {
    kind: 'discard_notice',
    title: '政府信息公开申请不予登记告知书',
    body: [
      '本机关于{{发文日期}}收到以您的名义提交的政府信息公开申请材料（登记号：{{申请编号}}）。经核实，该材料不予登记为政府信息公开申请，理由如下：',
      '{{不予登记理由}}',
      '如您需要获取政府信息，可以依照《中华人民共和国政府信息公开条例》第二十九条的规定，向本机关提出载明申请人姓名或者名称、身份证明、联系方式以及所需政府信息的名称、文号或者便于查询的其他特征性描述的书面申请。',
    ].join('\n\n'),
  },
  correction_notice: {
    kind: 'correction_notice',
    title: '政府信息公开申请补正告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}）。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项如下：',
      '{{补正事项}}',
      '请您最迟于{{补正期限}}（{{补正工作日数}}个工作日内）向本机关提交补正后的申请。答复期限自本机关收到补正申请之日起重新计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ].join('\n\n'),
  },
  // 条例第三十二条: to a third party whose rights disclosure may harm.
  consultation_third_party: {
    kind: 'consultation_third_party',
    title: '政府信息公开征求第三方意见函',
    body: [
      '{{征求对象}}：',
      '本机关于{{收到日期}}收到政府信息公开申请（申请编号：{{申请编号}}），申请公开的信息为：{{申请内容}}。该信息公开可能损害您的合法权益，根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您的意见。',
      '请您最迟于{{意见期限}}（15个工作日内，{{起算说明}}）书面提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。',
      '您不同意公开且有合理理由的，本机关不予公开。但本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您。',
    ].join('\n\n'),
  },
  // 条例第三十四条: to another organ that produced the information with this one.
  consultation_co_agency: {
    kind: 'consultation_co_agency',
    title: '政府信息公开征求意见函',
    body: [
      '{{征求对象}}：',
      '本机关于{{收到日期}}收到政府信息公开申请（申请编号：{{申请编号}}），申请公开的信息为：{{申请内容}}。该信息由本机关与贵机关共同制作，根据《中华人民共和国政府信息公开条例》第三十四条的规定，现书面征求贵机关的意见。',
      '请贵机关最迟于{{意见期限}}（15个工作日内，{{起算说明}}）提出意见。逾期未提出意见的，视为同意公开。',
    ].join('\n\n'),
  },
  // 条例第三十二条: disclosure over the third party's objection, for the public interest.
  disclosure_notice: {
    kind: 'disclosure_notice',
    title: '政府信息公开决定告知书',
    body: [
      '{{第三方}}：',
      '本机关于{{收到日期}}收到政府信息公开申请（申请编号：{{申请编号}}），申请公开的信息为：{{申请内容}}。本机关已书面征求您的意见，您不同意公开。',
      '本机关认为，不公开可能对公共利益造成重大影响。根据《中华人民共和国政府信息公开条例》第三十二条的规定，本机关决定予以公开，现将决定公开的内容和理由告知如下：',
      '决定公开的内容：{{公开内容}}',
      '决定公开的理由：{{公开理由}}',
    ].join('\n\n'),
  },
  extension_notice: {
    kind: 'extension_notice',
    title: '政府信息公开申请延期答复告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}）。因{{延期理由}}，本机关不能在原答复期限（{{原答复期限}}，含当日）内作出答复。',
      '根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{延长工作日数}}个工作日，本机关将最迟于{{延期后答复期限}}作出答复。',
    ].join('\n\n'),
  },
  fee_notice: {
    kind: 'fee_notice',
    title: '政府信息公开信息处理费收费通知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}）。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本申请应收取信息处理费。',
      '收费方式：{{收费方式}}。计费依据：{{计费说明}}。应缴金额：人民币{{收费金额}}元。',
      '缴费方式：{{缴费方式}}',
      '请您自收到本通知次日起20个工作日内（最迟于{{缴费期限}}）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。信息处理费作为政府非税收入，全额上缴国库。',
    ].join('\n\n'),
  },
  termination_notice: {
    kind: 'termination_notice',
    title: '政府信息公开申请终止处理告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}）。',
      '{{终止原因}}本机关不再处理该政府信息公开申请。',
    ].join('\n\n'),
  },
  'reply.disclosed': {
    kind: 'reply.disclosed',
    title: '政府信息公开申请答复告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}），您申请公开“{{申请内容}}”。',
      '经查，您申请公开的政府信息属于公开范围，根据{{法律依据}}的规定，本机关予以公开。{{答复内容}}',
    ].join('\n\n'),
  },
  'reply.partly_disclosed': {
    kind: 'reply.partly_disclosed',
    title: '政府信息公开申请答复告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}），您申请公开“{{申请内容}}”。',
      // 条例第三十七条: first what is provided and how (the officer's 答复内容), then the part withheld
      // with its reason and the article it rests on (reply_basis_json), then the remedies the builder adds.
      '经查，您申请公开的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关以{{提供形式}}的方式向您提供可以公开的部分。{{答复内容}}',
      '对不予公开的部分，理由如下：{{不予公开理由}}。该部分{{不予公开类别}}，根据{{不予公开依据}}的规定，不予公开。',
    ].join('\n\n'),
  },
  'reply.withheld': {
    kind: 'reply.withheld',
    title: '政府信息公开申请答复告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}），您申请公开“{{申请内容}}”。',
      '经查，您申请公开的政府信息{{办理结果}}。根据{{法律依据}}的规定，本机关决定不予公开。理由如下：{{答复内容}}',
    ].join('\n\n'),
  },
  'reply.unable': {
    kind: 'reply.unable',
    title: '政府信息公开申请答复告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}），您申请公开“{{申请内容}}”。',
      '经查，{{办理结果}}。根据{{法律依据}}的规定，本机关无法提供。{{答复内容}}',
    ].join('\n\n'),
  },
  'reply.not_processed': {
    kind: 'reply.not_processed',
    title: '政府信息公开申请答复告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}），您申请公开“{{申请内容}}”。',
      '经审查，您的申请属于{{办理结果}}的情形。根据{{法律依据}}的规定，本机关不予处理。{{答复内容}}',
    ].join('\n\n'),
  },
  'reply.other': {
    kind: 'reply.other',
    title: '政府信息公开申请答复告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}），您申请公开“{{申请内容}}”。',
      '{{答复内容}}',
    ].join('\n\n'),
  },
};
