/**
 * A small model of the domain rules, written from DOMAIN.md, DESIGN.md ("The record format") and the README,
 * not from the deciders: the model-based test runs every command through it and through the real system, and
 * the two must agree. Dates are bare `YYYY-MM-DD` in the committees' one zone, so they compare as strings.
 *
 * Every record occupies a slot named by its business key (`attendance:<meeting>/<member>`, `review:<proposal>`…).
 * Re-recording the command of the slot's last record is a no-op ("re-running the same file writes nothing
 * new"), even once it is retracted or corrected (a correction is not a command of that kind); another command
 * is a conflict while that record stands ("the same id with other data is rejected: use CorrectRecord"), and a
 * retracted record frees the slot.
 */

import { type Data, type Fields, fields, fingerprint, type ModelCommand, slotOf } from './slots.ts';

/** The calendar day after a YYYY-MM-DD date. */
const dayAfter = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export type { Data, ModelCommand };

/** What the model allows: `recorded`, `no-op`, or a rejection code; several when several rules are broken. */
export type Outcome = string;

/** A recorded event as the model knows it, so corrections and retractions can name it. */
export interface ModelEvent {
  readonly eventId: string;
  readonly command: string;
  readonly key: string;
  data: Data;
  retracted: boolean;
}

interface Slot {
  live: ModelEvent | undefined;
  /** The fingerprint of the command of the last record in the slot, live or retracted. */
  last: string;
}

/** The fields that say which act a record is about: a correction may not change them. */
const IDENTITY: Readonly<Record<string, readonly string[]>> = {
  RecordAttendance: ['meetingId', 'memberId'],
  SubmitProposal: ['proposalId'],
  SubmitOpinion: ['opinionId'],
};

/** The domain rules as a model: what each command should do given what was recorded before. */
export class DutyModel {
  readonly #slots = new Map<string, Slot>();
  readonly #events = new Map<string, ModelEvent>();
  /** Accepted correction and retraction commands, for their own re-recording. */
  readonly #amendments = new Set<string>();

  /** Every recorded event, in order. */
  get events(): readonly ModelEvent[] {
    return [...this.#events.values()];
  }

  /** The outcomes this command may have now. */
  expect(c: ModelCommand): ReadonlySet<Outcome> {
    if (c.command === 'RetractRecord' || c.command === 'CorrectRecord') return this.#expectAmendment(c);
    const slot = slotOf(c);
    if (!slot) throw new Error(`the model does not know ${c.command}`);
    const existing = this.#slots.get(slot.key);
    if (existing?.last === fingerprint(c.data)) return new Set(['no-op']);
    const broken = new Set(this.#rules(c));
    if (existing?.live) for (const code of slot.conflict) broken.add(code);
    return broken.size === 0 ? new Set(['recorded']) : broken;
  }

  /** Applies what the real system did with a command the model allowed. */
  apply(c: ModelCommand, outcome: Outcome, eventId: string | undefined): void {
    if (outcome !== 'recorded') return;
    if (eventId === undefined) throw new Error('a recorded command without its event id');
    if (c.command === 'RetractRecord' || c.command === 'CorrectRecord') {
      this.#amendments.add(fingerprint(c));
      const target = this.#events.get(c.data.eventId as string)!;
      if (c.command === 'RetractRecord') {
        target.retracted = true;
        const slot = this.#slots.get(target.key)!;
        if (slot.live === target) slot.live = undefined;
      } else {
        target.data = { ...target.data, ...(c.data.data as Data) };
      }
      return;
    }
    const key = slotOf(c)!.key;
    const event: ModelEvent = { eventId, command: c.command, key, data: c.data, retracted: false };
    this.#events.set(eventId, event);
    this.#slots.set(key, { live: event, last: fingerprint(c.data) });
  }

  #live(key: string): Data | undefined {
    return this.#slots.get(key)?.live?.data;
  }

  #liveEvent(key: string): ModelEvent | undefined {
    return this.#slots.get(key)?.live;
  }

  #appointed(memberId: string): boolean {
    return [...this.#slots.entries()].some(([k, s]) => k.startsWith(`seat:${memberId}/`) && s.live);
  }

  /** The member's seat in the committee on that date (appointed, not ended, within the term), if any. */
  #seat(memberId: string, committeeId: string, date: string): Data | undefined {
    for (const [key, slot] of this.#slots) {
      const seat = slot.live?.data;
      if (!seat || !key.startsWith(`seat:${memberId}/${committeeId}/`)) continue;
      const term = this.#live(`term:${committeeId}/${seat.term}`);
      const end = this.#live(`end:${memberId}/${committeeId}/${seat.term}`);
      const ends = end ? (end.effectiveOn as string) : undefined;
      if (
        term &&
        (seat.appointedOn as string) <= date &&
        date <= (term.endsOn as string) &&
        (ends === undefined || date < ends)
      )
        return seat;
    }
    return undefined;
  }

  #onLeave(memberId: string, date: string): boolean {
    return [...this.#slots.entries()].some(([k, s]) => {
      const leave = s.live?.data;
      if (!leave || !k.startsWith(`leave:${memberId}/`)) return false;
      return (leave.from as string) <= date && (leave.to === undefined || date <= (leave.to as string));
    });
  }

  /** Codes for every named member who was never appointed or is not seated in the committee on the date. */
  #seated(memberIds: readonly string[], committeeId: string, date: string): string[] {
    const codes: string[] = [];
    for (const m of memberIds) {
      if (!this.#appointed(m)) codes.push('unknown-member');
      else if (!this.#seat(m, committeeId, date)) codes.push('not-seated');
    }
    return codes;
  }

  #rules(c: ModelCommand): string[] {
    const d = fields(c.data);
    const codes: string[] = [];
    const committee = (id: string) => this.#live(`committee:${id}`);
    const term = (cid: string, n: number) => this.#live(`term:${cid}/${n}`);
    switch (c.command) {
      case 'RegisterCommittee':
        break;
      case 'OpenTerm':
        if (!committee(d.committeeId)) codes.push('unknown-committee');
        if ((d.endsOn ?? '') < d.startsOn) codes.push('invalid-date-range');
        break;
      case 'AppointMember':
      case 'ScheduleMeeting': {
        const on: string = c.command === 'AppointMember' ? d.appointedOn : d.startsOn;
        const t = term(d.committeeId, d.term);
        if (!committee(d.committeeId)) codes.push('unknown-committee');
        else if (!t) codes.push('unknown-term');
        else if (on < (t.startsOn as string) || on > (t.endsOn as string)) codes.push('outside-term');
        if (c.command === 'ScheduleMeeting' && d.endsOn !== undefined && d.endsOn < d.startsOn)
          codes.push('invalid-date-range');
        break;
      }
      case 'EndMembership': {
        const seat = this.#live(`seat:${d.memberId}/${d.committeeId}/${d.term}`);
        const t = term(d.committeeId, d.term);
        if (!this.#appointed(d.memberId)) codes.push('unknown-member');
        if (!committee(d.committeeId)) codes.push('unknown-committee');
        else if (!t) codes.push('unknown-term');
        if (!seat) codes.push('not-seated');
        // effectiveOn is the first day no longer seated: at the latest the day after the term's last day.
        else if (
          d.effectiveOn < (seat.appointedOn as string) ||
          d.effectiveOn > dayAfter(t?.endsOn as string)
        )
          codes.push('not-seated', 'outside-term', 'invalid-date-range');
        break;
      }
      case 'DeclareLongLeave':
        if (!this.#appointed(d.memberId)) codes.push('unknown-member');
        if (d.to !== undefined && d.to < d.from) codes.push('invalid-date-range');
        break;
      case 'RecordAttendance': {
        if (d.status === 'excused' && d.leaveReason === undefined) codes.push('leave-reason-required');
        if (d.status !== 'excused' && d.leaveReason !== undefined) codes.push('leave-reason-not-allowed');
        const fraction = d.fractionAttended as number | undefined;
        if (fraction !== undefined && !(fraction >= 0 && fraction <= 1)) codes.push('fraction-out-of-range');
        const meeting = this.#live(`meeting:${d.meetingId}`);
        if (!meeting) codes.push('unknown-meeting');
        if (!this.#appointed(d.memberId)) codes.push('unknown-member');
        if (!meeting || !this.#appointed(d.memberId)) break;
        const on = meeting.startsOn as string;
        const seat = this.#seat(d.memberId, meeting.committeeId as string, on);
        if (!seat) codes.push('not-seated');
        else if (meeting.kind === 'standing' && d.capacity !== 'observer' && seat.standing !== true)
          codes.push('not-standing-member');
        if (seat && d.status === 'present' && this.#onLeave(d.memberId, on)) codes.push('on-long-leave');
        break;
      }
      case 'SubmitProposal':
        codes.push(...this.#proposers(d));
        if (!committee(d.committeeId)) codes.push('unknown-committee');
        else {
          const named = [d.leadMemberId, ...(d.coSignerIds ?? []), ...(d.mainMemberIds ?? [])];
          codes.push(
            ...this.#seated(
              named.filter((m) => m !== undefined),
              d.committeeId,
              d.submittedOn,
            ),
          );
        }
        break;
      case 'ReviewProposal':
      case 'MarkKeyProposal':
      case 'AwardProposal':
      case 'AnswerProposal':
      case 'RecordProposerFeedback':
        codes.push(...this.#proposalStep(c.command, d));
        break;
      case 'SubmitOpinion':
        if (!committee(d.committeeId)) codes.push('unknown-committee');
        else codes.push(...this.#seated(d.authorIds, d.committeeId, d.submittedOn));
        break;
      case 'AdoptOpinion': {
        const opinion = this.#live(`opinion:${d.opinionId}`);
        if (!opinion) codes.push('unknown-opinion');
        else if (d.adoptedOn < (opinion.submittedOn as string)) codes.push('before-submission');
        break;
      }
    }
    return codes;
  }

  /** DOMAIN.md's proposer types: who must and who may be named. */
  #proposers(d: Fields): string[] {
    const codes: string[] = [];
    const cosigners = (d.coSignerIds ?? []) as string[];
    const main = (d.mainMemberIds ?? []) as string[];
    if (d.proposerType === 'collective') {
      if (d.collectiveBody === undefined) codes.push('collective-body-required');
      if (d.leadMemberId !== undefined || cosigners.length > 0) codes.push('field-not-allowed');
      if (main.length > 3) codes.push('too-many-main-members');
      return codes;
    }
    if (d.leadMemberId === undefined) codes.push('lead-required');
    if (d.collectiveBody !== undefined || main.length > 0) codes.push('field-not-allowed');
    if (d.proposerType === 'joint' && cosigners.length === 0) codes.push('cosigner-required');
    if (d.proposerType === 'individual' && cosigners.length > 0) codes.push('field-not-allowed');
    const named = [d.leadMemberId, ...cosigners].filter((m) => m !== undefined);
    if (new Set(named).size !== named.length) codes.push('proposers-not-distinct');
    return codes;
  }

  /** A proposal's later steps: reviewed once; key, award and answer only when filed or merged; feedback after an answer. */
  #proposalStep(command: string, d: Fields): string[] {
    const codes: string[] = [];
    if (command === 'ReviewProposal') {
      if (d.decision === 'merged' && d.mergedInto === undefined) codes.push('merge-target-required');
      if (d.decision !== 'merged' && d.mergedInto !== undefined) codes.push('field-not-allowed');
      if (d.decision === 'merged' && d.mergedInto !== undefined) {
        // Into another proposal that was filed (a proposal is never merged into itself).
        const target = this.#live(`review:${d.mergedInto}`);
        if (target?.decision !== 'filed' || d.mergedInto === d.proposalId)
          codes.push('merge-target-not-filed');
        if (!this.#live(`proposal:${d.mergedInto}`)) codes.push('unknown-proposal');
      }
    }
    const proposal = this.#live(`proposal:${d.proposalId}`);
    if (!proposal) return [...codes, 'unknown-proposal'];
    const on = d.decidedOn ?? d.markedOn ?? d.awardedOn ?? d.answeredOn ?? d.givenOn ?? '';
    if (on < (proposal.submittedOn as string)) codes.push('before-submission');
    if (command === 'ReviewProposal') {
      // The rules of the decision itself are above.
    } else if (command === 'RecordProposerFeedback') {
      if (!this.#live(`answer:${d.proposalId}`)) codes.push('not-answered');
    } else {
      const decision = this.#live(`review:${d.proposalId}`)?.decision;
      if (decision !== 'filed' && decision !== 'merged') codes.push('not-filed');
    }
    return codes;
  }

  /** Retraction and correction: of a recorded event, never a retracted one, without changing what it is about. */
  #expectAmendment(c: ModelCommand): ReadonlySet<Outcome> {
    if (this.#amendments.has(fingerprint(c))) return new Set(['no-op']);
    const target = this.#events.get(c.data.eventId as string);
    if (!target) return new Set(['unknown-event']);
    if (c.command === 'RetractRecord') {
      if (target.retracted) return new Set(['already-retracted']);
      return this.#dependents(target).length > 0
        ? new Set(['retraction-has-dependents'])
        : new Set(['recorded']);
    }
    const codes = new Set<string>();
    if (target.retracted) codes.add('retracted-event');
    const changes = c.data.data as Data;
    for (const field of IDENTITY[target.command] ?? []) {
      if (field in changes && changes[field] !== target.data[field]) codes.add('correction-changes-identity');
    }
    return codes.size === 0 ? new Set(['recorded']) : codes;
  }

  /**
   * Live records that rest on this one: key, award, answer and feedback on the review, feedback on the
   * answer. DOMAIN.md leaves the scope open; we follow the design the decider tests document: retracting a
   * submission takes its later steps with it, so nothing rests on a submission.
   */
  #dependents(target: ModelEvent): ModelEvent[] {
    const p = target.data.proposalId as string;
    const steps =
      target.command === 'ReviewProposal'
        ? ['key', 'award', 'answer', 'feedback']
        : target.command === 'AnswerProposal'
          ? ['feedback']
          : [];
    return steps.map((s) => this.#liveEvent(`${s}:${p}`)).filter((e): e is ModelEvent => e !== undefined);
  }
}
