import type { Evaluation, Item, ItemSubject, MemberEvaluation } from '../evaluation/evaluationTypes.ts';
import type { Block, Policy, Rule } from '../policy/policySchema.ts';
import type { Lang } from '../policy/vocabulary.ts';
import { ATTENDANCE_WORDS, FLAG_NAMES, GRADE_NAMES, PHRASES, SUBJECT_NAMES } from './wording.ts';

/** Points as shown to a clerk: at most four decimals, a true minus sign. */
export function showPoints(value: number): string {
  const text = String(Number(value.toFixed(4)));
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

const showShare = (share: number) => `${String(Number((share * 100).toFixed(4)))}%`;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const ids = (evidence: readonly string[]) => evidence.map((e) => `\`${e}\``).join(', ');

const word = (key: string, lang: Lang) => ATTENDANCE_WORDS[key]?.[lang] ?? key;

/** An act in words: `会议 p1 (2019-01-10, 请假: 病假)`. */
function describeSubject(s: ItemSubject, lang: Lang, withFamily = true): string {
  const parts = [s.on];
  if (s.status) {
    const reason = s.leaveReason === undefined ? '' : `: ${word(s.leaveReason, lang)}`;
    const fraction =
      s.fractionAttended === undefined ? '' : `, ${word('attended', lang)} ${showShare(s.fractionAttended)}`;
    parts.push(`${word(s.status, lang)}${reason}${fraction}`);
  }
  const family = withFamily ? `${SUBJECT_NAMES[s.family]?.[lang] ?? s.family} ` : '';
  return `${family}${s.id} (${parts.join(', ')})`;
}

const listSubjects = (item: Item, lang: Lang) =>
  item.subjects && item.subjects.length > 0
    ? ` — ${item.subjects.map((s) => describeSubject(s, lang)).join('; ')}`
    : '';

interface Lookup {
  readonly blocks: ReadonlyMap<string, Block>;
  readonly rules: ReadonlyMap<string, Rule>;
}

function lookup(policy: Policy): Lookup {
  const blocks = new Map<string, Block>();
  const rules = new Map<string, Rule>();
  for (const block of policy.score?.blocks ?? []) {
    blocks.set(block.id, block);
    for (const rule of block.rules) rules.set(rule.id, rule);
  }
  return { blocks, rules };
}

function bounds(b: { cap?: number | undefined; floor?: number | undefined }): string {
  if (b.cap !== undefined && b.floor !== undefined) return `${showPoints(b.floor)}–${showPoints(b.cap)}`;
  if (b.cap !== undefined) return `≤ ${showPoints(b.cap)}`;
  if (b.floor !== undefined) return `≥ ${showPoints(b.floor)}`;
  return '';
}

/** One item in words: what it is for and how its points were reached. */
function describeItem(item: Item, look: Lookup, lang: Lang): string {
  const rule = look.rules.get(item.rule);
  const label = rule?.label[lang] ?? look.blocks.get(item.rule)?.label[lang] ?? item.rule;
  const pts = showPoints(item.points);
  switch (item.kind) {
    case 'base':
      return `${label}: ${PHRASES.base[lang]} ${pts}`;
    case 'cap':
    case 'floor': {
      const scope = item.rule === 'score' ? PHRASES.scoreAdjustment[lang] : label;
      return `${scope}: ${PHRASES[item.kind][lang]} → ${pts}`;
    }
    case 'none':
      return `${label}: ${PHRASES.none[lang]} → ${pts}`;
    case 'tier': {
      const tier =
        rule?.kind === 'tiers' && item.tier !== undefined ? rule.tiers[item.tier]?.label[lang] : undefined;
      return `${label}: ${tier ?? PHRASES.otherwise[lang]} → ${pts}${listSubjects(item, lang)}`;
    }
    case 'count': {
      const per = rule?.kind === 'count' ? rule : undefined;
      const formula = per
        ? per.beyond > 0
          ? `${showPoints(per.points)} × (${item.count} − ${per.beyond})`
          : `${showPoints(per.points)} × ${item.count}`
        : `${item.count}`;
      return `${label}: ${item.count} → ${formula} = ${pts}${listSubjects(item, lang)}`;
    }
    case 'act': {
      const what = item.subject ? describeSubject(item.subject, lang) : '';
      const formula =
        item.share !== undefined && rule?.kind === 'per-act'
          ? `${showPoints(rule.points)} × ${showShare(item.share)} = ${pts}`
          : pts;
      return `${label} — ${what}: ${formula}`;
    }
  }
}

function memberSection(r: MemberEvaluation, look: Lookup, lang: Lang): string[] {
  const out = [`## ${r.name} (${r.memberId}) · ${PHRASES.sector[lang]}: ${r.sector}`, ''];
  if (r.score === null) out.push(PHRASES.sanctionsOnly[lang]);
  else {
    const grade = r.grade === null ? '—' : (GRADE_NAMES[r.grade]?.[lang] ?? r.grade);
    const pct = r.percentileInSector === null ? '—' : showShare(r.percentileInSector);
    out.push(
      `${PHRASES.score[lang]}: **${showPoints(r.score)}** · ${PHRASES.grade[lang]}: ${grade} · ${PHRASES.percentile[lang]}: ${pct}`,
    );
    out.push(
      '',
      `| ${PHRASES.block[lang]} | ${PHRASES.points[lang]} | ${PHRASES.bounds[lang]} |`,
      '|---|---:|---|',
    );
    for (const b of r.blocks) {
      const label =
        b.id === 'score' ? PHRASES.scoreAdjustment[lang] : (look.blocks.get(b.id)?.label[lang] ?? b.id);
      out.push(`| ${cell(label)} | ${showPoints(b.points)} | ${bounds(b)} |`);
    }
    out.push('');
    for (const item of r.items) {
      out.push(
        `- ${cell(describeItem(item, look, lang))}  \n  ${PHRASES.evidence[lang]}: ${ids(item.evidence)}`,
      );
    }
  }
  out.push('', `**${PHRASES.flags[lang]}**: ${r.flags.length === 0 ? PHRASES.noFlags[lang] : ''}`);
  for (const f of r.flags) {
    const name = FLAG_NAMES[f.code]?.[lang];
    const year = f.year === undefined ? '' : ` (${f.year})`;
    const detail = f.detail ? ` [${f.detail.join(', ')}]` : '';
    out.push(
      `- \`${f.code}\`${name ? ` ${name}` : ''}${year}${detail}  \n  ${PHRASES.evidence[lang]}: ${ids(f.evidence)}`,
    );
  }
  return [...out, ''];
}

/**
 * An evaluation explained in words a secretariat clerk can check against the published scheme: per member,
 * the blocks, every item with the rule it applies, the act it is for and the events it cites, and the flags.
 */
export function evaluationToMarkdown(evaluation: Evaluation, policy: Policy, lang: Lang = 'zh'): string {
  const look = lookup(policy);
  const period =
    'year' in evaluation.period
      ? lang === 'zh'
        ? `${evaluation.period.year} ${PHRASES.year[lang]}`
        : `${PHRASES.year[lang]} ${evaluation.period.year}`
      : lang === 'zh'
        ? `第${evaluation.period.term}${PHRASES.term[lang]}`
        : `${PHRASES.term[lang]} ${evaluation.period.term}`;
  const head = [
    `# ${policy.title[lang]} — ${period}`,
    '',
    `\`${evaluation.policy.id}\` v${evaluation.policy.version} · ${PHRASES.committee[lang]} ${evaluation.committeeId}` +
      (evaluation.asOf ? ` · ${PHRASES.asOf[lang]} ${evaluation.asOf}` : ''),
    '',
    `> ${policy.description[lang]}`,
    '>',
    `> ${PHRASES.caveat[lang]}`,
    '',
  ];
  const body = evaluation.results.flatMap((r) => memberSection(r, look, lang));
  return [...head, ...(body.length === 0 ? [PHRASES.noMembers[lang], ''] : body)].join('\n');
}
