/** An issued identifier (Popolo `identifier`). */
export interface PopoloIdentifier {
  readonly identifier: string;
  readonly scheme: string;
}

/** A person (Popolo `person`): a member (委员). */
export interface PopoloPerson {
  readonly id: string;
  readonly name?: string;
  readonly identifiers?: readonly PopoloIdentifier[];
}

/** An organization (Popolo `organization`): a committee, a sector (界别), a special committee or a party. */
export interface PopoloOrganization {
  readonly id: string;
  readonly name: string;
  readonly classification: string;
  readonly parent_id?: string;
  readonly identifiers?: readonly PopoloIdentifier[];
}

/** A membership (Popolo `membership`): a seat, a standing-member period, a special committee, a party. */
export interface PopoloMembership {
  readonly id: string;
  readonly person_id: string;
  readonly organization_id: string;
  readonly role: string;
  readonly label?: string;
  /** For a seat: the sector (界别) on whose behalf the member sits. */
  readonly on_behalf_of_id?: string;
  /** The term (届) as a `legislative period` event (the EveryPolitician convention). */
  readonly legislative_period_id?: string;
  readonly start_date?: string;
  readonly end_date?: string;
}

/** A count (Popolo `count`), used on meetings for attendance by status. */
export interface PopoloCount {
  readonly option: string;
  readonly value: number;
}

/** An event (Popolo `event`): a term (届) or a meeting with its attendees. */
export interface PopoloEvent {
  readonly id: string;
  readonly name: string;
  readonly classification: string;
  readonly organization_id: string;
  readonly start_date?: string;
  readonly end_date?: string;
  readonly parent_id?: string;
  readonly identifiers?: readonly PopoloIdentifier[];
  /** Members present (出席), observers (列席) included. */
  readonly attendees?: readonly PopoloPerson[];
  /** Attendance by status: present, excused (请假), absent (缺席). */
  readonly counts?: readonly PopoloCount[];
}

/** A speech (Popolo `speech`): an oral or written speech (发言) at a meeting. */
export interface PopoloSpeech {
  readonly id: string;
  readonly creator_id: string;
  readonly event_id: string;
  /** `oral` or `written`. */
  readonly type: string;
  readonly date?: string;
}

/** A motion (Popolo `motion`): a proposal (提案). */
export interface PopoloMotion {
  readonly id: string;
  readonly organization_id: string;
  readonly identifier: string;
  readonly text: string;
  readonly classification: string;
  readonly date?: string;
  readonly creator_id?: string;
  /** The latest review decision: filed, merged, converted, not-filed or returned. */
  readonly result?: string;
}

/** A Popolo open-data document: the duty record's people, bodies, seats, meetings, speeches and proposals. */
export interface PopoloDocument {
  readonly persons: readonly PopoloPerson[];
  readonly organizations: readonly PopoloOrganization[];
  readonly memberships: readonly PopoloMembership[];
  readonly events: readonly PopoloEvent[];
  readonly speeches: readonly PopoloSpeech[];
  readonly motions: readonly PopoloMotion[];
}
