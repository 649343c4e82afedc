import type { Evaluation } from '../evaluation/evaluationTypes.ts';

const field = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const row = (values: readonly unknown[]) => values.map(field).join(',');

/**
 * An evaluation as CSV (RFC 4180, CRLF). `members` (default): one row per member with score, grade,
 * percentile, flags (`code@year[detail]`, `;`-separated) and one column per block. `items`: one row per item
 * with its evidence (space-separated event ids), for checking every point.
 */
export function evaluationToCsv(
  evaluation: Evaluation,
  options: { readonly layout?: 'members' | 'items' } = {},
): string {
  const lines: string[] = [];
  if (options.layout === 'items') {
    lines.push(row(['memberId', 'block', 'rule', 'kind', 'points', 'subject', 'share', 'count', 'evidence']));
    for (const r of evaluation.results) {
      for (const i of r.items) {
        lines.push(
          row([
            r.memberId,
            i.block,
            i.rule,
            i.kind,
            i.points,
            i.subject?.id,
            i.share,
            i.count,
            i.evidence.join(' '),
          ]),
        );
      }
    }
  } else {
    const blockIds = [...new Set(evaluation.results.flatMap((r) => r.blocks.map((b) => b.id)))];
    lines.push(
      row([
        'memberId',
        'name',
        'sector',
        'score',
        'grade',
        'percentileInSector',
        'flags',
        ...blockIds.map((b) => `block:${b}`),
      ]),
    );
    for (const r of evaluation.results) {
      const flags = r.flags
        .map(
          (f) =>
            `${f.code}${f.year === undefined ? '' : `@${f.year}`}${f.detail ? `[${f.detail.join(' ')}]` : ''}`,
        )
        .join(';');
      const blocks = blockIds.map((id) => r.blocks.find((b) => b.id === id)?.points ?? '');
      lines.push(
        row([r.memberId, r.name, r.sector, r.score, r.grade, r.percentileInSector, flags, ...blocks]),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
