import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, system } from '../../../../../test/support/factories.ts';
import { publishImported } from '../../../review/index.ts';
import { addAttachment } from '../../index.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const DOCX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60)]);

/**
 * A PDF attachment opens in the phone's viewer rather than being saved (found by an outside tester:
 * `Content-Disposition: attachment` made a phone download every 通知's PDF): PDFs and pictures go
 * `inline`, under the same UTF-8 filename*; every other type is still a download, and nosniff stays.
 */
describeEachDialect('how the portal sends an item attachment', (db) => {
  it('sends a PDF inline under its Chinese name, a Word file as a download, both with nosniff', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)], { title: '老旧小区改造补助资金公示' });
    const pdfId = await addAttachment(deps, system, draft.id, { fileName: '补助资金明细.pdf', bytes: PDF });
    const docxId = await addAttachment(deps, system, draft.id, { fileName: '申请表.docx', bytes: DOCX });
    await publishImported(deps, system, draft.id);

    const pdf = await app.inject(`/attachments/${pdfId}/${encodeURIComponent('补助资金明细.pdf')}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent('补助资金明细.pdf')}`);
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(pdf.rawPayload.equals(PDF)).toBe(true);

    const docx = await app.inject(`/attachments/${docxId}/${encodeURIComponent('申请表.docx')}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('申请表.docx')}`);
    expect(docx.headers['x-content-type-options']).toBe('nosniff');
    await app.close();
  });
});
