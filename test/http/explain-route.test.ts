// The explain extension per endpoint: `<route>.explain` plans that endpoint's request (its own parameters,
// its own 400s, its indexes), for admins only.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createRoomCollection, defaultIndexesFor, LIVECHAT_ROOMS, VOIP_ROOMS } from '../../src/index.js';
import { agentsOf, generateLivechatRooms, generateOmnichannel, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { createAuthenticator } from '../../src/http/authenticate.js';
import { createRoomsApi } from '../../src/http/create-rooms-api.js';
import { answerExplain, endpointExplainedAt, explainRouteOf } from '../../src/http/explain-route.js';

const users = generateUsers({ seed: 8 });
const { omnichannel } = generateOmnichannel({ seed: 8, agents: agentsOf(users) });
const rooms = [
  ...generateRooms({ count: 60, seed: 8 }),
  ...generateLivechatRooms({ count: 90, seed: 8, departments: omnichannel.departments }),
];
const collection = createRoomCollection(rooms, { indexes: defaultIndexesFor(rooms) });
const authenticate = E.getOrElseW(() => {
  throw new Error('users');
})(createAuthenticator(users));
const [admin, , agent] = users as [(typeof users)[number], (typeof users)[number], (typeof users)[number]];
const headersOf = (u: { _id: string; token: string }) => ({ 'x-user-id': u._id, 'x-auth-token': u.token });
const explainAt = (url: string, user = admin) =>
  answerExplain(
    { method: 'GET', url, headers: headersOf(user) },
    authenticate,
    () => collection,
    { omnichannel },
    endpointExplainedAt(url.split('?')[0] ?? ''),
  );

describe('explain routes', () => {
  it('are each endpoint route with .explain, and nothing else', () => {
    expect(explainRouteOf(VOIP_ROOMS)).toBe('/api/v1/voip/rooms.explain');
    expect(explainRouteOf(LIVECHAT_ROOMS)).toBe('/api/v1/livechat/rooms.explain');
    expect(endpointExplainedAt('/api/v1/livechat/rooms.explain')).toBe(LIVECHAT_ROOMS);
    expect(endpointExplainedAt('/api/v1/livechat/rooms')).toBeUndefined();
  });

  it('plans livechat requests through livechat indexes (roomName reads fname)', () => {
    const answer = explainAt('/api/v1/livechat/rooms.explain?roomName=abc&open=true');
    expect(answer.status).toBe(200);
    const text = (answer.body as { explain: string }).explain;
    expect(text).toMatch(/fname/);
    expect(text).toMatch(/^actual: /m);
  });

  it("answers livechat's own 400 for its own bad parameters, and 403 to non-admins", () => {
    const api = E.getOrElseW(() => {
      throw new Error('api');
    })(createRoomsApi({ rooms: collection, users, omnichannel }));
    for (const bad of ['sort=%7Bbad', 'customFields=%7Bnot-json', 'count=abc']) {
      const explained = explainAt(`/api/v1/livechat/rooms.explain?${bad}`);
      const served = api.handle({ method: 'GET', url: `/api/v1/livechat/rooms?${bad}`, headers: headersOf(admin) });
      expect(explained.status, bad).toBe(400);
      expect(explained.body, bad).toEqual(served.body);
    }
    expect(explainAt('/api/v1/livechat/rooms.explain?open=true', agent).status).toBe(403);
  });
});
