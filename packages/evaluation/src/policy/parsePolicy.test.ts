import { describe, expect, it } from 'vitest';
import { listPresets, presetPolicy } from '../presets/presets.ts';
import { parsePolicy } from './parsePolicy.ts';
import { policyJsonSchema } from './policyJsonSchema.ts';

const label = { zh: '标签', en: 'label' };
const minimal = (extra: Record<string, unknown> = {}) => ({
  id: 'county-2024',
  version: '2024.1',
  title: label,
  description: label,
  period: 'year',
  ...extra,
});
const problems = (json: unknown) => {
  const r = parsePolicy(json);
  if (r.ok) throw new Error('expected problems');
  return r.error.map((p) => [p.path, p.rule]);
};

describe('Given policies written as JSON', () => {
  it('the four presets are valid data, listed with one-line descriptions in both languages', () => {
    expect(listPresets().map((p) => [p.id, p.period])).toEqual([
      ['tongcheng-2019', 'year'],
      ['jinan-2015', 'year'],
      ['xuanwei-term', 'term'],
      ['shandong-2013', 'term'],
    ]);
    for (const p of listPresets()) {
      expect(p.description.zh.length).toBeGreaterThan(0);
      expect(p.description.en).not.toContain('\n');
      expect(parsePolicy(JSON.stringify(presetPolicy(p.id))).ok).toBe(true);
    }
  });

  it('fills defaults: unexcused absences, full credit to every credited role, first three main members', () => {
    const r = parsePolicy(minimal({ version: 3 }));
    expect(r.ok && r.value.version).toBe('3');
    expect(r.ok && r.value.params).toEqual({
      absence: { counting: 'unexcused', exemptLeaveReasons: [] },
      proposalCredit: { individual: 1, lead: 1, coSigners: { each: 1 }, mainMembers: 1, mainMemberLimit: 3 },
    });
  });

  it('names the JSON path and the rule of every shape error at once', () => {
    const broken = minimal({
      id: 'Broken Policy',
      period: 'month',
      score: {
        blocks: [
          {
            id: 'a',
            label,
            cap: 'ten',
            points: 3,
            rules: [
              {
                kind: 'per-act',
                id: 'r',
                label,
                select: { act: 'attendance', meetingKinds: ['party'] },
                points: 1,
              },
              { kind: 'per-act', id: 'q', label, select: { act: 'vote' }, points: 1 },
            ],
          },
        ],
      },
    });
    expect(problems(broken)).toEqual([
      ['$.id', 'invalid-format'],
      ['$.period', 'invalid-value'],
      ['$.score.blocks[0].rules[0].select.meetingKinds[0]', 'invalid-value'],
      ['$.score.blocks[0].rules[1].select.act', 'invalid-union'],
      ['$.score.blocks[0].cap', 'invalid-type'],
      ['$.score.blocks[0].points', 'unrecognized-key'],
    ]);
  });

  it('checks what a schema cannot: unique ids, tier families, bounds, bands, and what each rule needs', () => {
    const tiers = {
      kind: 'tiers',
      id: 'plenary',
      label,
      select: { act: 'attendance' },
      tiers: [{ label, where: { act: 'speech' }, points: 1 }],
    };
    const policy = minimal({
      score: {
        blocks: [
          {
            id: 'meetings',
            label,
            cap: 5,
            floor: 10,
            rules: [tiers, { ...tiers, id: 'meetings', tiers: [] }],
          },
          { id: 'score', label, base: 1 },
          { id: 'empty', label },
        ],
      },
      minimums: { requirements: [{ id: 'x', label, anyOf: [{ select: { act: 'opinion' } }] }] },
      grading: {
        bands: [
          { atLeast: 60, grade: 'pass' },
          { atLeast: 80, grade: 'excellent' },
        ],
        otherwise: { grade: 'fail' },
      },
      flags: [{ kind: 'term-total-below', code: 'few', select: { act: 'proposal' }, below: 3 }],
    });
    expect(problems(policy)).toEqual([['$.score.blocks[0].rules[1].tiers', 'too-small']]);
    const fixed = JSON.parse(JSON.stringify(policy));
    fixed.score.blocks[0].rules[1].tiers = tiers.tiers;
    expect(problems(fixed)).toEqual([
      ['$.score.blocks[0].cap', 'cap-below-floor'],
      ['$.score.blocks[0].rules[0].tiers[0].where.act', 'tier-act-mismatch'],
      ['$.score.blocks[0].rules[1].id', 'unique-id'],
      ['$.score.blocks[0].rules[1].tiers[0].where.act', 'tier-act-mismatch'],
      ['$.score.blocks[1].id', 'reserved-id'],
      ['$.score.blocks[2].rules', 'empty-block'],
      ['$.minimums', 'minimums-unused'],
      ['$.grading.bands[1].atLeast', 'bands-descending'],
      ['$.flags[0].kind', 'needs-period-term'],
    ]);
  });

  it('refuses text that is not JSON', () => {
    expect(problems('{"id": ')).toEqual([['$', 'invalid-json']]);
  });

  it('is published as JSON Schema for editors', () => {
    const schema = policyJsonSchema();
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(['id', 'version', 'period', 'params', 'score', 'minimums', 'grading', 'flags']),
    );
  });
});
