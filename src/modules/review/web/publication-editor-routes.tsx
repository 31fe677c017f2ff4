import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireStaff } from '../../identity/index.ts';
import { itemAttachmentRoutes } from './item-attachment-routes.ts';
import { itemAttachmentTitleRoutes } from './item-attachment-title-routes.ts';
import { itemEditRoutes } from './item-edit-routes.ts';
import { itemFormRenderer } from './item-form-render.tsx';
import { itemSubmitRoutes } from './item-submit-routes.ts';
import { newItemRoutes } from './new-item-routes.ts';
import { publicationsListRoutes } from './publications-list-routes.tsx';
import { reviewFormRoutes } from './review-form-routes.ts';
import { wordImportRoutes } from './word-import-routes.ts';

/**
 * The editor's back office for items: the staff list, the item form (content, attachments and the
 * review panel), a published item's amendment. Review owns every change of an item's status, so
 * these routes live here; the catalog owns organs, the tree and the portal. Post/redirect/get;
 * failed forms re-render with what was typed (item-form-render.tsx). Each part is a file of its own:
 *
 * - word-import-routes.ts — 导入 Word 文档 (JSON for the editor, and the form without JavaScript)
 * - publications-list-routes.tsx — 信息管理, the list
 * - new-item-routes.ts — 新建信息 and its first save as a draft
 * - item-edit-routes.ts — an item's page and its 保存 (item-form-save.ts: the text with its 保密审查表)
 * - item-submit-routes.ts — 保存并报送审核
 * - review-form-routes.ts — 保存审查表 (the 保密审查表 alone)
 * - item-attachment-routes.ts — 附件, a draft's and a pending revision's
 * - item-attachment-title-routes.ts — 保存附件名称 (a draft's at once, a published item's with its revision)
 *
 * All behind one staff check, in one plugin (as before the split: the same hooks and routes).
 */
export function publicationEditorRoutes(deps: AppDeps) {
  const renderPublicationForm = itemFormRenderer(deps);
  const parts = [
    wordImportRoutes(deps, renderPublicationForm),
    publicationsListRoutes(deps),
    newItemRoutes(deps, renderPublicationForm),
    itemEditRoutes(deps, renderPublicationForm),
    itemSubmitRoutes(deps, renderPublicationForm),
    reviewFormRoutes(deps, renderPublicationForm),
    itemAttachmentRoutes(deps, renderPublicationForm),
    itemAttachmentTitleRoutes(deps, renderPublicationForm),
  ];
  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));
    for (const register of parts) register(app);
  };
}
