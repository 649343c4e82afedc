import {
  CommandHandler,
  type DutyRecordState,
  dutyRecordProjection,
  InMemoryEventStore,
  projectLog,
} from '@lvzhi/core';

type Status = 'present' | 'absent' | { excused: string } | { present: number };

/** Options of a member's appointment. */
export interface MemberOptions {
  readonly sector?: string;
  readonly standing?: boolean;
  readonly appointedOn?: string;
  readonly term?: number;
  readonly name?: string;
}

/**
 * Records a small committee through the command handler, one command at a time, failing loudly on a
 * refusal; every method returns the event id it recorded. For specifications of the evaluation engine.
 */
export class RecordWorld {
  readonly store = new InMemoryEventStore();
  readonly handler = new CommandHandler(this.store);
  readonly committeeId: string;
  #recordedAt: string;

  private constructor(committeeId: string, recordedAt: string) {
    this.committeeId = committeeId;
    this.#recordedAt = recordedAt;
  }

  /** A registered committee with its terms; everything is recorded at `recordedAt` unless changed. */
  static async create(options: {
    readonly committeeId?: string;
    readonly terms: readonly { readonly term: number; readonly startsOn: string; readonly endsOn: string }[];
    readonly recordedAt?: string;
  }): Promise<RecordWorld> {
    const w = new RecordWorld(options.committeeId ?? 'c1', options.recordedAt ?? '2025-01-01T00:00:00Z');
    await w.record('RegisterCommittee', { committeeId: w.committeeId, name: '测试政协', level: 'county' });
    for (const t of options.terms) await w.record('OpenTerm', { committeeId: w.committeeId, ...t });
    return w;
  }

  /** Records the commands that follow at this instant. */
  recordingAt(instant: string): this {
    this.#recordedAt = instant;
    return this;
  }

  /** Records one command and returns the event id. */
  async record(command: string, data: Record<string, unknown>): Promise<string> {
    const outcome = await this.handler.handle({
      command,
      data,
      meta: { recordedBy: 'secretariat', recordedAt: this.#recordedAt },
    });
    if (outcome.status !== 'recorded') {
      throw new Error(`${command} ${JSON.stringify(data)}: ${JSON.stringify(outcome)}`);
    }
    return outcome.events[0]!.eventId;
  }

  member(memberId: string, o: MemberOptions = {}): Promise<string> {
    return this.record('AppointMember', {
      memberId,
      name: o.name ?? `委员${memberId}`,
      committeeId: this.committeeId,
      term: o.term ?? 1,
      sector: o.sector ?? '经济界',
      standing: o.standing ?? false,
      appointedOn: o.appointedOn ?? '2018-01-01',
    });
  }

  setStanding(memberId: string, standing: boolean, effectiveOn: string): Promise<string> {
    return this.record('SetStandingMember', {
      memberId,
      committeeId: this.committeeId,
      standing,
      effectiveOn,
    });
  }

  endMembership(memberId: string, effectiveOn: string, reason = 'resigned'): Promise<string> {
    return this.record('EndMembership', { memberId, committeeId: this.committeeId, reason, effectiveOn });
  }

  meeting(meetingId: string, kind: string, startsOn: string, term = 1): Promise<string> {
    return this.record('ScheduleMeeting', {
      meetingId,
      committeeId: this.committeeId,
      kind,
      title: `${kind} ${meetingId}`,
      startsOn,
      term,
    });
  }

  /** `{excused: reason}` for leave; `{present: f}` for a present attendance with a fraction attended. */
  attend(meetingId: string, memberId: string, status: Status, capacity?: string): Promise<string> {
    const data: Record<string, unknown> = { meetingId, memberId };
    if (typeof status === 'string') data.status = status;
    else if ('excused' in status) Object.assign(data, { status: 'excused', leaveReason: status.excused });
    else Object.assign(data, { status: 'present', fractionAttended: status.present });
    if (capacity) data.capacity = capacity;
    return this.record('RecordAttendance', data);
  }

  speech(meetingId: string, memberId: string, mode: 'oral' | 'written', listed = false): Promise<string> {
    return this.record('RecordSpeech', { meetingId, memberId, mode, listed });
  }

  individual(proposalId: string, lead: string, submittedOn: string): Promise<string> {
    return this.proposal(proposalId, submittedOn, { proposerType: 'individual', leadMemberId: lead });
  }

  joint(
    proposalId: string,
    lead: string,
    coSigners: readonly string[],
    submittedOn: string,
  ): Promise<string> {
    return this.proposal(proposalId, submittedOn, {
      proposerType: 'joint',
      leadMemberId: lead,
      coSignerIds: coSigners,
    });
  }

  collective(proposalId: string, mainMembers: readonly string[], submittedOn: string): Promise<string> {
    return this.proposal(proposalId, submittedOn, {
      proposerType: 'collective',
      collectiveBody: '民盟',
      mainMemberIds: mainMembers,
    });
  }

  proposal(proposalId: string, submittedOn: string, who: Record<string, unknown>): Promise<string> {
    return this.record('SubmitProposal', {
      proposalId,
      committeeId: this.committeeId,
      title: `提案 ${proposalId}`,
      category: 'economic',
      submittedOn,
      ...who,
    });
  }

  review(proposalId: string, decision: string, decidedOn: string, mergedInto?: string): Promise<string> {
    return this.record('ReviewProposal', {
      proposalId,
      decision,
      decidedOn,
      ...(mergedInto ? { mergedInto } : {}),
    });
  }

  markKey(proposalId: string, markedOn: string): Promise<string> {
    return this.record('MarkKeyProposal', { proposalId, markedOn });
  }

  award(proposalId: string, awardedOn: string): Promise<string> {
    return this.record('AwardProposal', { proposalId, awardedOn });
  }

  opinion(opinionId: string, authorIds: readonly string[], submittedOn: string): Promise<string> {
    return this.record('SubmitOpinion', {
      opinionId,
      committeeId: this.committeeId,
      authorIds,
      title: `社情民意 ${opinionId}`,
      submittedOn,
    });
  }

  adopt(opinionId: string, level: string, adoptedOn: string): Promise<string> {
    return this.record('AdoptOpinion', { opinionId, level, adoptedOn });
  }

  welfare(activityId: string, memberId: string, on: string): Promise<string> {
    return this.record('RecordPublicWelfare', { activityId, memberId, title: `公益 ${activityId}`, on });
  }

  retract(eventId: string): Promise<string> {
    return this.record('RetractRecord', { eventId, reason: '记录有误', approvedBy: '秘书长' });
  }

  /** The duty record folded from the log, as known at an instant (epoch ms) when given. */
  async state(recordedAtOrBefore?: number): Promise<DutyRecordState> {
    const { states } = await projectLog(
      this.store,
      [dutyRecordProjection],
      recordedAtOrBefore === undefined ? {} : { recordedAtOrBefore },
    );
    return states.get(dutyRecordProjection.name) as DutyRecordState;
  }
}
