import { describe, expect, it } from 'vitest';
import { sampleApplication } from '../../testing/sample-application.ts';
import { buildLetter } from './build-letter.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';

const PROVIDED = '现将《2025年城区老旧小区改造项目清单》（第1页至第2页、第4页至第12页）发送至您的电子邮箱。';
const WITHHELD = '清单第3页为项目评审会议的内部讨论记录';

const paragraphs = () => {
  const app = sampleApplication('replied', {
    outcome: 'partly_disclosed', repliedOn: '2026-03-10', replyText: PROVIDED, providedForm: 'electronic',
    replyBasis: { withheldGround: 'withheld.process_information', withheldReason: WITHHELD },
  });
  const doc = buildLetter('reply', {
    app, organName: '青岚县住房和城乡建设局', issuedOn: '2026-03-10', template: DEFAULT_TEMPLATES['reply.partly_disclosed'], values: {},
    reconsideration: { body: '青岚县人民政府', address: '青岚县人民路1号', online: '' }, serviceMethod: 'post',
  });
  return doc.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : []));
};

/**
 * Found by an outside tester: a 部分公开 letter printed the officer's 答复内容 (what is provided) right
 * after “并对不予公开的部分说明理由如下：”. 条例第三十七条: the part that can be disclosed is provided, and
 * the part withheld is explained with its reason and the article it rests on.
 */
describe('a 部分公开 reply letter', () => {
  it('says what is provided and how, then the part withheld with its reason and article, then the remedies', () => {
    const ps = paragraphs();
    const provided = ps.findIndex((p) => p.includes(PROVIDED));
    const withheld = ps.findIndex((p) => p.includes(WITHHELD));
    const remedies = ps.indexOf('救济途径');
    expect(provided).toBeGreaterThan(0);
    expect(withheld).toBeGreaterThan(provided);
    expect(remedies).toBeGreaterThan(withheld);

    expect(ps[provided]).toContain('第三十七条');
    expect(ps[provided]).toContain('以电子文件的方式向您提供可以公开的部分');
    expect(ps[provided]).not.toMatch(/理由如下/);
    expect(ps[provided]).not.toContain(WITHHELD);

    expect(ps[withheld]).toContain('属于过程性信息');
    expect(ps[withheld]).toContain('《中华人民共和国政府信息公开条例》第十六条第二款');
    expect(ps[withheld]).not.toContain(PROVIDED);
  });

  it('states the withheld part once: the prose says it, so the fields block does not repeat it', () => {
    expect(paragraphs().join('').split(WITHHELD)).toHaveLength(2);
    const reworded = { ...DEFAULT_TEMPLATES['reply.partly_disclosed'], body: '经查，部分公开。{{答复内容}}' };
    const app = sampleApplication('replied', {
      outcome: 'partly_disclosed', repliedOn: '2026-03-10', replyText: PROVIDED, providedForm: 'electronic',
      replyBasis: { withheldGround: 'withheld.process_information', withheldReason: WITHHELD },
    });
    // An organ's wording without the withheld part still gets it, as fields (条例第三十七条).
    const doc = buildLetter('reply', {
      app, organName: '青岚县住房和城乡建设局', issuedOn: '2026-03-10', template: reworded, values: {},
      reconsideration: { body: '青岚县人民政府', address: '', online: '' }, serviceMethod: 'post',
    });
    expect(doc.blocks.flatMap((b) => (b.kind === 'fields' ? b.items : []))).toEqual(expect.arrayContaining([
      { label: '不予公开部分的理由', value: `属于过程性信息：${WITHHELD}` },
      { label: '不予公开部分的依据', value: '《中华人民共和国政府信息公开条例》第十六条第二款' },
    ]));
  });

  it('leaves the other outcomes’ wording as it was', () => {
    expect(DEFAULT_TEMPLATES['reply.withheld'].body).toContain('本机关决定不予公开。理由如下：{{答复内容}}');
    expect(DEFAULT_TEMPLATES['reply.disclosed'].body).toContain('本机关予以公开。{{答复内容}}');
  });
});
