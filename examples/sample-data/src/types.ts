/** One line of the record format. */
export interface SampleCommand {
  readonly command: string;
  readonly data: Record<string, unknown>;
  readonly meta: { readonly recordedBy: string; readonly recordedAt: string };
}

/** A correction to apply once the sample is recorded: the target is found by its type and data. */
export interface PlannedCorrection {
  readonly target: { readonly type: string; readonly match: Readonly<Record<string, unknown>> };
  readonly command: 'CorrectRecord' | 'RetractRecord';
  /** The command's data without `eventId`. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly meta: { readonly recordedBy: string; readonly recordedAt: string };
}

/** A member of the sample roster. */
export interface SampleMember {
  readonly id: string;
  readonly name: string;
  readonly sector: string;
  readonly specials: readonly string[];
  standing: boolean;
  /** Relative propensity to act. */
  readonly weight: number;
  /** Members who will have nothing recorded (未履职). */
  readonly inactive: boolean;
  readonly appointedOn: string;
  endedOn?: string;
  readonly leaves: { from: string; to: string; reason: 'illness' | 'maternity' | 'official-abroad' }[];
  /** Standing status changes after appointment. */
  readonly standingChanges: { on: string; standing: boolean }[];
}

/** What to generate for one committee. */
export interface CommitteeSpec {
  readonly committeeId: string;
  readonly name: string;
  readonly level: 'national' | 'provincial' | 'prefectural' | 'county';
  readonly term: number;
  readonly termStartsOn: string;
  readonly termEndsOn: string;
  /** Members seated at the first plenary of the first generated year. */
  readonly members: number;
  /** Share of the expected plenary attendance present (Chongqing 2019: 804 of 851). */
  readonly plenaryPresentShare: number;
  /** Proposals per year: session and interim (Chongqing 2019: 1,660 and 14). */
  readonly proposals: { readonly session: number; readonly interim: number };
  /** Multiplies the number of activities (1 for the city committee). */
  readonly activityScale: number;
  readonly adoptionLevels: readonly ['county' | 'city' | 'provincial' | 'national', number][];
}
