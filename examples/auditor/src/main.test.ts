import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

describe("the auditor's replay example", () => {
  it('verifies against the seal, and the year as known at the seal is unchanged by the later correction', async () => {
    const { audit, asSealed, today } = await main();
    expect(audit.ok).toBe(true);
    expect(audit.seal).toBeDefined();
    expect(asSealed.plenary).toMatchObject({ expected: 2, present: 1, excused: 0, absent: 1 });
    expect(today.plenary).toMatchObject({ expected: 2, present: 1, excused: 1, absent: 0 });
  });
});
