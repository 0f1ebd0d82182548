// Puts the engine's Either and the reference's result side by side in one comparable shape, and
// asserts they are the same answer (rooms strictly deep-equal in order; errors by status and body).

import type { Either } from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import type { ApiError } from '../../src/errors.js';
import type { Room, RoomsPage } from '../../src/model/room.js';
import type { ReferenceResult } from '../reference/reference-query-rooms.js';

export type Answer =
  { ok: true; rooms: ReadonlyArray<Room>; count: number; offset: number; total: number } | { ok: false; status: number; body: unknown };

export function fromEngine(result: Either<ApiError, RoomsPage>): Answer {
  if (result._tag === 'Left') return { ok: false, status: result.left.status, body: result.left.body };
  const page = result.right;
  return { ok: true, rooms: page.rooms, count: page.count, offset: page.offset, total: page.total };
}

export function fromReference(result: ReferenceResult): Answer {
  if (!result.ok) return { ok: false, status: result.status, body: result.body };
  return { ok: true, ...result.page };
}

/** A short label of an answer for failure messages. */
export function describeAnswer(answer: Answer): string {
  if (!answer.ok) return `${answer.status} ${JSON.stringify(answer.body)}`;
  return `200 total=${answer.total} offset=${answer.offset} ids=${JSON.stringify(answer.rooms.map((r) => r['_id']))}`;
}

/** Throws (vitest assertion) when the two answers differ. */
export function expectSameAnswer(engine: Answer, reference: Answer): void {
  const header = `engine: ${describeAnswer(engine)}\nreference: ${describeAnswer(reference)}`;
  expect(engine.ok, header).toBe(reference.ok);
  if (!engine.ok || !reference.ok) {
    expect(engine, header).toEqual(reference);
    return;
  }
  // Numbers with === so that -0 and 0 count as the same offset.
  expect(engine.total === reference.total && engine.count === reference.count && engine.offset === reference.offset, header).toBe(true);
  expect(engine.rooms.length, header).toBe(reference.rooms.length);
  for (let i = 0; i < reference.rooms.length; i++) {
    expect(engine.rooms[i], `${header}\nroom #${i}`).toStrictEqual(reference.rooms[i]);
  }
}
