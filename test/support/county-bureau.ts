import type { AppDeps } from '../../src/platform/app-deps.ts';
import { createNode, createOrgan, createPublished } from './factories.ts';

/**
 * The county government with its housing bureau (县住建局) and one catalog column of the bureau, and a maker of
 * published items in that column from a title and one paragraph of body: the set-up the search tests of questions and
 * offers each wrote out.
 */
export async function createCountyBureau(deps: AppDeps) {
  const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
  const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
  const node = await createNode(deps, bureau.id);
  const item = (title: string, body: string) => createPublished(deps, bureau.id, [node], { title, bodyHtml: `<p>${body}</p>` });
  return { county, bureau, node, item };
}
