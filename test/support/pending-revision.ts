import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../src/platform/app-deps.ts';
import { addAttachment } from '../../src/modules/catalog/index.ts';
import { fillReviewForm, publishImported } from '../../src/modules/review/index.ts';
import { loginAs } from './app.ts';
import { createDraft, createNode, createOrgan, createStaff, publicationInput, system } from './factories.ts';
import { multipartForm } from './multipart.ts';

/** The published text, and the revision an officer proposes of it. */
export const PUBLISHED_TITLE = '关于城区停水的通知';
export const REVISED_TITLE = '关于城区停水时间调整的通知';
export const CHANGE_NOTE = '停水时间改为 6 月 3 日';

/**
 * Where the revision tests start: a published item (关于城区停水的通知, with `files` as its live
 * attachments) with its 保密审查表 (非密, 不涉及), and an officer (editor) signed in who has saved a revision
 * of it through the item's form (保存修订并报送审核: 关于城区停水时间调整的通知, 修订说明 停水时间改为 6 月 3 日),
 * so it waits for the organ's `publisher` (disclosure_office), who may approve it. `upload` adds a file to
 * the revision (随修订上传), `remove` drops one with it (随修订删除) and `keep` keeps a live one it was to
 * remove (保留), as the officer; `page` is the
 * item's back-office page as someone signed in sees it. `publishedBody` and `revisedBody` give the two texts a body of their own.
 */
export async function createPendingRevision(
  app: FastifyInstance, deps: AppDeps,
  opts: { files?: { fileName: string; bytes: Uint8Array }[]; publishedBody?: string; revisedBody?: string } = {},
) {
  const organ = await createOrgan(deps);
  const node = await createNode(deps, organ.id);
  const draft = await createDraft(deps, organ.id, [node], { title: PUBLISHED_TITLE, ...(opts.publishedBody ? { bodyHtml: opts.publishedBody } : {}) });
  for (const f of opts.files ?? []) await addAttachment(deps, system, draft.id, { fileName: f.fileName, bytes: Buffer.from(f.bytes) });
  const item = await publishImported(deps, system, draft.id);
  await fillReviewForm(deps, system, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
  const officer = await createStaff(deps, organ.code, 'editor');
  const publisher = await createStaff(deps, organ.code, 'disclosure_office');
  const mine = await loginAs(app, officer.username, officer.password);
  const { nodeIds, ...fields } = publicationInput([node], { title: REVISED_TITLE, ...(opts.revisedBody ? { bodyHtml: opts.revisedBody } : {}) });
  const saved = await app.inject({
    method: 'POST', url: `/admin/publications/${item.id}`, cookies: mine.cookies,
    payload: new URLSearchParams({ ...fields, nodeIds: String(nodeIds[0]), changeNote: CHANGE_NOTE, _csrf: mine.csrf } as Record<string, string>).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (saved.statusCode !== 303) throw new Error(`保存修订应答 ${saved.statusCode}：${saved.body.slice(0, 200)}`);
  const upload = (fileName: string, bytes: string | Uint8Array) => app.inject({
    method: 'POST', url: `/admin/publications/${item.id}/revision/attachments`, cookies: mine.cookies,
    ...multipartForm([{ name: '_csrf', value: mine.csrf }, { name: 'file', value: typeof bytes === 'string' ? bytes : Buffer.from(bytes), fileName }]),
  });
  const onFile = (action: 'remove' | 'keep') => (attachmentId: number) => app.inject({
    method: 'POST', url: `/admin/revision-attachments/${attachmentId}/${action}`, cookies: mine.cookies, payload: { _csrf: mine.csrf },
  });
  const page = async (session: { cookies: Record<string, string> } = mine) => (await app.inject({ url: `/admin/publications/${item.id}`, cookies: session.cookies })).body;
  return { organ, node, item, officer, publisher, mine, upload, remove: onFile('remove'), keep: onFile('keep'), page };
}
