import {
  type Anomaly,
  type DutyRecordState,
  type EventStore,
  type LogFilter,
  loadDutyRecord,
  type Projection,
  ProjectionRuntime,
  type RecordIndexState,
  type RecordScope,
  recordIndexProjection,
} from '@lvzhi/core';
import type { Command } from 'commander';
import { type CommandContext, globalOptions } from '../context.ts';
import { UsageError } from '../exitCodes.ts';
import { write } from '../io.ts';
import { openStore, resolveStoreScheme } from '../stores/storeUrl.ts';
import { type ReadWatch, watchReads, withFoldProgress } from './foldProgress.ts';
import { occurredWindow } from './occurredWindow.ts';
import { projectionStatesFor } from './projectionStores.ts';

/**
 * Every projection the CLI keeps: the record index, which names the streams of each member and committee;
 * archives, analyses and evaluations fold the duty record of their scope from those streams.
 */
export const PROJECTIONS: readonly Projection[] = [recordIndexProjection];

/** A store opened with its projections. */
export interface OpenedRecord {
  readonly store: EventStore;
  readonly runtime: ProjectionRuntime;
  /** The store keeps projection states between runs. */
  readonly durable: boolean;
  /** This run saves what a catch-up or rebuild applies. */
  readonly saving: boolean;
  readonly watch: ReadWatch;
  readonly ctx: CommandContext;
}

/**
 * Opens the store of `--store` with its projection states, runs `use`, and closes the store. `read` opens it
 * read-only (status); `write` opens it writable so that a catch-up or rebuild is saved, or read-only with
 * states kept in memory when it cannot be written. A store that does not exist is a usage error either way.
 */
export async function withRecord<T>(
  command: Command,
  ctx: CommandContext,
  access: 'read' | 'write',
  use: (record: OpenedRecord) => Promise<T>,
): Promise<T> {
  const url = globalOptions(command).store;
  const { scheme } = resolveStoreScheme(url);
  const { store, writable } = await open(url, ctx, access);
  try {
    const { states, durable, saving } = await projectionStatesFor(scheme.scheme, store, { writable });
    const { store: watched, watch } = watchReads(store);
    const runtime = new ProjectionRuntime(watched, states, PROJECTIONS);
    return await use({ store: watched, runtime, durable, saving, watch, ctx });
  } finally {
    await store.close();
  }
}

async function open(
  url: string,
  ctx: CommandContext,
  access: 'read' | 'write',
): Promise<{ store: EventStore; writable: boolean }> {
  const cwd = ctx.io.cwd;
  // Read-only first: a store that does not exist is a usage error, never created by a command that reads.
  const probe = await openStore(url, { cwd, readOnly: true });
  if (access === 'read') return { store: probe, writable: false };
  await probe.close();
  try {
    return { store: await openStore(url, { cwd }), writable: true };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return { store: await openStore(url, { cwd, readOnly: true }), writable: false };
  }
}

/** Runs a fold of the record's log with a progress bar on a terminal. */
export function folding<T>(record: OpenedRecord, work: () => Promise<T>): Promise<T> {
  return withFoldProgress(record.store, record.watch, record.ctx.io, record.ctx.t, work);
}

/** The record index caught up with the log (and saved, when the store keeps projection states). */
export async function caughtUp(record: OpenedRecord): Promise<RecordIndexState> {
  await folding(record, () => record.runtime.catchUp());
  if (!record.saving) await write(record.ctx.io.stderr, `${record.ctx.t.projNotSaved}\n`);
  return record.runtime.state<RecordIndexState>(recordIndexProjection.name);
}

/**
 * The duty record of a scope, folded from the streams the caught-up index names for it, keeping what a filter
 * keeps (as of a position or an instant; acts that occurred in a window).
 */
export async function scoped(
  record: OpenedRecord,
  index: RecordIndexState,
  scope: RecordScope,
  filter: LogFilter = {},
): Promise<{ state: DutyRecordState; checkpoint: number; anomalies: readonly Anomaly[] }> {
  return folding(record, () => loadDutyRecord(record.store, index, scope, filter));
}

/** The duty record of a scope as known at an instant (epoch ms), or now when none is given. */
export async function scopedAsOf(
  record: OpenedRecord,
  index: RecordIndexState,
  scope: RecordScope,
  asOfMs: number | undefined,
): Promise<DutyRecordState> {
  const filter: LogFilter = asOfMs === undefined ? {} : { recordedAtOrBefore: asOfMs };
  return (await scoped(record, index, scope, filter)).state;
}

/**
 * The whole duty record folded afresh, in memory, over the part of the log a filter keeps (point-in-time
 * replay), optionally only the acts that occurred within a window (epoch ms, inclusive).
 */
export async function replayed(
  record: OpenedRecord,
  index: RecordIndexState,
  filter: LogFilter,
  occurred?: readonly [number, number],
): Promise<{ state: DutyRecordState; checkpoint: number; anomalies: readonly Anomaly[] }> {
  const store = occurred === undefined ? record.store : occurredWindow(record.store, occurred);
  return folding(record, () => loadDutyRecord(store, index, 'all', filter));
}
