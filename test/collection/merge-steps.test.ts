// Issue 17 ("no stall"), by work counters, never timings: a merge (merge-collection.ts) does O(n) work in all but
// never at once. Every generator step reports at most a few CHUNKs of work units (a room read counts ROOM_READ),
// whatever the base's size, and the last step of each index's merge (making the key index, the gram index) visits no key
// or gram id outside those counted steps: keyIndexFromParts / gramIndexFromParts, O(keys) or O(grams) when they
// scan, are handed what the slices computed. Several merges in a row, with new keys (map layers, then a flatten)
// and new grams (a copied gram id map).
import { describe, expect, it } from 'vitest';
import { agentsOf, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { mergeViewSteps } from '../../src/collection/derived/merge-collection.js';
import { OverlayLog, OverlayView } from '../../src/collection/derived/overlay.js';
import { CHUNK } from '../../src/collection/derived/slices.js';
import { gramFromPartsWork } from '../../src/collection/gram-index.js';
import { fromPartsWork, keyIndexParts } from '../../src/collection/postings.js';
import { createRoomCollection, type IndexedCollection } from '../../src/collection/room-collection.js';
import type { Room } from '../../src/model/room.js';

const agents = agentsOf(generateUsers({ seed: 1, agents: 20 }));
const CHANGED = 600;

/** Round `round`'s changes over `base`: rooms re-tagged, renamed (new grams), given a new caller (new keys), removed, added. */
const changesOf = (base: IndexedCollection, round: number): OverlayLog => {
  const log = new OverlayLog(base);
  const docs = base.docs;
  for (let k = 0; k < CHANGED; k++) {
    const before = docs[(k * 7919 + round * 104729) % docs.length] as Room;
    const id = before['_id'] as string;
    switch (k % 5) {
      case 0:
        log.append({ id, before, after: { ...before, tags: [`tag-${round}-${k % 7}`] } });
        break;
      case 1:
        log.append({ id, before, after: { ...before, name: `Zq${round}x${k} ${String(before['name'])}` } });
        break;
      case 2:
        log.append({ id, before, after: { ...before, v: { _id: `caller-${round}-${k}`, username: `c${k}` } } });
        break;
      case 3:
        log.append({ id, before, after: undefined });
        break;
      default: {
        const added = `added-${round}-${k}`;
        log.append({ id: added, before: undefined, after: { ...before, _id: added, v: { _id: `new-caller-${round}-${k}` } } });
      }
    }
  }
  return log;
};

/** Merges `log` step by step: the largest step's units, all units, and what the from-parts constructors visited. */
const mergeByStep = (log: OverlayLog): { merged: IndexedCollection; maxStep: number; units: number; visits: number } => {
  const visits0 = fromPartsWork.visits + gramFromPartsWork.visits;
  const steps = mergeViewSteps(new OverlayView(log, log.length));
  let maxStep = 0;
  let units = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) {
      if (next.value === undefined) throw new Error('not mergeable');
      return { merged: next.value.collection, maxStep, units, visits: fromPartsWork.visits + gramFromPartsWork.visits - visits0 };
    }
    maxStep = Math.max(maxStep, next.value);
    units += next.value;
  }
};

describe('merge steps: bounded work each, none uncounted', () => {
  it.each([20_000, 60_000])(`%i rooms, 10 merges of ${CHANGED} changes each`, (n) => {
    let base = createRoomCollection(generateRooms({ count: n, seed: 3, agents }));
    expect(base.grams.size).toBeGreaterThan(0);
    let layered = 0;
    let flattened = 0;
    for (let round = 0; round < 10; round++) {
      const log = changesOf(base, round);
      const { merged, maxStep, units, visits } = mergeByStep(log);
      // A step: a few CHUNKs of a loop over n or over the changed rooms' entries; never O(n) at once.
      expect(maxStep).toBeLessThanOrEqual(8 * CHUNK);
      // The O(n) work is there, in counted steps.
      expect(units).toBeGreaterThan(n);
      // The indexes' constructors scanned no key id, key or gram id of their own: all that was in the steps.
      expect(visits).toBe(0);
      const layers = keyIndexParts(merged.keys.get('v._id')!)!.ids.length;
      if (layers > 1) layered++;
      else if (round > 0) flattened++;
      expect(merged.size).toBe(new OverlayView(log, log.length).docs().length);
      base = merged;
    }
    // Both key index paths ran: new keys in a layer of their own, and a flatten once layers piled up.
    expect(layered).toBeGreaterThan(0);
    expect(flattened).toBeGreaterThan(0);
    // A rebuild does scan (the counter sees O(keys) work when it happens).
    const before = fromPartsWork.visits;
    createRoomCollection(base.docs);
    expect(fromPartsWork.visits - before).toBeGreaterThan(n / 10);
  });
});
