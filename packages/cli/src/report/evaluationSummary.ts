import type { Evaluation, Policy } from '@lvzhi/evaluation';
import type { Lang } from '../i18n/lang.ts';
import type { Messages } from '../i18n/messages.ts';
import { formatRows } from '../output/table.ts';
import { formatNumber } from './numbers.ts';
import { valueLabel } from './reportLabels.ts';

function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

function counts(values: readonly string[]): [string, number][] {
  const map = new Map<string, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * A short summary of an evaluation for the terminal: how many members got each grade, the quartiles of the
 * scores and how many carry each flag. Never a list of members by score.
 */
export function evaluationSummary(evaluation: Evaluation, policy: Policy, t: Messages, lang: Lang): string {
  const results = evaluation.results;
  const total = results.length;
  const share = (n: number) => (total > 0 ? formatNumber(n / total, 'percent') : '—');
  const lines: string[] = [t.demoEvaluationHeading(policy.title[lang], policy.id, policy.version, total)];
  const grades = counts(results.map((r) => r.grade ?? '—'));
  const rows = grades.map(([g, n]) => [valueLabel(g, lang), formatNumber(n), share(n)]);
  lines.push(
    ...formatRows([t.demoGradeHeaders, ...rows], [], new Set([1, 2]))
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`),
  );
  const scores = results
    .map((r) => r.score)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  if (scores.length > 0) {
    const q = (p: number) => formatNumber(quantile(scores, p), 'quantile');
    lines.push(`  ${t.demoScoreQuartiles(q(0.25), q(0.5), q(0.75))}`);
  }
  const flags = counts(results.flatMap((r) => [...new Set(r.flags.map((f) => f.code))]));
  if (flags.length === 0) lines.push(`  ${t.demoNoFlags}`);
  else {
    const flagRows = flags.map(([code, n]) => [
      `${valueLabel(code, lang)} (${code})`,
      formatNumber(n),
      share(n),
    ]);
    lines.push(
      ...formatRows([t.demoFlagHeaders, ...flagRows], [], new Set([1, 2]))
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
    );
  }
  lines.push(`  ${t.demoNotALeagueTable}`);
  return `${lines.join('\n')}\n`;
}
