import { v7 } from 'uuid';

/** Mints a new UUIDv7 event id (time-ordered). */
export function newEventId(): string {
  return v7();
}

/** True when `value` is a UUID of version 7 in canonical lower-case form. */
export function isUuidV7(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(value);
}
