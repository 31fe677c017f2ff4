import { organPhone } from './organs.ts';
import { ORGAN_KEYS } from './organ-keys.ts';

/**
 * One 意见征集 of the demo 住建局, as its staff would open it in the back office. `open` is open from the
 * seed's day for `days` days, so a visitor can always comment; a closed one has the days things
 * happened (its comments, their approval, the 意见采纳情况) and is seeded only when its feedback day
 * has come.
 */
export type DemoConsultation = {
  organKey: string;
  title: string;
  body: string;
  howToComment: string;
  schedule:
    | { kind: 'open'; days: number }
    | {
      kind: 'closed'; startOn: string; endOn: string;
      comments: { on: string; authorName: string; content: string; approvedOn: string }[];
      feedback: { on: string; received: number; adopted: string; notAdopted: string };
    };
};

const PHONE = organPhone(ORGAN_KEYS.housing);
const MAIL = 'qlxzjj@example.gov.cn';

export function demoConsultations(): DemoConsultation[] {
  return [
    {
      organKey: ORGAN_KEYS.housing,
      title: '关于《青岚县既有住宅加装电梯实施办法（征求意见稿）》公开征求意见的公告',
      body: [
        '为规范我县既有住宅加装电梯工作，方便群众出行，县住房和城乡建设局起草了《青岚县既有住宅加装电梯实施办法（征求意见稿）》，现向社会公开征求意见。',
        '青岚县既有住宅加装电梯实施办法（征求意见稿）',
        '第一条　为改善既有住宅居住条件，方便老年人、残疾人等群体出行，根据《中华人民共和国民法典》《中华人民共和国特种设备安全法》等有关规定，结合本县实际，制定本办法。',
        '第二条　本办法适用于本县城区范围内已建成投入使用、具有合法产权、四层及以上且未设电梯的住宅。',
        '第三条　加装电梯以单元为单位申请，由本单元房屋专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，并经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意。',
        '第四条　加装电梯所需资金由本单元业主按所在楼层、房屋面积等因素协商分摊。符合条件的，可以按规定申请财政补助，并可提取住房公积金。',
        '第五条　县住房和城乡建设局负责统筹协调加装电梯工作；县自然资源和规划局、县市场监督管理局等部门按照各自职责做好规划审查、特种设备安装监督检验等工作；街道（乡镇）、社区负责组织协调业主协商。',
        '第六条　加装电梯完成后，由业主共同确定使用管理单位，负责电梯的日常运行、维护保养和安全管理。',
        '第七条　本办法自印发之日起施行，有效期五年。',
      ].join('\n'),
      howToComment: [
        '一、在本页“发表意见”栏提交。',
        `二、发送电子邮件至 ${MAIL}，邮件主题请注明“加装电梯实施办法意见”。`,
        '三、信函寄至青岚县岚城街道建设路26号县住房和城乡建设局城市建设股，信封上请注明“加装电梯实施办法意见”。',
        `四、电话：${PHONE}（工作日上午8:30—12:00，下午14:30—17:30）。`,
      ].join('\n'),
      schedule: { kind: 'open', days: 30 },
    },
    {
      organKey: ORGAN_KEYS.housing,
      title: '关于《青岚县城区老旧小区改造实施方案（2027—2029年）（征求意见稿）》公开征求意见的公告',
      body: [
        '为做好2027—2029年城区老旧小区改造工作，县住房和城乡建设局起草了《青岚县城区老旧小区改造实施方案（2027—2029年）（征求意见稿）》，现向社会公开征求意见。',
        '一、改造范围：城区范围内2000年底前建成、失养失修失管、市政配套设施不完善、居民改造意愿强烈的住宅小区。',
        '二、改造内容：基础类改造包括供水、排水、供电、道路、消防等设施；完善类改造包括加装电梯、停车及充电设施、适老化设施等；提升类改造包括社区综合服务设施、便民市场等。',
        '三、工作步骤：每年由街道（乡镇）摸排申报，县住房和城乡建设局会同有关部门审核确定年度改造计划，改造方案经居民议定后实施。',
        '四、资金安排：争取上级补助资金，县财政安排配套资金，居民按“谁受益、谁出资”原则合理分担，鼓励专业经营单位出资参与管线改造。',
      ].join('\n'),
      howToComment: [
        '一、在本页“发表意见”栏提交。',
        `二、发送电子邮件至 ${MAIL}。`,
        `三、电话：${PHONE}。`,
      ].join('\n'),
      schedule: {
        kind: 'closed', startOn: '2026-08-10', endOn: '2026-09-09',
        comments: [
          { on: '2026-08-14', authorName: '王小红', approvedOn: '2026-08-17', content: '建议将建设路南区、百货公司家属院列入2027年第一批改造计划。这两个小区建于上世纪八十年代，雨污管网老化，雨季经常返水。' },
          { on: '2026-08-21', authorName: '', approvedOn: '2026-08-24', content: '希望改造时同步加装电梯、增设电动自行车充电车棚，改造内容先听取每栋楼居民的意见再确定。' },
          { on: '2026-09-02', authorName: '李建国', approvedOn: '2026-09-03', content: '建议把老旧小区的围墙全部拆除，统一改成开放式街区。' },
        ],
        feedback: {
          on: '2026-09-25', received: 5,
          adopted: [
            '一、关于将建设路南区、百货公司家属院列入改造计划的意见：两个小区符合改造条件，已列入2027年改造计划。',
            '二、关于同步加装电梯、增设充电车棚的意见：已在方案“改造内容”中写明；具体内容由各小区居民议定。',
            '三、关于改造内容征求居民意见的意见：已在方案“工作步骤”中明确改造方案须经居民议定后实施。',
          ].join('\n'),
          notAdopted: '关于拆除围墙、统一改成开放式街区的意见：拆除围墙涉及业主共有部分，须由业主依法共同决定，且涉及治安防范、物业管理等问题，本方案不作统一要求，由各小区业主自行议定。',
        },
      },
    },
  ];
}
