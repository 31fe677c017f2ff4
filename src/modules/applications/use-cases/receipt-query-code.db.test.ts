import { expect, it } from 'vitest';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { loadPrincipal, type Actor } from '../../identity/index.ts';
import { listLetters } from '../storage/letters-repository.ts';
import { applicantInput } from '../testing/application-factories.ts';
import { performVerb } from './perform-verb.ts';
import { registerApplication } from './register-application.ts';

const asActor = async (deps: AppDeps, userId: number): Promise<Actor> => ({ kind: 'user', principal: (await loadPrincipal(deps.db, userId))!, via: 'web' });
const receiptText = async (deps: AppDeps, id: number) => {
  const receipt = (await listLetters(deps.db, id)).find((l) => l.kind === 'acknowledgement')!;
  return receipt.document.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join('\n');
};

/**
 * Found by an outside tester: the 申请登记回执 of a paper application referred to “登记时告知的查询码” without
 * printing it, so an applicant by post had no written way to follow the case. The code is stored hashed.
 */
describeEachDialect('the 查询码 on the 申请登记回执', (db) => {
  it('a receipt made at registration prints the code with the number; one made later, when the code is no longer known, gives the organ’s phone instead', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', consultPhone: '0564-5022001' });
    const staff = await asActor(deps, (await createStaff(deps, organ.code, 'organ_admin')).id);

    const signed = await registerApplication(deps, staff, organ.id, { channel: 'post_signed', arrivedOn: '2026-03-09', receiptEvidence: 'EMS1234567890，王某签收', ...applicantInput() });
    const atRegistration = await receiptText(deps, signed.application.id);
    expect(atRegistration).toContain(`查询码${signed.queryCode}`);
    expect(atRegistration).toContain(signed.application.trackingNo);
    expect(atRegistration).toContain('0564-5022001');
    expect(atRegistration).not.toContain('登记时告知的查询码');

    const fax = await registerApplication(deps, staff, organ.id, { channel: 'fax', arrivedOn: '2026-03-09', ...applicantInput() });
    await performVerb(deps, staff, fax.application.id, { verb: 'confirmReceipt', confirmedOn: '2026-03-10', evidence: '电话确认' });
    const onConfirmation = await receiptText(deps, fax.application.id);
    expect(onConfirmation).not.toContain(fax.queryCode);
    expect(onConfirmation).not.toContain('登记时告知的查询码');
    expect(onConfirmation).toContain('0564-5022001');
    expect(onConfirmation).toContain('凭申请编号');
  });
});
