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
  consultation_letter: {
    kind: 'consultation_letter',
    title: '政府信息公开征求意见函',
    body: [
      '{{征求对象}}：',
      '本机关于{{收到日期}}收到政府信息公开申请（申请编号：{{申请编号}}），申请公开的信息为：{{申请内容}}。该信息公开可能损害您的合法权益（或需要与您协商确定），根据《中华人民共和国政府信息公开条例》第三十二条（第三十四条）的规定，现书面征求您的意见。',
      '请您自收到本函之日起15个工作日内（{{意见期限}}前）提出意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。',
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
