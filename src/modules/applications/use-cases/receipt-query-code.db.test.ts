import { expect, it } from 'vitest';
import type { AppDeps } from '../../../platform/app-deps.ts';
import type { DocumentModel } from '../../../platform/documents/index.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { loadPrincipal, type Actor } from '../../identity/index.ts';
import { listLetters } from '../storage/letters-repository.ts';
import { applicantInput } from '../testing/application-factories.ts';
import { performVerb } from './perform-verb.ts';
import { registerApplication } from './register-application.ts';
import { resetQueryCode } from './reset-query-code.ts';
import { queryCodeMatches } from './query-code.ts';
import { findApplicationByTrackingNo } from '../storage/applications-repository.ts';

const asActor = async (deps: AppDeps, userId: number): Promise<Actor> => ({ kind: 'user', principal: (await loadPrincipal(deps.db, userId))!, via: 'web' });
const textOf = (doc: DocumentModel) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'fields' ? b.items.map((f) => f.value) : [])).join('\n');
const receiptText = async (deps: AppDeps, id: number) => textOf((await listLetters(deps.db, id)).find((l) => l.kind === 'acknowledgement')!.document);

/**
 * Found by an outside tester: the 申请登记回执 of a paper application referred to “登记时告知的查询码” without
 * printing it, so an applicant by post had no written way to follow the case. The code is stored hashed,
 * so the stored receipt (reprinted, downloaded, archived) must not hold it either: the code is printed
 * only on the copy the registration's answer shows once; the stored copy says it was given then and how
 * to have it reset.
 */
describeEachDialect('the 查询码 on the 申请登记回执', (db) => {
  it('the copy shown at registration prints the code with the number; the stored receipt says it was given then and how to reset it', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', consultPhone: '0564-5022001' });
    const staff = await asActor(deps, (await createStaff(deps, organ.code, 'organ_admin')).id);

    const signed = await registerApplication(deps, staff, organ.id, { channel: 'post_signed', arrivedOn: '2026-03-09', receiptEvidence: 'EMS1234567890，王某签收', ...applicantInput() });
    const shown = textOf(signed.receiptWithCode!);
    expect(shown).toContain(`查询码${signed.queryCode}`);
    expect(shown).toContain(signed.application.trackingNo);
    expect(shown).toContain('0564\u20115022001');

    const stored = (await listLetters(deps.db, signed.application.id)).find((l) => l.kind === 'acknowledgement')!;
    expect(JSON.stringify(stored.document)).not.toContain(signed.queryCode);
    expect(stored.document.title).toBe(signed.receiptWithCode!.title);
    const atRegistration = await receiptText(deps, signed.application.id);
    expect(atRegistration).toContain('登记时告知的查询码');
    expect(atRegistration).toContain('重新设置');
    expect(atRegistration).toContain(signed.application.trackingNo);
    expect(atRegistration).toContain('0564\u20115022001');

    const fax = await registerApplication(deps, staff, organ.id, { channel: 'fax', arrivedOn: '2026-03-09', ...applicantInput() });
    expect(fax.receiptWithCode).toBeNull();
    await performVerb(deps, staff, fax.application.id, { verb: 'confirmReceipt', confirmedOn: '2026-03-10', evidence: '电话确认' });
    const onConfirmation = await receiptText(deps, fax.application.id);
    expect(onConfirmation).not.toContain(fax.queryCode);
    expect(onConfirmation).not.toContain('登记时告知的查询码');
    expect(onConfirmation).toContain('0564\u20115022001');
    expect(onConfirmation).toContain('凭申请编号');
  });

  it('tells the applicant the status page’s address when the portal’s public address is configured', async () => {
    const deps = { ...buildDeps(db(), '2026-03-10T02:00:00Z'), publicUrl: 'https://gk.qinglan.gov.cn' };
    const organ = await createOrgan(deps, { consultPhone: '0564-5022001' });
    const staff = await asActor(deps, (await createStaff(deps, organ.code, 'organ_admin')).id);
    const inPerson = await registerApplication(deps, staff, organ.id, { channel: 'in_person', arrivedOn: '2026-03-10', ...applicantInput() });
    expect(await receiptText(deps, inPerson.application.id)).toContain('https://gk.qinglan.gov.cn/applications/status');
    expect(textOf(inPerson.receiptWithCode!)).toContain('https://gk.qinglan.gov.cn/applications/status');
    const fax = await registerApplication(deps, staff, organ.id, { channel: 'fax', arrivedOn: '2026-03-09', ...applicantInput() });
    await performVerb(deps, staff, fax.application.id, { verb: 'confirmReceipt', confirmedOn: '2026-03-10', evidence: '电话确认' });
    expect(await receiptText(deps, fax.application.id)).toContain('https://gk.qinglan.gov.cn/applications/status');

    const withoutUrl = buildDeps(db(), '2026-03-10T02:00:00Z');
    const plain = await registerApplication(withoutUrl, staff, organ.id, { channel: 'in_person', arrivedOn: '2026-03-10', ...applicantInput() });
    expect(await receiptText(withoutUrl, plain.application.id)).not.toContain('http');
  });

  it('a lost code is reset by staff after checking who asks: the old code stops working, the new one is given once', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const staff = await asActor(deps, (await createStaff(deps, organ.code, 'editor')).id);
    const made = await registerApplication(deps, staff, organ.id, { channel: 'in_person', arrivedOn: '2026-03-10', ...applicantInput() });
    await expect(resetQueryCode(deps, staff, made.application.id, '')).rejects.toMatchObject({ code: 'ERR_APPLICATION_REASON_REQUIRED' });
    const reset = await resetQueryCode(deps, staff, made.application.id, '核验申请人身份证原件');
    expect(reset.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    const stored = await findApplicationByTrackingNo(deps.db, made.application.trackingNo);
    expect(queryCodeMatches(made.application.trackingNo, made.queryCode, stored!.queryCodeHash)).toBe(false);
    expect(queryCodeMatches(made.application.trackingNo, reset.queryCode, stored!.queryCodeHash)).toBe(true);
    const events = await deps.db.selectFrom('application_events').select(['verb', 'note']).where('application_id', '=', made.application.id).execute();
    expect(events.find((e) => e.verb === 'resetQueryCode')?.note).toContain('核验申请人身份证原件');
    expect(JSON.stringify(events)).not.toContain(reset.queryCode);
  });
});
