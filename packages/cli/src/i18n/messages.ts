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
  verifyDescription: "recompute every stream's hash chain and check that no version is missing",
  verifyIntact: (streams: number, events: number) =>
    `intact: ${streams} streams, ${events} events, every hash chain verified`,
  verifyBroken: (n: number) =>
    `BROKEN: ${n} stream${n === 1 ? ' fails' : 's fail'} verification; the first broken event of each:`,
  breakKinds: {
    'hash-mismatch': "the event's content does not match its hash (edited after it was recorded)",
    'prev-hash-mismatch':
      "the event's prevHash does not match the previous event's hash (an event was removed, replaced or reordered)",
    'version-gap': 'a stream version is missing (an event was deleted)',
    'missing-tail': 'the stream ends before the version the store lists for it (events were deleted)',
    'wrong-stream': 'the event is stored under a stream it was not chained in',
    corrupt: 'the stored event cannot be decoded',
  } as Record<string, string>,
  breakWhere: (b: { streamId: string; streamVersion: number; eventId?: string | undefined }) =>
    `stream ${b.streamId}, version ${b.streamVersion}${b.eventId ? `, event ${b.eventId}` : ''}`,
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
  verifyDescription: '重新计算每个流的哈希链，并检查版本号没有缺失',
  verifyIntact: (streams, events) => `完好：${streams} 个流、${events} 条事件，哈希链全部核验通过`,
  verifyBroken: (n) => `已损坏：${n} 个流未通过核验；各流第一个损坏的事件：`,
  breakKinds: {
    'hash-mismatch': '事件内容与其哈希不符（记录后被修改）',
    'prev-hash-mismatch': '事件的 prevHash 与前一事件的哈希不符（有事件被删除、替换或调换顺序）',
    'version-gap': '流的版本号有缺失（有事件被删除）',
    'missing-tail': '流在存储登记的版本之前就结束了（有事件被删除）',
    'wrong-stream': '事件存放在并非其所链接的流中',
    corrupt: '存储的事件无法解码',
  },
  breakWhere: (b) => `流 ${b.streamId}，版本 ${b.streamVersion}${b.eventId ? `，事件 ${b.eventId}` : ''}`,
};

/** The CLI's messages in a language. */
export function messages(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}
