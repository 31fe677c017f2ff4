import type {
  Audience, DisclosureMode, DisclosurePeriod, DisclosureStage, DocType, PublicationStatus, Validity, WithheldReason,
} from './labels.ts';
import type { InterpretationForm, ItemKind } from './interpretation.ts';

export type Publication = {
  id: number;
  organId: number;
  indexNumber: string | null;
  title: string;
  documentNumber: string | null;
  publishingOrganName: string;
  formedOn: string;
  /**
   * Whether the officer set the 成文日期 (docs/adr/0017): false while it is still the date the form gave a
   * new item or a Word import took from the 落款, which a later import into the draft may fill again.
   */
  formedOnSet: boolean;
  publishedOn: string | null;
  publishedAt: string | null;
  subject: string;
  genre: string;
  stage: DisclosureStage;
  disclosureMode: DisclosureMode;
  withheldReason: WithheldReason | null;
  disclosurePeriod: DisclosurePeriod;
  audience: Audience;
  validity: Validity;
  replacedById: number | null;
  /**
   * 有效期至: the last China date the document is in force, inclusive (docs/adr/0027), or null when it
   * sets no period. The day after it the lapse job marks a 有效 item 已失效.
   */
  validThroughOn: string | null;
  keywords: string[];
  summary: string;
  bodyHtml: string;
  source: string;
  consultPhone: string | null;
  docType: DocType;
  status: PublicationStatus;
  publishRoute: string | null;
  publishedBy: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  viewCount: number;
  /** The unit (股室、二级机构) that submitted the item to its organ's catalog (信息报送), if any. */
  submittingUnitId: number | null;
  nodeIds: number[];
  /** An ordinary document, or a 政策解读 (docs/rules/proactive-disclosure.md). */
  itemKind: ItemKind;
  /** For an interpretation: 文字解读, 图解 or 视频解读; null for a document. */
  interpretationForm: InterpretationForm | null;
  videoUrl: string | null;
  /** The image attachment a 图解 shows; its body is the full text alternative. */
  graphicAttachmentId: number | null;
  /** For an interpretation: the policies it explains, whatever their status (empty for a document). */
  policyIds: number[];
  /** The 标准目录 事项 the item fulfils, one of its nodes' (docs/standard-directories.md), or null. */
  matterId: number | null;
};

export type Attachment = {
  id: number; publicationId: number; fileName: string; mimeType: string; sizeBytes: number; sha256: string; createdAt: string;
  /** null: live; added or removed by the pending revision of a published item (not yet approved). */
  revisionState: 'pending_add' | 'pending_remove' | null;
  /** 附件名称 shown in place of the file name, or null (the file name is shown); the live one in view `live`, the revision's in `revision`. */
  title: string | null;
  /** Staff's view (`all`) of a live file whose title the pending revision changes: the new title ('' taken away); else undefined. */
  pendingTitle?: string;
};
