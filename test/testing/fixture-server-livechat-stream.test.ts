// The testing kit serves livechat's live stream beside voip's: a monitor following
// GET /api/v1/livechat/rooms.stream sees a change the test makes through the fixture store, with the room's
// department attached, and never a chat outside its units.
import jsonpatch from 'fast-json-patch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentsOf, generateOmnichannel, generateUsers } from '../../src/fixtures/index.js';
import { startFixtureServer, type DemoUsername, type FixtureServer } from '../../src/testing/index.js';
import { reader } from '../support/sse-reader.js';

let server: FixtureServer<DemoUsername>;
beforeAll(async () => {
  server = await startFixtureServer({ rooms: 20, livechatRooms: 150, seed: 5 });
});
afterAll(() => server.close());

type Page = { rooms: Array<Record<string, unknown>>; total: number };

describe('startFixtureServer: GET /api/v1/livechat/rooms.stream', () => {
  it("streams a monitor's chats; a room moved into its unit joins the page with its department", async () => {
    // The kit's default directory: the demo one of the seed.
    const { departments } = generateOmnichannel({ seed: 5, agents: agentsOf(generateUsers({ seed: 5 })) }).omnichannel;
    const [sales, , , onboarding] = departments;
    expect(sales?.ancestors?.length).toBe(1);
    const res = await fetch(`${server.url}/api/v1/livechat/rooms.stream?count=100`, { headers: server.users.monitor.headers });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const next = reader(res.body!);
    await next();
    let copy = (await next())!.data as Page;
    const unit = sales!.ancestors![0]!;
    for (const room of copy.rooms) expect(room['departmentAncestors']).toContain(unit);
    const outside = server.store
      .rooms()
      .find((r) => r['t'] === 'l' && r['departmentId'] === onboarding!._id && !copy.rooms.some((c) => c['_id'] === r['_id']))!;
    server.store.update(String(outside['_id']), (room) => ({ ...room, departmentId: sales!._id, departmentAncestors: [unit] }));
    copy = jsonpatch.applyPatch(copy, (await next())!.data as jsonpatch.Operation[]).newDocument;
    expect(copy.rooms.find((r) => r['_id'] === outside['_id'])?.['department']).toEqual({ _id: sales!._id, name: sales!.name });
    await next.cancel();
  });
});
