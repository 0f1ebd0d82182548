// Tests peek into a derived collection's overlay (its log's counters); undefined for an indexed collection.
import type { RoomCollection } from '../../src/collection/collection.js';
import { OverlayView } from '../../src/collection/derived/overlay.js';

export const overlayOf = (c: RoomCollection): OverlayView | undefined =>
  c.kind === 'derived' && c.overlay instanceof OverlayView ? c.overlay : undefined;
