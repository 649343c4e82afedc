import type { Lang } from './lang.ts';

const en = {
  program: 'lvzhi (履职): the duty record of CPPCC committee members, as a tamper-evident event log',
  optStore:
    'event store URL: sqlite:PATH (the default, an embedded file), postgres://USER@HOST/DB[?schema=NAME], esdb://HOST:2113[?tls=false] or memory: (env LVZHI_STORE)',
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
  recordEnforceRecorders:
    'refuse a command whose meta.recordedBy is not a registered recorder (RegisterRecorder) allowed to record it',
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

  exportDescription:
    'export the log or the duty record in a standard format: jsonl (every event with its full envelope, for lvzhi import), cloudevents (CloudEvents 1.0 JSON, one per event) or popolo (the Popolo open-data document)',
  exportFormat: 'jsonl, cloudevents or popolo',
  exportOut: 'write to this file (replaced only once complete), or - for standard output',
  exportArray: 'cloudevents: one JSON array instead of one event a line',
  exportSourcePrefix:
    "cloudevents: the prefix of each event's source, followed by its stream id (default urn:lvzhi:)",
  exportCloudEventsOnly: '--array and --source-prefix go with --format cloudevents only',
  exported: (n: number, format: string, file: string) =>
    format === 'popolo'
      ? `wrote the Popolo document of ${n} event${n === 1 ? '' : 's'} to ${file}`
      : `exported ${n} event${n === 1 ? '' : 's'} (${format}) to ${file}`,
  exportProgressFormat: '{bar} {percentage}% | {events} events | {rate} events/s',

  importDescription:
    'import an export (lvzhi export --format jsonl) into an empty store, reproducing every hash; checks the whole file first, and resumes an interrupted import of the same file',
  importFile: 'the export file, or - for standard input (not checked in advance)',
  importFrom: 'the export format: jsonl, or cloudevents as JSON Lines',
  importCheck: 'only check the file (envelopes, order, hash chains); write nothing',
  importBatch: 'events per transaction',
  importLineTooLong: (line: number, bytes: number) => `line ${line} is too long to import (${bytes} bytes)`,
  importChecked: (events: number, streams: number) =>
    `intact: ${events} events in ${streams} streams, every hash chain verified`,
  importSummary: (s: {
    lines: number;
    events: number;
    imported: number;
    alreadyPresent: number;
    streams: number;
  }) =>
    `${s.events} events in ${s.streams} streams: ${s.imported} imported` +
    (s.alreadyPresent > 0 ? `, ${s.alreadyPresent} already present (resumed)` : ''),
  importHashesMatch: 'every hash the store computed equals the exported one',

  projOptAsOf:
    "read the record as known at this instant (recordedAt): ISO-8601 with offset, or a bare date YYYY-MM-DD = the end of that day in the committee's time zone",
  projOptCommittee: 'the committee (its id); by default the only one recorded',
  projOptTerm: 'the term (届), a whole number',
  projOptYear: "the calendar year, in the committee's time zone",
  projOptReportFormat: (choices: readonly string[]) =>
    `output format: ${choices.join(', ')} (md: Markdown for people, json for machines, csv for spreadsheets)`,
  projProgressFormat: '{bar} {percentage}% | {value}/{total} events | {rate} events/s',
  projNotSaved:
    'note: projection states cannot be saved in this store (read-only or in memory); caught up in memory for this run only',
  projNoCommittee: 'no committee is recorded yet: record a RegisterCommittee first',
  projChooseCommittee: (ids: readonly string[]) =>
    `the record holds several committees; choose with --committee: ${ids.join(', ')}`,
  projUnknownCommittee: (id: string, known: readonly string[]) =>
    `no committee "${id}" in the record${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`,
  projZoneAmbiguous:
    'a bare date is a local date, but the committees are in different time zones: add --committee, or give an ISO instant with offset',
  projAsOfNote: (iso: string) => `as known at ${iso}`,

  projectionsDescription:
    'projections (the duty record that archives, analyses and evaluations read): status and rebuild',
  projectionsStatusDescription:
    'show each projection: version, checkpoint, head of the log, lag (events not yet applied) and anomalies',
  projectionsRebuildDescription:
    'rebuild every projection from the start of the log into a separate slot, then switch to it (a progress bar on a terminal)',
  projectionsOptAnomalies: 'how many anomalies to show per projection',
  projectionsHeaders: ['projection', 'version', 'checkpoint', 'head', 'lag', 'anomalies'],
  projectionsAnomaliesHeading: (name: string, shown: number, total: number) =>
    `${name}: ${shown === total ? `${total} anomal${total === 1 ? 'y' : 'ies'}` : `the first ${shown} of ${total} anomalies`}:`,
  projectionsAnomalyHeaders: ['position', 'type', 'event', 'message'],
  projectionsInMemory: 'projection states of this store live in memory only: nothing is saved between runs',
  projectionsRebuilt: (name: string, version: number, checkpoint: number, anomalies: number) =>
    `rebuilt ${name} v${version} up to position ${checkpoint} (${anomalies} anomal${anomalies === 1 ? 'y' : 'ies'})`,
  projectionsRebuiltIn: (seconds: number) => `done in ${seconds.toFixed(2)} s`,

  membersDescription: 'list the members (one row per member, committee and term), to find member ids',
  membersHeaders: ['member', 'name', 'committee', 'term', 'sector', 'standing', 'appointed', 'ended'],
  membersStanding: 'standing',
  membersOptCommittee: 'only the seats in this committee (its id)',
  membersFooter: (n: number) => (n === 0 ? 'no members' : `${n} seat${n === 1 ? '' : 's'}`),

  archiveDescription:
    'print the archive of a member for a term (一人一届一档): every act with its status, history, corrections and retractions, and per-year totals',
  archiveMember: 'the member id (lvzhi members lists them)',
  archiveOptTerm: "the term (届); by default the member's latest",
  archiveOptCommittee: "the committee, for a member seated in several; by default the latest seat's",
  archiveOptYear: "only the acts of this calendar year, in the committee's time zone",
  archiveUnknownMember: (id: string) => `no member "${id}" in the record (lvzhi members lists them)`,
  archiveNoSeat: (id: string, seats: readonly string[]) =>
    `member "${id}" holds no seat matching --committee/--term; seats: ${seats.join(', ')}`,

  analysisDescription:
    'the annual overall analysis (年度整体分析) of a committee for a calendar year; several --committee: one roll-up',
  analysisOptYear: "the calendar year, in the committee's time zone",
  analysisOptCommittee:
    'a committee (its id); repeat for a roll-up of several; by default the only one recorded',

  policiesDescription:
    'list the published evaluation schemes shipped as presets, with a one-line description',
  policiesHeaders: ['policy', 'version', 'period', 'title', 'description'],
  policiesPeriod: (period: 'year' | 'term'): string => (period === 'year' ? 'year' : 'term'),

  evaluateDescription:
    'evaluate every member seated in a year or a term under a policy: score, grade, flags, and every point with the events it rests on',
  evaluateOptPolicy: 'a preset id (lvzhi policies lists them) or a policy JSON file',
  evaluateOptYear: 'the calendar year (for a year policy)',
  evaluateOptTerm: 'the term (届) (for a term policy)',
  evaluateOptLayout: 'CSV layout: members (one row each) or items (one row per point, with its evidence)',
  evaluatePeriodMissing: 'give the period: --year Y or --term N',
  evaluatePeriodBoth: 'give --year or --term, not both',
  evaluatePeriodMismatch: (id: string, period: 'year' | 'term') =>
    `policy ${id} is evaluated per ${period}: give ${period === 'year' ? '--year Y' : '--term N'} instead`,
  evaluateUnknownPolicy: (arg: string, presets: readonly string[]) =>
    `"${arg}" is neither a preset (${presets.join(', ')}) nor a policy file`,
  evaluatePolicyInvalid: (file: string, n: number) =>
    `the policy ${file} is invalid (${n} problem${n === 1 ? '' : 's'}: path · rule · message):`,
  evaluateUnknownTerm: (term: number, committeeId: string) =>
    `committee ${committeeId} has no term ${term} in the record`,

  replayDescription:
    'point-in-time replay: rebuild every projection in memory over the log as known at an instant or up to a position, and print or export it',
  replayOptAsOf:
    "only events recorded at or before this instant: ISO-8601 with offset, or a bare date = the end of that day in the committee's zone",
  replayOptToPosition: 'only events up to this global position',
  replayOptOccurredBetween:
    'only acts that occurred between two dates or instants (two values: FROM TO; bare dates in the committee zone, inclusive)',
  replayOptYear: 'the year of the analysis and of a year policy; by default the latest year with an act',
  replayOptTerm: 'the term of a term policy (and of the archives); by default the latest term of the year',
  replayOptPolicy: 'also evaluate under this preset or policy file (repeatable)',
  replayOptOut:
    'write the projections to this directory as files: replay.json, analysis.json, archives/<member>.json, evaluation-<policy>.json',
  replayNeedsPoint: 'give the point to replay to: --as-of ISO and/or --to-position N',
  replayOccurredArgs: 'give two dates or instants: --occurred-between FROM TO',
  replayOccurredOrder: 'the window of --occurred-between ends before it starts',
  replayRows: {
    position: 'replayed up to position',
    asOf: 'as known at',
    occurred: 'acts occurred between',
    committee: 'committee',
    year: 'year',
    members: 'members seated in the year',
    proposals: 'proposals submitted / filed',
    opinions: '社情民意 submitted / adopted',
    turnout: 'plenary turnout',
    anomalies: 'anomalies',
    evaluation: (id: string) => `evaluation ${id}`,
  },
  replayEvaluationValue: (members: number, grades: string, flags: number) =>
    `${members} members${grades ? ` · ${grades}` : ''} · ${flags} flag${flags === 1 ? '' : 's'}`,
  replayNoCommittee: (id: string, point: string) => `committee ${id} was not yet recorded at ${point}`,
  replayHint: 'the whole replay: --format json, or --out DIR for one file per projection',
  replayWrote: (n: number, dir: string) => `wrote ${n} file${n === 1 ? '' : 's'} to ${dir}`,

  reportDescription:
    'write the annual report of a committee (several --committee: a roll-up) as one self-contained HTML page with charts, printable',
  reportOptYear: "the calendar year, in the committee's time zone",
  reportOptCommittee: 'a committee (its id); repeat for a roll-up; by default every committee recorded',
  reportOptOut: 'the HTML file to write',
  reportNoCommittee: 'no committee is recorded yet: record a RegisterCommittee first',
  reportUnknownCommittee: (id: string, known: readonly string[]) =>
    `no committee "${id}" in the record (known: ${known.join(', ')})`,
  reportNobodySeated: (year: number) => `note: nobody was seated in ${year}; the report is empty`,
  reportWritten: (file: string, committees: readonly string[], year: number, bytes: number) =>
    `wrote ${file} (${committees.join(', ')}, ${year}; ${Math.ceil(bytes / 1024)} KiB, self-contained)`,

  demoDescription:
    'generate the sample Chongqing year (2019) into a fresh SQLite file, record it, analyse it, evaluate it, seal and verify the log, and write the HTML annual report (ignores --store)',
  demoOptOut: 'the directory for lvzhi.db and the report (an old demo database there is replaced)',
  demoOptScale: "add Chongqing's 38 district and county committees (hundreds of thousands of commands)",
  demoOptSeed: 'the seed of the sample (the same seed, the same sample)',
  demoRefuse: (path: string) =>
    `${path} exists and was not written by lvzhi demo; refusing to replace it (choose another --out)`,
  demoRemovedOld: (path: string) => `removed the previous demo database ${path}`,
  demoGenerating: (seed: number, scale: boolean, path: string) =>
    `recording the sample Chongqing 2019 year${scale ? ' with the 38 district and county committees' : ''} (seed ${seed}) into ${path}, through the same path as lvzhi record`,
  demoCorrectionMissing: (target: string) => `a planned correction found no event to correct: ${target}`,
  demoCorrected: (n: number, planned: number) =>
    `${n} of ${planned} planned corrections recorded (RecordCorrected, RecordRetracted: new events naming the original)`,
  demoProjected: (position: number, anomalies: number) =>
    `projections built and saved in the same file, up to position ${position}; ${anomalies} anomal${anomalies === 1 ? 'y' : 'ies'}`,
  demoAnalysisHeading: (name: string, year: number) =>
    `Annual overall analysis 年度整体分析: ${name}, ${year}`,
  demoEvaluationHeading: (title: string, id: string, version: string, members: number) =>
    `Evaluation under ${title} (${id} v${version}): ${members} members`,
  demoGradeHeaders: ['grade', 'members', 'share'],
  demoFlagHeaders: ['flag', 'members', 'share'],
  demoScoreQuartiles: (q1: string, median: string, q3: string) =>
    `scores: median ${median}, quartiles ${q1}–${q3}`,
  demoNoFlags: 'no flags',
  demoNotALeagueTable:
    'Scores inform a decision; they are not a ranking. Each member’s breakdown cites the events behind every point (lvzhi evaluate).',
  demoFilesHeading: 'Files:',
  demoFileStore: 'event store (SQLite)',
  demoFileReport: 'annual report (HTML)',
  demoTryHeading: 'Try next:',
  demoTryArchive: "a member's archive (一人一届一档), with a corrected attendance",
  demoTryEvaluate: 'every point with the events it came from',
  demoTryAnalysis: 'the whole annual analysis',
  demoTryReport: 'the report in English',
  demoTryVerify: 'recompute every hash chain',
  demoViaPnpm: '(from the repository: npx -y pnpm@10.34.8 lvzhi …)',
  demoDone: (seconds: number) => `done in ${seconds.toFixed(1)} s`,
  serveDescription:
    'serve the projections read-only over HTTP (JSON, OpenAPI at /openapi.json), behind bearer tokens',
  serveOptPort: 'port to listen on (0: any free port)',
  serveOptHost: 'address to bind (loopback by default)',
  serveOptTokensFile:
    'JSON file mapping each bearer token to a list of committee ids or "*" (adds to LVZHI_TOKENS)',
  serveOptRate: 'requests per second allowed per token (sustained)',
  serveOptBurst: 'requests allowed per token at once',
  serveNoTokens: 'no bearer tokens: set LVZHI_TOKENS (comma-separated) or give --tokens-file FILE',
  serveBadTokensFile: (file: string, reason: string) => `--tokens-file ${file}: ${reason}`,
  serveNotLoopback: (host: string) =>
    `warning: bound to ${host}, not loopback: the API is reachable from other machines (use TLS in front of it)`,
  serveListening: (url: string, tokens: number) =>
    `lvzhi serving at ${url} (${tokens} token(s); OpenAPI at ${url}/openapi.json); Ctrl-C stops`,
  serveStopped: 'stopped',
  copyDescription:
    'copy the whole log into another store with the same event ids, order and hashes; resumable; verified at the end',
  copyOptFrom: 'the store to copy from (a store URL, as --store), read only',
  copyOptTo: 'the store to copy into: empty, or holding what an interrupted copy of the same source wrote',
  copyOptBatch: 'events per read and per append transaction',
  copyHelpAfter: `
Examples:
  lvzhi copy --from sqlite:./lvzhi.db --to postgres://lvzhi@db.example/lvzhi
  lvzhi copy --from postgres://lvzhi@db.example/lvzhi?schema=lvzhi --to sqlite:./backup.db

Run it again after an interruption: it checks that the target holds the source's first events (same ids and
hashes, same order) and goes on from there; a target holding anything else is refused (exit 1). At the end
every event's hash is compared with the source's and the target is audited (as lvzhi audit verify).
Exit codes: 0 copied and verified; 1 refused, a mismatch, or a failure; 2 a usage error.
`,
  copyProgressFormat: '{phase} {bar} {percentage}% | {count} {unit} | {rate} {unit}/s',
  copyPhases: {
    check: 'checking target',
    copy: 'copying',
    compare: 'comparing hashes',
    audit: 'auditing target',
  } as Record<'check' | 'copy' | 'compare' | 'audit', string>,
  copyUnitEvents: 'events',
  copyUnitStreams: 'streams',
  copyDone: (copied: number, present: number, from: string, to: string) =>
    `copied ${copied} event${copied === 1 ? '' : 's'} from ${from} to ${to}` +
    (present > 0 ? ` (${present} already there from an earlier copy)` : ''),
  copyHeld: (events: number, through: number) =>
    `the target holds ${events} event${events === 1 ? '' : 's'}: the source's log up to position ${through}`,
  copyVerified: (streams: number, events: number) =>
    `verified: every event's id, order and hash equal the source's; audit verify intact (${streams} streams, ${events} events)`,
  copyUnsettled: (head: number) =>
    `the source's head is at position ${head}: events after the last one copied were not yet settled (transactions in flight); run lvzhi copy again to take them`,
  copySeconds: (seconds: number) => `done in ${seconds.toFixed(1)} s`,
};

/** The messages of the CLI in one language. */
export type Messages = typeof en;

const zh: Messages = {
  program: 'lvzhi（履职）：政协委员履职档案，记为防篡改的事件日志',
  optStore:
    '事件存储地址：sqlite:路径（默认，嵌入式文件）、postgres://用户@主机/数据库[?schema=模式名]、esdb://主机:2113[?tls=false] 或 memory:（环境变量 LVZHI_STORE）',
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
  recordEnforceRecorders:
    '只接受已登记（RegisterRecorder）且有权记录该项的记录人（meta.recordedBy）提交的指令',
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

  exportDescription:
    '以标准格式导出日志或履职档案：jsonl（每条事件及其完整信封，供 lvzhi import 使用）、cloudevents（CloudEvents 1.0 JSON，每条事件一个）或 popolo（Popolo 开放数据文档）',
  exportFormat: 'jsonl、cloudevents 或 popolo',
  exportOut: '写入该文件（全部写完后才替换），或用 - 表示标准输出',
  exportArray: 'cloudevents：输出一个 JSON 数组，而非每行一个事件',
  exportSourcePrefix: 'cloudevents：各事件 source 的前缀，其后接流编号（默认 urn:lvzhi:）',
  exportCloudEventsOnly: '--array 和 --source-prefix 只能与 --format cloudevents 一起使用',
  exported: (n, format, file) =>
    format === 'popolo'
      ? `已将 ${n} 条事件的 Popolo 文档写入 ${file}`
      : `已导出 ${n} 条事件（${format}）至 ${file}`,
  exportProgressFormat: '{bar} {percentage}% | {events} 条事件 | {rate} 条/秒',

  importDescription:
    '将导出文件（lvzhi export --format jsonl）导入空存储，逐一重现哈希；先检查整个文件，并可续传同一文件被中断的导入',
  importFile: '导出文件，或用 - 表示标准输入（不预先检查）',
  importFrom: '导出格式：jsonl，或按 JSON Lines 排列的 cloudevents',
  importCheck: '只检查文件（信封、顺序、哈希链），不写入任何内容',
  importBatch: '每个事务包含的事件数',
  importLineTooLong: (line, bytes) => `第 ${line} 行过长，无法导入（${bytes} 字节）`,
  importChecked: (events, streams) => `完好：${streams} 个流、${events} 条事件，哈希链全部核验通过`,
  importSummary: (s) =>
    `${s.streams} 个流、${s.events} 条事件：本次导入 ${s.imported} 条` +
    (s.alreadyPresent > 0 ? `，已存在 ${s.alreadyPresent} 条（续传）` : ''),
  importHashesMatch: '存储算出的每个哈希都与导出时一致',

  projOptAsOf:
    '按某一时刻已记录的内容（记录时间）读取：带时区的 ISO-8601 时刻，或日期 YYYY-MM-DD（指该政协所在时区当日结束时）',
  projOptCommittee: '政协（其编号）；默认为已记录的唯一一个',
  projOptTerm: '届次（整数）',
  projOptYear: '自然年（按该政协所在时区）',
  projOptReportFormat: (choices) =>
    `输出格式：${choices.join('、')}（md 为供阅读的 Markdown，json 供程序处理，csv 供表格软件）`,
  projProgressFormat: '{bar} {percentage}% | {value}/{total} 条事件 | {rate} 条/秒',
  projNotSaved: '提示：该存储无法保存投影状态（只读或在内存中）；本次仅在内存中追平',
  projNoCommittee: '尚未记录任何政协：请先记录 RegisterCommittee',
  projChooseCommittee: (ids) => `记录中有多个政协，请用 --committee 选择：${ids.join('、')}`,
  projUnknownCommittee: (id, known) =>
    `记录中没有政协“${id}”${known.length > 0 ? `（已有：${known.join('、')}）` : ''}`,
  projZoneAmbiguous: '日期按当地时区理解，但各政协时区不同：请加 --committee，或给出带时区的 ISO 时刻',
  projAsOfNote: (iso) => `截至 ${iso} 已记录的内容`,

  projectionsDescription: '投影（履职档案、年度分析、评价所读取的履职记录）：状态与重建',
  projectionsStatusDescription: '显示每个投影的版本、检查点、日志头位置、滞后（尚未应用的事件数）和异常',
  projectionsRebuildDescription: '从日志开头把所有投影重建到独立的槽位，完成后再切换（终端上显示进度条）',
  projectionsOptAnomalies: '每个投影显示的异常条数',
  projectionsHeaders: ['投影', '版本', '检查点', '日志头', '滞后', '异常'],
  projectionsAnomaliesHeading: (name, shown, total) =>
    `${name}：${shown === total ? `共 ${total} 条异常` : `共 ${total} 条异常，列出前 ${shown} 条`}：`,
  projectionsAnomalyHeaders: ['位置', '类型', '事件', '说明'],
  projectionsInMemory: '该存储的投影状态只保存在内存中：两次运行之间不保存',
  projectionsRebuilt: (name, version, checkpoint, anomalies) =>
    `已重建 ${name} v${version}，至位置 ${checkpoint}（异常 ${anomalies} 条）`,
  projectionsRebuiltIn: (seconds) => `用时 ${seconds.toFixed(2)} 秒`,

  membersDescription: '列出委员（每位委员每个政协每届一行），用于查找委员编号',
  membersHeaders: ['委员', '姓名', '政协', '届次', '界别', '常委', '任职日期', '离任日期'],
  membersStanding: '常委',
  membersOptCommittee: '只列出该政协（其编号）的任职',
  membersFooter: (n) => (n === 0 ? '没有委员' : `共 ${n} 条任职记录`),

  archiveDescription:
    '输出委员某一届的履职档案（一人一届一档）：每项履职及其状态、经过、更正与撤销，以及逐年合计',
  archiveMember: '委员编号（lvzhi members 可列出）',
  archiveOptTerm: '届次；默认为该委员最近一届',
  archiveOptCommittee: '政协（委员在多个政协任职时）；默认为最近任职的政协',
  archiveOptYear: '只列出该自然年（按政协所在时区）的履职',
  archiveUnknownMember: (id) => `记录中没有委员“${id}”（lvzhi members 可列出全部委员）`,
  archiveNoSeat: (id, seats) => `委员“${id}”没有符合 --committee/--term 的任职；其任职：${seats.join('、')}`,

  analysisDescription: '某政协某自然年的年度整体分析；给出多个 --committee 时合并分析',
  analysisOptYear: '自然年（按政协所在时区）',
  analysisOptCommittee: '政协（其编号）；可重复以合并分析多个政协；默认为已记录的唯一一个',

  policiesDescription: '列出内置的已公布考核办法（预设），每个附一行说明',
  policiesHeaders: ['办法', '版本', '周期', '名称', '说明'],
  policiesPeriod: (period) => (period === 'year' ? '年度' : '届'),

  evaluateDescription: '按考核办法评价某年度或某届内任职的每位委员：得分、等次、标记，以及每一分所依据的事件',
  evaluateOptPolicy: '预设编号（lvzhi policies 可列出）或考核办法 JSON 文件',
  evaluateOptYear: '自然年（按年度考核的办法）',
  evaluateOptTerm: '届次（按届考核的办法）',
  evaluateOptLayout: 'CSV 版式：members（每位委员一行）或 items（每个计分项一行，附依据）',
  evaluatePeriodMissing: '请给出考核周期：--year 年份 或 --term 届次',
  evaluatePeriodBoth: '--year 与 --term 只能给一个',
  evaluatePeriodMismatch: (id, period) =>
    `办法 ${id} 按${period === 'year' ? '年度' : '届'}考核：请改用 ${period === 'year' ? '--year 年份' : '--term 届次'}`,
  evaluateUnknownPolicy: (arg, presets) => `“${arg}”既不是预设（${presets.join('、')}），也不是考核办法文件`,
  evaluatePolicyInvalid: (file, n) => `考核办法 ${file} 无效（${n} 处问题：路径 · 规则 · 说明）：`,
  evaluateUnknownTerm: (term, committeeId) => `记录中政协 ${committeeId} 没有第 ${term} 届`,

  replayDescription: '按时点回放：在内存中按某一时刻已记录的日志（或至某一位置）重建所有投影，并输出或导出',
  replayOptAsOf: '只用在该时刻或之前记录的事件：带时区的 ISO-8601 时刻，或日期（指政协所在时区当日结束时）',
  replayOptToPosition: '只用至该全局位置（含）的事件',
  replayOptOccurredBetween: '只用发生在两个日期或时刻之间的履职（两个值：起 止；日期按政协时区，含两端）',
  replayOptYear: '年度分析及年度考核办法的年份；默认为有履职记录的最近一年',
  replayOptTerm: '按届考核办法（及档案）的届次；默认为该年的最近一届',
  replayOptPolicy: '同时按该预设或考核办法文件评价（可重复）',
  replayOptOut:
    '把投影写入该目录下的文件：replay.json、analysis.json、archives/<委员>.json、evaluation-<办法>.json',
  replayNeedsPoint: '请给出回放的时点：--as-of 时刻 和/或 --to-position 位置',
  replayOccurredArgs: '请给出两个日期或时刻：--occurred-between 起 止',
  replayOccurredOrder: '--occurred-between 的结束早于开始',
  replayRows: {
    position: '回放至位置',
    asOf: '截至（记录时间）',
    occurred: '履职发生于',
    committee: '政协',
    year: '年度',
    members: '本年度任职委员',
    proposals: '提交提案 / 立案',
    opinions: '社情民意 提交 / 采用',
    turnout: '全体会议出席率',
    anomalies: '异常',
    evaluation: (id) => `评价 ${id}`,
  },
  replayEvaluationValue: (members, grades, flags) =>
    `委员 ${members} 人${grades ? ` · ${grades}` : ''} · 标记 ${flags} 个`,
  replayNoCommittee: (id, point) => `截至${point}，政协 ${id} 尚未记录`,
  replayHint: '完整回放结果：加 --format json，或用 --out 目录 每个投影写一个文件',
  replayWrote: (n, dir) => `已写入 ${n} 个文件到 ${dir}`,

  reportDescription:
    '把某政协的年度报告（多个 --committee 时为汇总）写成一个独立的 HTML 页面，含图表，可打印',
  reportOptYear: '年度（按该政协所在时区的公历年）',
  reportOptCommittee: '政协（编号）；可重复以汇总多个；默认为已记录的全部政协',
  reportOptOut: '要写入的 HTML 文件',
  reportNoCommittee: '尚未记录任何政协：请先记录 RegisterCommittee',
  reportUnknownCommittee: (id, known) => `记录中没有政协 "${id}"（已有：${known.join('、')}）`,
  reportNobodySeated: (year) => `提示：${year} 年没有在任委员，报告为空`,
  reportWritten: (file, committees, year, bytes) =>
    `已写入 ${file}（${committees.join('、')}，${year} 年；${Math.ceil(bytes / 1024)} KiB，独立文件）`,

  demoDescription:
    '把重庆市政协 2019 年样例数据生成到新的 SQLite 文件中：记录、分析、评价、封存并核验日志，写出 HTML 年度报告（不使用 --store）',
  demoOptOut: '存放 lvzhi.db 和报告的目录（其中旧的演示数据库会被替换）',
  demoOptScale: '加上重庆 38 个区县政协（数十万条指令）',
  demoOptSeed: '样例数据的随机种子（种子相同，数据相同）',
  demoRefuse: (path) => `${path} 已存在且不是 lvzhi demo 写入的，拒绝替换（请用 --out 另选目录）`,
  demoRemovedOld: (path) => `已删除上次的演示数据库 ${path}`,
  demoGenerating: (seed, scale, path) =>
    `正在把重庆市政协 2019 年样例数据${scale ? '（含 38 个区县政协）' : ''}（种子 ${seed}）记录到 ${path}，与 lvzhi record 走同一路径`,
  demoCorrectionMissing: (target) => `计划中的更正找不到要更正的记录：${target}`,
  demoCorrected: (n, planned) =>
    `已记录 ${planned} 项计划更正中的 ${n} 项（更正、撤销均为指明原记录的新事件）`,
  demoProjected: (position, anomalies) =>
    `投影已生成并保存在同一文件中，至位置 ${position}；异常 ${anomalies} 个`,
  demoAnalysisHeading: (name, year) => `${name} ${year} 年度履职整体分析`,
  demoEvaluationHeading: (title, id, version, members) =>
    `按《${title}》（${id} 第 ${version} 版）评价：委员 ${members} 人`,
  demoGradeHeaders: ['等次', '人数', '占比'],
  demoFlagHeaders: ['提示', '人数', '占比'],
  demoScoreQuartiles: (q1, median, q3) => `得分：中位数 ${median}，四分位 ${q1}–${q3}`,
  demoNoFlags: '无提示',
  demoNotALeagueTable:
    '得分供决策参考，不作排名；每名委员的明细中，每一分都注明所依据的记录（lvzhi evaluate）。',
  demoFilesHeading: '文件：',
  demoFileStore: '事件存储（SQLite）',
  demoFileReport: '年度报告（HTML）',
  demoTryHeading: '接下来可以试试：',
  demoTryArchive: '委员履职档案（一人一届一档），含一条更正过的出席记录',
  demoTryEvaluate: '每一分及其所依据的记录',
  demoTryAnalysis: '完整的年度整体分析',
  demoTryReport: '英文版报告',
  demoTryVerify: '重新计算全部哈希链',
  demoViaPnpm: '（在仓库中运行：npx -y pnpm@10.34.8 lvzhi …）',
  demoDone: (seconds) => `完成，用时 ${seconds.toFixed(1)} 秒`,
  serveDescription: '以只读 HTTP 接口提供各投影（JSON，OpenAPI 文档在 /openapi.json），须持令牌访问',
  serveOptPort: '监听端口（0：任一空闲端口）',
  serveOptHost: '绑定地址（默认仅本机回环）',
  serveOptTokensFile: 'JSON 文件：每个令牌对应可访问的政协组织 id 列表或 "*"（与 LVZHI_TOKENS 合并）',
  serveOptRate: '每个令牌每秒允许的请求数（持续）',
  serveOptBurst: '每个令牌可瞬时发出的请求数',
  serveNoTokens: '没有令牌：请设置 LVZHI_TOKENS（逗号分隔）或给出 --tokens-file 文件',
  serveBadTokensFile: (file, reason) => `--tokens-file ${file}：${reason}`,
  serveNotLoopback: (host) => `警告：绑定在 ${host} 而非本机回环，其他机器可访问此接口（请在前面加 TLS）`,
  serveListening: (url, tokens) =>
    `lvzhi 服务地址 ${url}（${tokens} 个令牌；OpenAPI 文档 ${url}/openapi.json）；按 Ctrl-C 停止`,
  serveStopped: '已停止',
  copyDescription: '将整个日志复制到另一个存储，事件编号、顺序和哈希不变；可断点续传；完成后核验',
  copyOptFrom: '源存储（存储地址，写法同 --store），只读',
  copyOptTo: '目标存储：空存储，或此前从同一源存储复制中断后留下的存储',
  copyOptBatch: '每次读取和每个追加事务的事件数',
  copyHelpAfter: `
示例：
  lvzhi copy --from sqlite:./lvzhi.db --to postgres://lvzhi@db.example/lvzhi
  lvzhi copy --from postgres://lvzhi@db.example/lvzhi?schema=lvzhi --to sqlite:./backup.db

中断后再次运行即可续传：先核对目标存储中的记录是否正是源存储的前若干条（编号、哈希、顺序均相同），再从断点继续；
目标存储中有其他记录则拒绝复制（退出码 1）。完成后逐条比对哈希，并审计目标存储（同 lvzhi audit verify）。
退出码：0 已复制并核验；1 拒绝、不一致或失败；2 用法错误。
`,
  copyProgressFormat: '{phase} {bar} {percentage}% | {count} {unit} | {rate} {unit}/秒',
  copyPhases: { check: '核对目标', copy: '复制', compare: '比对哈希', audit: '审计目标' },
  copyUnitEvents: '条事件',
  copyUnitStreams: '个流',
  copyDone: (copied, present, from, to) =>
    `已从 ${from} 复制 ${copied} 条事件到 ${to}${present > 0 ? `（另有 ${present} 条已由此前的复制写入）` : ''}`,
  copyHeld: (events, through) => `目标存储现有 ${events} 条事件，即源存储日志至位置 ${through} 的全部记录`,
  copyVerified: (streams, events) =>
    `核验通过：每条事件的编号、顺序和哈希均与源存储一致；audit verify 完好（${streams} 个流，${events} 条事件）`,
  copyUnsettled: (head) =>
    `源存储的最新位置为 ${head}：最后复制的记录之后的事件尚未落定（事务仍在进行），请再次运行 lvzhi copy 复制它们`,
  copySeconds: (seconds) => `完成，用时 ${seconds.toFixed(1)} 秒`,
};

/** The CLI's messages in a language. */
export function messages(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}
