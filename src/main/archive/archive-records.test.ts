import { describe, expect, it } from 'vitest';
import type { Publication } from '../../modules/catalog/index.ts';
import { itemRecord, plainRecord, type ArchiveNames, type ItemNames } from './archive-records.ts';

const names: ArchiveNames = {
  person: (id) => (id === 7 ? '王五（wangwu）' : null),
  organ: (id) => (id === 3 ? { code: 'qlx-zjj-gs', name: '住房保障股' } : id === 4 ? { code: 'qlx-zrzy', name: '青岚县自然资源局' } : null),
};

describe('the archive\'s records, named as they are known outside this database', () => {
  it('leaves out the record\'s own numbers and names people, units and organs instead', () => {
    const event = {
      id: 9, letterId: 2, organId: 1, verb: 'transfer', actorUserId: 7, actorLabel: '王五（wangwu）', occurred_at: '2026-03-10T02:00:00.000Z',
      data: { handlerUserId: 7, unitId: 3, fromOrganId: 1, toOrganId: 4, toOrganName: '青岚县自然资源局' },
    };
    expect(plainRecord({ replyDraftedBy: 7, createdBy: null, events: [event] }, names)).toEqual({
      replyDraftedBy: '王五（wangwu）', createdBy: null,
      events: [{
        verb: 'transfer', actorLabel: '王五（wangwu）', occurredAt: '2026-03-10T02:00:00.000Z',
        data: { handler: '王五（wangwu）', unit: { code: 'qlx-zjj-gs', name: '住房保障股' }, fromOrgan: null, toOrgan: { code: 'qlx-zrzy', name: '青岚县自然资源局' }, toOrganName: '青岚县自然资源局' },
      }],
    });
  });

  it('refuses a database number it cannot name, rather than writing it', () => {
    expect(() => plainRecord({ application: { templateId: 5 } }, names)).toThrow(/application\.templateId/);
  });

  it('names an item\'s nodes, 事项, links and 图解 picture by path, code, 索引号 and file', () => {
    const p = {
      id: 11, organId: 1, indexNumber: '11341525MB0000000K/2026-00003', title: '公租房租金标准解读', createdBy: 7, publishedBy: null, submittingUnitId: 3,
      nodeIds: [20, 21, 99], matterId: 5, replacedById: 12, policyIds: [13, 14], graphicAttachmentId: 30, viewCount: 40, bodyHtml: '<p>正文</p>',
    } as unknown as Publication;
    const itemNames: ItemNames = {
      ...names,
      item: (id) => (id === 12 ? { indexNumber: 'A/2026-00004', title: '新标准', metadata: 'items/A-2026-00004/metadata.json' } : id === 13 ? { indexNumber: 'A/2025-00001', title: '租金标准', metadata: null } : null),
      catalogPath: (id) => ({ 20: '保障性住房/公共租赁住房', 21: '政策解读' } as Record<number, string>)[id] ?? null,
      matter: (id) => (id === 5 ? { name: '公租房租金标准', code: 'zj-bzxzf:rent' } : null),
    };
    const attachment = { id: 30, path: 'items/A-2026-00003/attachments/图解.png', fileName: '图解.png', mimeType: 'image/png', sizeBytes: 10, sha256: 'ab', uploadedAt: '2026-03-01T02:00:00.000Z' };
    const r = itemRecord(p, [attachment], itemNames);
    expect(r).toMatchObject({
      indexNumber: '11341525MB0000000K/2026-00003', createdBy: '王五（wangwu）', publishedBy: null, submittingUnit: { code: 'qlx-zjj-gs', name: '住房保障股' },
      catalogPaths: ['保障性住房/公共租赁住房', '政策解读'], matter: { name: '公租房租金标准', code: 'zj-bzxzf:rent' },
      replacedBy: { indexNumber: 'A/2026-00004', metadata: 'items/A-2026-00004/metadata.json' }, interpretedPolicies: [{ indexNumber: 'A/2025-00001', metadata: null }],
      graphicAttachment: 'items/A-2026-00003/attachments/图解.png', attachments: [{ path: attachment.path, fileName: '图解.png', uploadedAt: attachment.uploadedAt }],
    });
    expect(Object.keys(r).filter((k) => /^id$|Ids?$|viewCount/.test(k))).toEqual([]);
    expect((r.attachments as object[])[0]).not.toHaveProperty('id');
  });
});
