/** Every reason a command can be refused, with its English and Chinese wording. */
const MESSAGES = {
  'invalid-command': ['the command does not match its schema', '指令格式不符合要求'],
  'unknown-command': ['no such command', '没有这个指令'],
  'unknown-committee': ['the committee is not registered', '委员会未登记'],
  'unknown-term': ['the term has not been opened for this committee', '该委员会尚未设立此届次'],
  'unknown-member': ['the member has never been appointed', '委员未经任命'],
  'unknown-meeting': ['the meeting has not been scheduled', '会议未登记'],
  'unknown-proposal': ['the proposal has not been submitted', '提案未提交'],
  'unknown-opinion': ['the opinion has not been submitted', '社情民意信息未提交'],
  'unknown-event': ['no recorded event has this id', '没有此编号的记录'],
  'already-exists': [
    'this id is already recorded with other data (use CorrectRecord)',
    '此编号已有不同内容的记录（请用更正指令）',
  ],
  'conflicts-with-recorded': [
    'a different record already exists for this act (use CorrectRecord)',
    '此项履职已有不同记录（请用更正指令）',
  ],
  'invalid-date-range': ['the end date is before the start date', '结束日期早于开始日期'],
  'invalid-time-zone': ['unknown IANA time zone', '未知时区'],
  'outside-term': ['the date lies outside the dates of the term', '日期不在届期之内'],
  'not-seated': ['the member is not seated in this committee on that date', '该委员在该日期不在任'],
  'on-long-leave': ['the member is on long leave on that date', '该委员在该日期处于长期请假期间'],
  'not-standing-member': [
    'only standing members attend a standing meeting as members (others attend as observer)',
    '非常委只能列席常委会议',
  ],
  'leave-reason-required': ['an excused attendance needs a leave reason', '请假出席记录须写明请假事由'],
  'leave-reason-not-allowed': [
    'a leave reason is allowed only with status excused',
    '只有请假状态才能填写请假事由',
  ],
  'fraction-out-of-range': ['fractionAttended must lie between 0 and 1', '出席比例须在 0 到 1 之间'],
  'occurs-after-recording': ['an act cannot occur after it was recorded', '履职发生时间不能晚于记录时间'],
  'proposers-not-distinct': [
    'the lead proposer and co-signers must be distinct members',
    '领衔人与联名人不能重复',
  ],
  'lead-required': ['this proposer type needs a lead member', '此类提案须有领衔（提案）委员'],
  'cosigner-required': ['a joint proposal needs at least one co-signer', '联名提案至少须有一名联名人'],
  'collective-body-required': [
    'a collective proposal needs the body that submits it',
    '集体提案须写明提案单位',
  ],
  'too-many-main-members': [
    'a collective proposal names at most 3 main members',
    '集体提案至多列 3 名主要委员',
  ],
  'field-not-allowed': ['this field does not apply to this proposer type', '此类提案不适用该字段'],
  'before-submission': ['the decision predates the submission', '处理日期早于提交日期'],
  'already-reviewed': ['the proposal was already reviewed with another decision', '提案已审查，结论不同'],
  'not-filed': [
    'only a filed or merged proposal can be marked, awarded or answered',
    '只有立案或并案的提案才能办理、评为重点或优秀',
  ],
  'merge-target-not-filed': ['a proposal can only be merged into a filed proposal', '只能并入已立案的提案'],
  'merge-target-required': [
    'a merged proposal must name the proposal it was merged into',
    '并案须写明并入的提案',
  ],
  'not-answered': ['feedback needs an answer from the handling unit first', '须先有承办单位答复才能反馈'],
  'already-retracted': ['the record is already retracted', '该记录已撤销'],
  'retraction-has-dependents': [
    'later records rest on this one: retract them first',
    '有后续记录以此为依据，须先撤销后续记录',
  ],
  'retracted-event': ['a retracted record cannot be corrected', '已撤销的记录不能更正'],
  'not-correctable': ['this kind of event cannot be corrected or retracted', '此类记录不能更正或撤销'],
  'correction-changes-identity': [
    'a correction cannot change which act the record is about',
    '更正不能改变记录所指的履职对象',
  ],
  'already-ended': ['the membership has already ended', '委员资格已终止'],
  'unregistered-recorder': [
    'recordedBy is not a registered recorder of this committee',
    '记录人未在该委员会登记',
  ],
  'unauthorised-recorder': ['this recorder may not record this kind of act', '该记录人无权记录此类履职'],
  'unauthorised-approver': [
    'approvedBy must be a registered reviewer of this committee',
    '审批人须为该委员会登记的审核人',
  ],
} as const satisfies Record<string, readonly [string, string]>;

/** The code of a refusal: embedding apps match on it. */
export type RejectionCode = keyof typeof MESSAGES;

/** Every refusal code, for documentation and exhaustive tests. */
export const REJECTION_CODES = Object.keys(MESSAGES) as RejectionCode[];

/** Why a command was refused: a code to match on, the field and value at fault, and the rule in words. */
export interface Rejection {
  readonly code: RejectionCode;
  /** Dotted path of the field at fault within the command's `data`, when one field is. */
  readonly field?: string;
  readonly value?: unknown;
  /** The rule broken, in English. */
  readonly message: string;
  /** The rule broken, in Chinese. */
  readonly messageZh: string;
  /** Further detail, e.g. the schema issues of an invalid command. */
  readonly detail?: string;
}

/** Builds a rejection with the standard wording for its code. */
export function rejection(code: RejectionCode, field?: string, value?: unknown, detail?: string): Rejection {
  const [message, messageZh] = MESSAGES[code];
  return {
    code,
    message,
    messageZh,
    ...(field === undefined ? {} : { field }),
    ...(value === undefined ? {} : { value }),
    ...(detail === undefined ? {} : { detail }),
  };
}
