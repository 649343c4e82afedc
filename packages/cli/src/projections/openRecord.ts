import {
  type Anomaly,
  type DutyRecordState,
  dutyRecordProjection,
  type EventStore,
  type LogFilter,
  type Projection,
  ProjectionRuntime,
  projectLog,
} from '@lvzhi/core';
import type { Command } from 'commander';
import { type CommandContext, globalOptions } from '../context.ts';
import { UsageError } from '../exitCodes.ts';
import { write } from '../io.ts';
import { openStore, resolveStoreScheme } from '../stores/storeUrl.ts';
import { type ReadWatch, watchReads, withFoldProgress } from './foldProgress.ts';
import { occurredWindow } from './occurredWindow.ts';
import { projectionStatesFor } from './projectionStores.ts';

/** Every projection the CLI keeps: the duty record, which archives, analyses and evaluations query. */
export const PROJECTIONS: readonly Projection[] = [dutyRecordProjection];

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

/** The duty record caught up with the log (and saved, when the store keeps projection states). */
export async function caughtUp(record: OpenedRecord): Promise<DutyRecordState> {
  await folding(record, () => record.runtime.catchUp());
  if (!record.saving) await write(record.ctx.io.stderr, `${record.ctx.t.projNotSaved}\n`);
  return record.runtime.state<DutyRecordState>(dutyRecordProjection.name);
}

/**
 * Every projection folded afresh, in memory, over the part of the log a filter keeps (point-in-time replay),
 * optionally only the acts that occurred within a window (epoch ms, inclusive).
 */
export async function replayed(
  record: OpenedRecord,
  filter: LogFilter,
  occurred?: readonly [number, number],
): Promise<{ state: DutyRecordState; checkpoint: number; anomalies: Map<string, readonly Anomaly[]> }> {
  const store = occurred === undefined ? record.store : occurredWindow(record.store, occurred);
  const { states, anomalies, checkpoint } = await folding(record, () =>
    projectLog(store, PROJECTIONS, filter),
  );
  return { state: states.get(dutyRecordProjection.name) as DutyRecordState, checkpoint, anomalies };
}

/** The duty record to answer from: caught up, or as known at an instant (epoch ms) when one is given. */
export async function recordAsOf(
  record: OpenedRecord,
  current: DutyRecordState,
  asOfMs: number | undefined,
): Promise<DutyRecordState> {
  if (asOfMs === undefined) return current;
  return (await replayed(record, { recordedAtOrBefore: asOfMs })).state;
}
