import type { Lang } from '../policy/vocabulary.ts';

type Words = Readonly<Record<Lang, string>>;

/** Names of the flag codes DOMAIN.md defines; other codes are shown as written. */
export const FLAG_NAMES: Readonly<Record<string, Words>> = {
  'attendance-not-recorded': { zh: '未记录全体会议出席情况', en: 'no plenary attendance recorded' },
  'below-pass-mark': { zh: '未达到合格分数线', en: 'below the pass mark' },
  'minimum-not-met': { zh: '未达到最低履职要求', en: 'minimum requirements not met' },
  'talk-with-convener': { zh: '由界别召集人谈话', en: 'talk with the sector convener' },
  'talk-with-committee': { zh: '由政协党组（主席会议）谈话', en: 'talk with the committee leadership' },
  'public-criticism': { zh: '通报批评', en: 'public criticism' },
  'revocation-procedure': { zh: '启动撤销委员资格程序', en: 'start the revocation procedure' },
  'advise-against-reappointment': { zh: '建议不再续聘（提名）', en: 'advise against reappointment' },
  'persuade-to-resign': { zh: '劝其辞去委员', en: 'persuade to resign' },
};

export const GRADE_NAMES: Readonly<Record<string, Words>> = {
  pass: { zh: '合格', en: 'pass' },
  fail: { zh: '不合格', en: 'fail' },
  excellent: { zh: '优秀', en: 'excellent' },
  good: { zh: '良好', en: 'good' },
  competent: { zh: '称职', en: 'competent' },
  incompetent: { zh: '不称职', en: 'incompetent' },
};

export const SUBJECT_NAMES: Readonly<Record<string, Words>> = {
  attendance: { zh: '会议', en: 'meeting' },
  speech: { zh: '会议', en: 'meeting' },
  proposal: { zh: '提案', en: 'proposal' },
  opinion: { zh: '社情民意信息', en: 'item' },
  'public-welfare': { zh: '公益活动', en: 'public-welfare activity' },
  publicity: { zh: '宣传报道', en: 'publicity' },
  honour: { zh: '荣誉', en: 'honour' },
  'annual-report': { zh: '履职报告', en: 'annual report' },
};

/** Attendance statuses and leave reasons: an absence is never shown without its reason. */
export const ATTENDANCE_WORDS: Readonly<Record<string, Words>> = {
  present: { zh: '出席', en: 'present' },
  excused: { zh: '请假', en: 'excused' },
  absent: { zh: '缺席', en: 'absent' },
  illness: { zh: '病假', en: 'illness' },
  maternity: { zh: '产假', en: 'maternity' },
  'higher-level-meeting': { zh: '参加上级会议', en: 'higher-level meeting' },
  'official-abroad': { zh: '因公出国（境）', en: 'official duty abroad' },
  work: { zh: '工作原因', en: 'work' },
  other: { zh: '其他', en: 'other' },
  attended: { zh: '到会比例', en: 'attended' },
};

/** Fixed phrases of the reports. */
export const PHRASES = {
  committee: { zh: '委员会', en: 'committee' },
  year: { zh: '年度', en: 'year' },
  term: { zh: '届', en: 'term' },
  asOf: { zh: '截至', en: 'as of' },
  score: { zh: '得分', en: 'Score' },
  grade: { zh: '等次', en: 'Grade' },
  percentile: { zh: '界别内百分位', en: 'Percentile in sector' },
  sector: { zh: '界别', en: 'sector' },
  block: { zh: '板块', en: 'Block' },
  points: { zh: '分数', en: 'Points' },
  bounds: { zh: '范围', en: 'Bounds' },
  flags: { zh: '提示与处理', en: 'Flags' },
  noFlags: { zh: '无', en: 'none' },
  evidence: { zh: '依据', en: 'evidence' },
  base: { zh: '基本分', en: 'base points' },
  cap: { zh: '超过上限，按上限计', en: 'over the cap, counted at the cap' },
  floor: { zh: '低于下限，按下限计', en: 'under the floor, counted at the floor' },
  none: { zh: '无记录', en: 'nothing recorded' },
  otherwise: { zh: '不属于任何档次', en: 'no tier applies' },
  scoreAdjustment: { zh: '总分', en: 'Score' },
  sanctionsOnly: {
    zh: '本办法只设约束性规定，不计分。',
    en: 'This policy sets sanctions only; it gives no score.',
  },
  noMembers: { zh: '该期间无在任委员。', en: 'No member was seated in the period.' },
  caveat: {
    zh: '说明：界别内百分位是同一界别中得分不高于该委员的委员所占比例，只反映记录在案的履职行为，不是排名；缺席须结合请假事由看待。分数按原值保留小数，此处显示至多四位小数。',
    en: 'Note: the percentile in sector is the share of members of the same sector scoring at or below the member. It reflects recorded acts only and is not a ranking; read absences with their reasons. Points keep their decimals; up to four are shown here.',
  },
} as const satisfies Record<string, Words>;
