import { InvalidArgumentError } from 'commander';

/** Parses an option value that must be a whole number ≥ 1 (commander turns the error into a usage error). */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number ≥ 1 / 须为不小于 1 的整数: ${value}`);
  }
  return n;
}
