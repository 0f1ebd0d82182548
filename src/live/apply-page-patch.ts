// A client's copy of a live page moved forward by one `patch` event, so an app following a live query
// needs no JSON Patch library of its own (fast-json-patch is already room-query's dependency).
import jsonpatch, { type Operation } from 'fast-json-patch';
import type { LivePage } from './live-query.js';

/**
 * The page after `patch` (RFC 6902), as a new object: neither `page` nor the patch's values are changed
 * or shared, so the result may be edited freely.
 * @example
 * let page: LivePage | undefined;
 * liveRooms(store, 'open=true', admin, {}, (e) => { page = e.kind === 'page' ? e.page : applyPagePatch(page!, e.patch); });
 */
export const applyPagePatch = (page: LivePage, patch: ReadonlyArray<Operation>): LivePage =>
  jsonpatch.applyPatch(jsonpatch.deepClone(page) as LivePage, jsonpatch.deepClone([...patch]) as Operation[], false, true).newDocument;
