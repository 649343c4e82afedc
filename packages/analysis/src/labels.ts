/** The languages reports are rendered in. */
export type ReportLanguage = 'zh' | 'en';

/** A label in Chinese, and in English with the Chinese domain term beside it. */
interface Label {
  readonly zh: string;
  readonly en: string;
}

/** Labels of the report, keyed by the analysis's field names. */
export const LABELS = {
  title: { zh: '年度履职整体分析', en: 'Annual overall analysis 年度整体分析' },
  rollUpTitle: {
    zh: '年度履职整体分析（汇总）',
    en: 'Annual overall analysis, roll-up 年度整体分析（汇总）',
  },
  committee: { zh: '委员会', en: 'Committee 委员会' },
  committees: { zh: '各委员会', en: 'Committees 委员会' },
  year: { zh: '年度', en: 'Year 年度' },
  terms: { zh: '届次', en: 'Terms 届' },
  overview: { zh: '概况', en: 'Overview 概况' },
  members: { zh: '委员人数', en: 'Members 委员' },
  metric: { zh: '指标', en: 'Metric' },
  value: { zh: '数值', en: 'Value' },
  plenary: { zh: '全体会议出席', en: 'Plenary attendance 全体会议出席' },
  meetings: { zh: '全体会议次数', en: 'Plenary meetings 全体会议' },
  meeting: { zh: '会议', en: 'Meeting 会议' },
  session: { zh: '次会议', en: 'Session 次会议' },
  expected: { zh: '应出席人次', en: 'Expected 应出席' },
  present: { zh: '出席人次', en: 'Present 出席' },
  excused: { zh: '请假人次', en: 'Excused 请假' },
  absent: { zh: '缺席人次', en: 'Absent 缺席' },
  notRecorded: { zh: '未记录人次', en: 'Not recorded 未记录' },
  onLongLeave: { zh: '长期请假人次', en: 'On long leave 长期请假' },
  turnout: { zh: '全体会议出席率', en: 'Plenary turnout 全体会议出席率' },
  presentByChannel: { zh: '出席方式', en: 'Present by channel 出席方式' },
  inPerson: { zh: '现场', en: 'In person 现场' },
  video: { zh: '视频', en: 'Video 视频' },
  online: { zh: '网络', en: 'Online 网络' },
  excusedByReason: { zh: '请假事由', en: 'Excused by reason 请假事由' },
  reason: { zh: '事由', en: 'Reason 事由' },
  proposals: { zh: '提案', en: 'Proposals 提案' },
  submitted: { zh: '提交', en: 'Submitted 提交' },
  filed: { zh: '立案（含并案）', en: 'Filed or merged 立案（含并案）' },
  merged: { zh: '其中并案', en: 'of which merged 并案' },
  notFiled: { zh: '不予立案', en: 'Not filed 不予立案' },
  converted: { zh: '转为意见建议', en: 'Converted 转为意见建议' },
  returned: { zh: '退回', en: 'Returned 退回' },
  pendingReview: { zh: '待审查', en: 'Pending review 待审查' },
  key: { zh: '重点提案', en: 'Key 重点提案' },
  excellent: { zh: '优秀提案', en: 'Excellent 优秀提案' },
  instructed: { zh: '获领导批示', en: "Leader's instruction 领导批示" },
  collective: { zh: '集体提案', en: 'Collective 集体提案' },
  fromMembers: { zh: '委员提案', en: 'From members 委员提案' },
  sessionTiming: { zh: '大会提案', en: 'At the session 大会提案' },
  interim: { zh: '平时提案', en: 'Interim 平时提案' },
  byCategory: { zh: '按类别', en: 'By category 类别' },
  category: { zh: '类别', en: 'Category 类别' },
  opinions: { zh: '社情民意信息', en: 'Social conditions and public opinion 社情民意' },
  adopted: { zh: '被采用', en: 'Adopted 采用' },
  adoptedByLevel: { zh: '按采用层级', en: 'Adopted by level 采用层级' },
  acts: { zh: '履职情况', en: 'Duty acts 履职' },
  family: { zh: '类别', en: 'Family' },
  total: { zh: '总数', en: 'Total' },
  perMember: { zh: '人均', en: 'Per member 人均' },
  coverage: { zh: '有此项履职的委员', en: 'Members with at least one 覆盖' },
  distribution: { zh: '委员履职数分布', en: 'Acts per member 委员履职数分布' },
  distributionNote: {
    zh: '每名委员本年度出席会议和活动、发言、提案、社情民意信息、新闻宣传和公益活动之和；四分位数取线性插值。',
    en: 'Per member: present attendances, speeches, proposals in a credited role, public-opinion items (社情民意) authored, publicity and public welfare of the year; quartiles interpolate linearly.',
  },
  min: { zh: '最小值', en: 'Min' },
  q1: { zh: '下四分位数', en: 'Q1' },
  median: { zh: '中位数', en: 'Median 中位数' },
  q3: { zh: '上四分位数', en: 'Q3' },
  max: { zh: '最大值', en: 'Max' },
  bySector: { zh: '按界别', en: 'By sector 界别' },
  sector: { zh: '界别', en: 'Sector 界别' },
  bySpecialCommittee: { zh: '按专门委员会', en: 'By special committee 专门委员会' },
  specialCommittee: { zh: '专门委员会', en: 'Special committee 专门委员会' },
  standingVsOrdinary: { zh: '常委与一般委员', en: 'Standing and ordinary members 常委与委员' },
  standing: { zh: '常委', en: 'Standing 常委' },
  ordinary: { zh: '一般委员', en: 'Ordinary 委员' },
  actsPerMember: { zh: '人均履职数', en: 'Acts per member' },
  nothingRecorded: { zh: '未履职委员', en: 'Nothing recorded 未履职委员' },
  nothingRecordedNote: {
    zh: '本年度在任但无任何履职记录（请假或缺席不算履职）。',
    en: 'Seated in the year with no act recorded in it (an excused or absent attendance is not an act).',
  },
  none: { zh: '无', en: 'None' },
  longLeave: { zh: '长期请假', en: 'Long leave 长期请假' },
  memberId: { zh: '委员编号', en: 'Member' },
  name: { zh: '姓名', en: 'Name' },
  from: { zh: '起', en: 'From' },
  to: { zh: '止', en: 'To' },
  openEnded: { zh: '未定', en: 'open' },
  previousYear: { zh: '与上年比较', en: 'Change from the previous year' },
  noPreviousYear: {
    zh: '上年无在任委员，不作比较。',
    en: 'Nobody was seated in the previous year: no comparison.',
  },
  thisYear: { zh: '本年', en: 'This year' },
  lastYear: { zh: '上年', en: 'Previous year' },
  change: { zh: '增减', en: 'Change' },
  proposalsSubmitted: { zh: '提案提交数', en: 'Proposals submitted 提案' },
  proposalsFiled: { zh: '提案立案数', en: 'Proposals filed 立案' },
  opinionsSubmitted: { zh: '社情民意报送数', en: 'Public-opinion items submitted 社情民意' },
  opinionsAdopted: { zh: '社情民意采用数', en: 'Public-opinion items adopted 社情民意采用' },
  percentagePoints: { zh: '个百分点', en: 'pp' },
} as const satisfies Record<string, Label>;

/** Values of the record shown by name: families, categories, levels and reasons. */
export const VALUE_LABELS: Readonly<Record<string, Label>> = {
  attendances: { zh: '出席会议和活动', en: 'Attendances 出席' },
  speeches: { zh: '发言', en: 'Speeches 发言' },
  proposals: { zh: '提案（署名）', en: 'Proposals, credited 提案' },
  opinions: { zh: '社情民意信息', en: 'Public-opinion items 社情民意' },
  publicity: { zh: '新闻宣传', en: 'Publicity 新闻宣传' },
  publicWelfare: { zh: '公益活动', en: 'Public welfare 公益' },
  economic: { zh: '经济', en: 'Economic 经济' },
  political: { zh: '政治', en: 'Political 政治' },
  cultural: { zh: '文化', en: 'Cultural 文化' },
  social: { zh: '社会', en: 'Social 社会' },
  ecological: { zh: '生态文明', en: 'Ecological 生态文明' },
  other: { zh: '其他', en: 'Other 其他' },
  county: { zh: '县级', en: 'County 县级' },
  city: { zh: '市级', en: 'City 市级' },
  provincial: { zh: '省级', en: 'Provincial 省级' },
  national: { zh: '全国', en: 'National 全国' },
  prefectural: { zh: '地市级', en: 'Prefectural 地市级' },
  illness: { zh: '疾病', en: 'Illness 疾病' },
  maternity: { zh: '生育', en: 'Maternity 生育' },
  'higher-level-meeting': { zh: '参加上级会议', en: 'Higher-level meeting 参加上级会议' },
  'official-abroad': { zh: '因公出国（境）', en: 'Official posting abroad 因公出国（境）' },
  work: { zh: '工作', en: 'Work 工作' },
};

/** The label of a report heading or metric. */
export function label(key: keyof typeof LABELS, lang: ReportLanguage): string {
  return LABELS[key][lang];
}

/** The label of a recorded value (family, category, level, reason), or the value itself when unlabelled. */
export function valueLabel(value: string, lang: ReportLanguage): string {
  return VALUE_LABELS[value]?.[lang] ?? value;
}
