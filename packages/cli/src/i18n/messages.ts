import type { Lang } from './lang.ts';

const en = {
  program: 'lvzhi (履职): the duty record of CPPCC committee members, as a tamper-evident event log',
  optStore: 'event store URL: sqlite:PATH (the default, an embedded file) or memory: (env LVZHI_STORE)',
  optLang: 'language of messages: zh or en (default from LC_ALL/LANG)',
  optFormat: 'output format: table for people, json for machines',
  optHelp: 'show help for the command',
  helpCommand: 'show help for a command',
  seeHelp: '(run with --help for usage)',
  titles: {
    'Usage:': 'Usage:',
    'Options:': 'Options:',
    'Global Options:': 'Global options:',
    'Commands:': 'Commands:',
    'Arguments:': 'Arguments:',
  } as Record<string, string>,
  usagePrefix: 'usage error: ',
  failurePrefix: 'error: ',

  recordDescription:
    'record the commands of a JSON Lines file (one command a line) in order; rejected lines are reported and write nothing',
  recordFile: 'the JSON Lines file, or - for standard input',
  recordAtomic: 'all or nothing: write the file in one transaction only if no line is rejected',
  recordBatch: 'commands per transaction when not --atomic',
  recordNoFile: (file: string) => `no such file: ${file}`,
  recordIsDirectory: (file: string) => `${file} is a directory, not a JSON Lines file`,
  rejectedHeading: 'Rejected lines:',
  rejectedLine: (line: number) => `line ${line}`,
  summary: (s: { recorded: number; noop: number; rejected: number; blank: number; lines: number }) =>
    `${s.lines} lines: ${s.recorded} recorded, ${s.noop} already recorded (no-op), ${s.rejected} rejected` +
    (s.blank > 0 ? `, ${s.blank} blank` : ''),
  atomicDiscarded: (n: number) =>
    `--atomic: nothing written (${n} accepted commands discarded because lines were rejected)`,
  atomicCommitted: 'all lines accepted, written in one transaction',
  atomicInterrupted:
    'another process wrote to the store during an --atomic record, so it cannot stay all-or-nothing; nothing was written. Run it again.',
  progressFormat: '{bar} {percentage}% | {lines} lines | {rate} lines/s',
  progressFormatNoTotal: '{lines} lines | {rate} lines/s',
  noValue: '—',

  logDescription: 'print recorded events with their envelope, in global order',
  logStream: 'only this stream (e.g. member-m01)',
  logFrom: 'start at this global position (inclusive)',
  logLimit: 'print at most this many events',
  logHeaders: ['position', 'stream', 'version', 'type', 'recordedAt', 'recordedBy', 'hash'],
  logFooter: (n: number, from?: number, to?: number) =>
    n === 0 ? 'no events' : `${n} event${n === 1 ? '' : 's'} (positions ${from}–${to})`,

  auditDescription: 'audit the tamper-evident log',
  verifyDescription:
    "recompute every stream's hash chain and check the log against its latest seal; exit 1 naming the first broken event",
  verifyIntact: (streams: number, events: number) =>
    `intact: ${streams} streams, ${events} events, every hash chain verified`,
  verifyBroken: (n: number) => `BROKEN: ${n} finding${n === 1 ? '' : 's'}, the first broken event first:`,
  verifySeal: (position: number, at: string) =>
    `checked against the seal of ${at} (up to position ${position})`,
  sealDescription:
    'append a seal of every stream head (a Merkle root), so that a deleted stream or tail is detected',
  sealBy: 'who seals (recorded in the seal)',
  sealed: (streams: number, events: number, position: number, root: string) =>
    `sealed ${streams} streams, ${events} events, up to position ${position}; Merkle root ${root}`,
  findingWhere: (f: { streamId: string; streamVersion?: number | undefined; eventId?: string | undefined }) =>
    `stream ${f.streamId}${f.streamVersion === undefined ? '' : `, version ${f.streamVersion}`}${f.eventId ? `, event ${f.eventId}` : ''}`,
};

/** The messages of the CLI in one language. */
export type Messages = typeof en;

const zh: Messages = {
  program: 'lvzhi（履职）：政协委员履职档案，记为防篡改的事件日志',
  optStore: '事件存储地址：sqlite:路径（默认，嵌入式文件）或 memory:（环境变量 LVZHI_STORE）',
  optLang: '提示语言：zh 或 en（默认按 LC_ALL/LANG）',
  optFormat: '输出格式：table 供阅读，json 供程序处理',
  optHelp: '显示该命令的帮助',
  helpCommand: '显示某个命令的帮助',
  seeHelp: '（加 --help 查看用法）',
  titles: {
    'Usage:': '用法：',
    'Options:': '选项：',
    'Global Options:': '全局选项：',
    'Commands:': '命令：',
    'Arguments:': '参数：',
  },
  usagePrefix: '用法错误：',
  failurePrefix: '错误：',

  recordDescription: '按顺序记录 JSON Lines 文件中的指令（每行一条）；被拒绝的行逐一报告，且不写入任何内容',
  recordFile: 'JSON Lines 文件，或用 - 表示标准输入',
  recordAtomic: '全有或全无：只有全部行都被接受时，才在一个事务中写入整个文件',
  recordBatch: '非 --atomic 时每个事务包含的指令数',
  recordNoFile: (file) => `文件不存在：${file}`,
  recordIsDirectory: (file) => `${file} 是目录，不是 JSON Lines 文件`,
  rejectedHeading: '被拒绝的行：',
  rejectedLine: (line) => `第 ${line} 行`,
  summary: (s) =>
    `共 ${s.lines} 行：已记录 ${s.recorded} 条，已存在（无变化）${s.noop} 条，拒绝 ${s.rejected} 条` +
    (s.blank > 0 ? `，空行 ${s.blank} 行` : ''),
  atomicDiscarded: (n) => `--atomic：因有被拒绝的行，未写入任何内容（已放弃 ${n} 条本可记录的指令）`,
  atomicCommitted: '全部行均被接受，已在一个事务中写入',
  atomicInterrupted:
    '--atomic 记录期间有其他进程写入了存储，无法保证全有或全无；未写入任何内容，请重新运行。',
  progressFormat: '{bar} {percentage}% | {lines} 行 | {rate} 行/秒',
  progressFormatNoTotal: '{lines} 行 | {rate} 行/秒',
  noValue: '—',

  logDescription: '按全局顺序列出已记录的事件及其信封信息',
  logStream: '只列出该流（如 member-m01）',
  logFrom: '从该全局位置开始（含）',
  logLimit: '最多列出的事件数',
  logHeaders: ['位置', '流', '版本', '类型', '记录时间', '记录人', '哈希'],
  logFooter: (n, from, to) => (n === 0 ? '没有事件' : `共 ${n} 条事件（位置 ${from}–${to}）`),

  auditDescription: '审计防篡改日志',
  verifyDescription:
    '重新计算每个流的哈希链，并与最近一次封存核对；发现损坏时以退出码 1 指出第一个损坏的记录',
  verifyIntact: (streams, events) => `完好：${streams} 个流、${events} 条事件，哈希链全部核验通过`,
  verifyBroken: (n) => `已损坏：发现 ${n} 处问题，第一个损坏的记录列在最前：`,
  verifySeal: (position, at) => `已与 ${at} 的封存核对（至位置 ${position}）`,
  sealDescription: '追加一次封存，记录所有流头及其默克尔根，以便发现整个流或流尾被删除',
  sealBy: '封存人（记入封存）',
  sealed: (streams, events, position, root) =>
    `已封存 ${streams} 个流、${events} 条记录，至位置 ${position}；默克尔根 ${root}`,
  findingWhere: (f) =>
    `流 ${f.streamId}${f.streamVersion === undefined ? '' : `，版本 ${f.streamVersion}`}${f.eventId ? `，事件 ${f.eventId}` : ''}`,
};

/** The CLI's messages in a language. */
export function messages(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}
