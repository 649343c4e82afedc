/** Where the lvzhi API is and how to reach it. */
export interface ApiConnection {
  /** e.g. `http://127.0.0.1:8787` */
  readonly baseUrl: string;
  readonly token: string;
}

/** A few headline figures of a committee's annual analysis, as a report service would show them. */
export interface AnalysisSummary {
  readonly committeeId: string;
  readonly committeeName: string;
  readonly year: number;
  readonly members: number;
  readonly membersWithNothingRecorded: number;
  readonly checkpoint: number;
}

/** An error answered by the API: its status and code, and the message in English. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/**
 * Fetches `GET /committees/{id}/analysis?year=Y` and returns the whole body (`{checkpoint, analysis}`).
 * @example await fetchAnalysis({ baseUrl: 'http://127.0.0.1:8787', token }, 'cq', 2019)
 */
export async function fetchAnalysis(
  api: ApiConnection,
  committeeId: string,
  year: number,
): Promise<{ checkpoint: number; analysis: Record<string, unknown> }> {
  const url = new URL(`/committees/${encodeURIComponent(committeeId)}/analysis`, api.baseUrl);
  url.searchParams.set('year', String(year));
  const response = await fetch(url, { headers: { Authorization: `Bearer ${api.token}` } });
  const body = (await response.json()) as {
    checkpoint: number;
    analysis: Record<string, unknown>;
    error?: { code: string; message: string };
  };
  if (!response.ok) {
    throw new ApiFailure(
      response.status,
      body.error?.code ?? 'unknown',
      body.error?.message ?? response.statusText,
    );
  }
  return body;
}

/** The headline figures of an analysis body. */
export function summarize(body: { checkpoint: number; analysis: Record<string, unknown> }): AnalysisSummary {
  const a = body.analysis;
  return {
    committeeId: String(a.committeeId),
    committeeName: String(a.committeeName),
    year: Number(a.year),
    members: Number(a.members),
    membersWithNothingRecorded: Array.isArray(a.membersWithNothingRecorded)
      ? a.membersWithNothingRecorded.length
      : 0,
    checkpoint: body.checkpoint,
  };
}
