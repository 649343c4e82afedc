import { activities, plenary, standingMeetings } from './year/meetings.ts';
import { chongqingCommittees, seatMembers } from './year/members.ts';
import { opinionsAndPublicity } from './year/otherActs.ts';
import { proposalLifecycles, type SubmittedProposal, submitProposals } from './year/proposals.ts';
import { YearWriter } from './year/yearWriter.ts';

/** How a generated year is scaled. */
export interface YearShape {
  /** Commands in the file (at least the ~37,000 of the fixed part: seats, plenaries, proposals, items). */
  readonly commands: number;
  readonly seed: number;
}

/**
 * Writes a deterministic, Chongqing-like year of the record format, scaled up: a city committee and three
 * district committees (~2,500 members), a plenary with attendance for every member, proposals through their
 * lifecycle, 社情民意 items, publicity, public welfare, standing meetings, then activities and study sessions
 * with attendance until `commands` lines are written. Every line is valid. Returns the number of lines.
 */
export async function generateYear(path: string, shape: YearShape): Promise<number> {
  const w = new YearWriter(path, shape.commands, shape.seed);
  const committees = chongqingCommittees();
  await seatMembers(w, committees);
  const proposals: SubmittedProposal[] = [];
  for (const c of committees) {
    const plenaryDay = await plenary(w, c);
    proposals.push(...(await submitProposals(w, c, plenaryDay)));
  }
  await proposalLifecycles(w, proposals);
  await opinionsAndPublicity(w, committees);
  await standingMeetings(w, committees);
  await activities(w, committees);
  await w.close();
  return w.lines;
}
