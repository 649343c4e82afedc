import { LEVELS } from './vocabulary.ts';
import { type Committee, day, onLeave, type YearWriter } from './yearWriter.ts';

/** 社情民意 items (0.6 per member, 40% adopted), publicity (40% of members) and public welfare (30%). */
export async function opinionsAndPublicity(w: YearWriter, committees: readonly Committee[]): Promise<void> {
  const { rng } = w;
  let opinion = 0;
  let publicity = 0;
  let welfare = 0;
  for (const c of committees) {
    for (let i = 0; i < c.members.length * 0.6; i++) {
      const d = rng.int(30, 340);
      const authors = rng.sample(
        c.members.filter((m) => !onLeave(m, d)),
        rng.int(1, 3),
      );
      const opinionId = `${c.id}-sq-${++opinion}`;
      const item = {
        opinionId,
        committeeId: c.id,
        authorIds: authors.map((m) => m.id),
        title: `社情民意信息第${opinion}号`,
        submittedOn: day(d),
      };
      await w.emit('SubmitOpinion', item, d);
      if (rng.chance(0.4))
        await w.emit('AdoptOpinion', { opinionId, level: rng.pick(LEVELS), adoptedOn: day(d + 10) }, d + 10);
    }
    for (const m of c.members) {
      if (rng.chance(0.4)) {
        const d = rng.int(20, 340);
        const kind = rng.pick(['article', 'interview', 'report']);
        const record = {
          publicityId: `xc-${++publicity}`,
          memberId: m.id,
          kind,
          outlet: '重庆日报',
          level: 'city',
          publishedOn: day(d),
        };
        await w.emit('RecordPublicity', record, d);
      }
      if (rng.chance(0.3)) {
        const d = rng.int(20, 340);
        await w.emit(
          'RecordPublicWelfare',
          { activityId: `gy-${++welfare}`, memberId: m.id, title: '助学帮扶活动', on: day(d) },
          d,
        );
      }
    }
  }
}
