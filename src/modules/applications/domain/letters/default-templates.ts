import type { TemplateKind } from './letter-kinds.ts';

export type LetterTemplate = { kind: TemplateKind; title: string; body: string };

/**
 * The wording shipped with the product. An organ may replace the title and body of each (stored in
 * application_letter_templates); the case fields, the legal basis and the remedies are added by the
 * letter builder whatever the wording, so an edit cannot drop what the law requires. Paragraphs are
 * separated by blank lines; {{名称}} is replaced by the case's value (see PLACEHOLDERS).
 */
export const DEFAULT_TEMPLATES: Record<TemplateKind, LetterTemplate> = {
  correction_notice: {
    kind: 'correction_notice',
    title: '政府信息公开申请补正告知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}）。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项如下：',
      '{{补正事项}}',
      '请您于{{补正期限}}前（{{补正工作日数}}个工作日内）向本机关提交补正后的申请。答复期限自本机关收到补正申请之日起重新计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ].join('\n\n'),
  },
  // 条例第三十二条: to a third party whose rights disclosure may harm.
  consultation_third_party: {
    kind: 'consultation_third_party',
    title: '政府信息公开征求第三方意见函',
    body: [
      '{{征求对象}}：',
      '本机关于{{收到日期}}收到政府信息公开申请（申请编号：{{申请编号}}），申请公开的信息为：{{申请内容}}。该信息公开可能损害您的合法权益，根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您的意见。',
      '请您于{{意见期限}}前（15个工作日内，{{起算说明}}）书面提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。',
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
      '请贵机关于{{意见期限}}前（15个工作日内，{{起算说明}}）提出意见。逾期未提出意见的，视为同意公开。',
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
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}）。因{{延期理由}}，本机关不能在{{原答复期限}}前作出答复。',
      '根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{延长工作日数}}个工作日，本机关将于{{延期后答复期限}}前作出答复。',
    ].join('\n\n'),
  },
  fee_notice: {
    kind: 'fee_notice',
    title: '政府信息公开信息处理费收费通知书',
    body: [
      '本机关于{{收到日期}}收到您提出的政府信息公开申请（申请编号：{{申请编号}}）。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本申请应收取信息处理费。',
      '收费方式：{{收费方式}}。计费依据：{{计费说明}}。应缴金额：人民币{{收费金额}}元。',
      '缴费方式：{{缴费方式}}',
      '请您自收到本通知次日起20个工作日内（{{缴费期限}}前）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。信息处理费作为政府非税收入，全额上缴国库。',
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
      '经查，您申请公开的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据{{法律依据}}的规定，本机关向您提供可以公开的部分，并对不予公开的部分说明理由如下：{{答复内容}}',
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
