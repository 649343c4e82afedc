/** The vocabulary of the model: commands, their fields, and the business key (slot) each record fills. */

export type Data = Readonly<Record<string, unknown>>;

/** A command of the record format (its `meta` is added by the runner). */
export interface ModelCommand {
  readonly command: string;
  readonly data: Data;
}

/** The fields of the commands the model reads (each command carries some of them). */
export interface Fields {
  readonly committeeId: string;
  readonly term: number;
  readonly startsOn: string;
  readonly endsOn?: string;
  readonly memberId: string;
  readonly appointedOn: string;
  readonly effectiveOn: string;
  readonly from: string;
  readonly to?: string;
  readonly meetingId: string;
  readonly status: string;
  readonly capacity: string;
  readonly leaveReason?: string;
  readonly fractionAttended?: number;
  readonly proposalId: string;
  readonly submittedOn: string;
  readonly proposerType: string;
  readonly leadMemberId?: string;
  readonly coSignerIds?: readonly string[];
  readonly mainMemberIds?: readonly string[];
  readonly collectiveBody?: string;
  readonly decision: string;
  readonly mergedInto?: string;
  readonly decidedOn?: string;
  readonly markedOn?: string;
  readonly awardedOn?: string;
  readonly answeredOn?: string;
  readonly givenOn?: string;
  readonly opinionId: string;
  readonly authorIds: readonly string[];
  readonly adoptedOn: string;
  readonly level: string;
}
export const fields = (data: Data): Fields => data as unknown as Fields;

/** Canonical text of a JSON value (keys sorted), to compare data. */
export function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Data).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${fingerprint(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const CONFLICT = ['already-exists', 'conflicts-with-recorded'] as const;

/** The slot a record command fills, and the code(s) a different record in that slot is refused with. */
export function slotOf(c: ModelCommand): { key: string; conflict: readonly string[] } | undefined {
  const d = c.data as Record<string, string>;
  const seat = `${d.memberId}/${d.committeeId}/${d.term}`;
  switch (c.command) {
    case 'RegisterCommittee':
      return { key: `committee:${d.committeeId}`, conflict: ['already-exists'] };
    case 'OpenTerm':
      return { key: `term:${d.committeeId}/${d.term}`, conflict: ['already-exists'] };
    case 'AppointMember':
      return { key: `seat:${seat}`, conflict: CONFLICT };
    case 'EndMembership':
      return { key: `end:${seat}`, conflict: ['already-ended'] };
    case 'DeclareLongLeave':
      return { key: `leave:${d.memberId}/${d.from}`, conflict: CONFLICT };
    case 'ScheduleMeeting':
      return { key: `meeting:${d.meetingId}`, conflict: ['already-exists'] };
    case 'RecordAttendance':
      return { key: `attendance:${d.meetingId}/${d.memberId}`, conflict: ['conflicts-with-recorded'] };
    case 'SubmitProposal':
      return { key: `proposal:${d.proposalId}`, conflict: ['already-exists'] };
    case 'ReviewProposal':
      return { key: `review:${d.proposalId}`, conflict: ['already-reviewed'] };
    case 'MarkKeyProposal':
      return { key: `key:${d.proposalId}`, conflict: CONFLICT };
    case 'AwardProposal':
      return { key: `award:${d.proposalId}`, conflict: CONFLICT };
    case 'AnswerProposal':
      return { key: `answer:${d.proposalId}`, conflict: CONFLICT };
    case 'RecordProposerFeedback':
      return { key: `feedback:${d.proposalId}`, conflict: CONFLICT };
    case 'SubmitOpinion':
      return { key: `opinion:${d.opinionId}`, conflict: ['already-exists'] };
    case 'AdoptOpinion':
      return { key: `adoption:${d.opinionId}/${d.level}`, conflict: CONFLICT };
    default:
      return undefined;
  }
}
