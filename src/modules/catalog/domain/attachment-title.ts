import { DomainError } from '../../../shared/domain-error.ts';

/** The longest 附件名称 (附件1：试点小区名单 and the like are far shorter; a title is no abstract). */
export const MAX_ATTACHMENT_TITLE = 100;

/**
 * An attachment's title as an officer typed it: trimmed; empty — no title, the file name is shown — is
 * null; a line break or more than 100 characters is refused with the field named (`field`, so the page
 * shows the message beside that box).
 */
export function checkAttachmentTitle(raw: unknown, field = 'attachmentTitle'): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') throw new DomainError('ERR_CATALOG_ATTACHMENT_TITLE', '附件名称应为文字', { field });
  const title = raw.trim();
  if (!title) return null;
  if (/[\r\n\u2028\u2029]/.test(title)) {
    throw new DomainError('ERR_CATALOG_ATTACHMENT_TITLE', '附件名称只能是一行文字，请去掉其中的换行', { field });
  }
  const length = [...title].length;
  if (length > MAX_ATTACHMENT_TITLE) {
    throw new DomainError('ERR_CATALOG_ATTACHMENT_TITLE', `附件名称不能超过 ${MAX_ATTACHMENT_TITLE} 个字（现有 ${length} 个字）`, { field });
  }
  return title;
}

/** What the public reads as an attachment's link: its title, or its file name when it has none. */
export const attachmentLabel = (a: { title: string | null; fileName: string }): string => a.title ?? a.fileName;
