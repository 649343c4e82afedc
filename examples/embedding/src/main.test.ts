import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

describe('the embedding example', () => {
  it("reads back what the platform recorded: Wang's archive and the committee's year", async () => {
    const { archive, analysis } = await main();
    expect(archive?.member.name).toBe('王芳');
    expect(archive?.attendance).toHaveLength(1);
    expect(archive?.proposals.map((p) => p.proposalId)).toEqual(['p-1']);
    expect(analysis.plenary).toMatchObject({ expected: 2, present: 1, excused: 1, absent: 0 });
    expect(analysis.proposals).toMatchObject({ submitted: 1, filed: 1 });
    // Li was excused (not an act) and did nothing else in 2019.
    expect(analysis.membersWithNothingRecorded).toEqual(['li']);
  });
});
