// loadOmnichannel reads mongoexport files of the omnichannel collections: units are the department
// collection's `type: 'u'` documents; bad documents are a Left naming the file and line.
import * as E from 'fp-ts/lib/Either.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryLivechatRooms } from '../../src/index.js';
import { loadOmnichannel } from '../../src/load/index.js';

const dir = mkdtempSync(join(tmpdir(), 'omnichannel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, lines: ReadonlyArray<unknown>): string => {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
};

describe('loadOmnichannel', () => {
  it('splits units from departments and keeps the fields the scope reads', async () => {
    const departments = file('rocketchat_livechat_department.json', [
      { _id: 'u1', name: 'North', type: 'u', numAgents: 0, _updatedAt: { $date: '2024-01-01T00:00:00Z' } },
      { _id: 'd1', name: 'Sales', enabled: true, ancestors: ['u1'], parentId: 'u1' },
      { _id: 'd2', name: 'Support', ancestors: null },
    ]);
    const unitMonitors = file('rocketchat_livechat_unit_monitors.json', [{ _id: 'x', monitorId: 'm1', unitId: 'u1', username: 'mona' }]);
    const departmentAgents = file('rocketchat_livechat_department_agents.json', [
      { _id: 'y', agentId: 'a1', departmentId: 'd2', username: 'alice', count: 0 },
    ]);
    const loaded = await loadOmnichannel({ departments, unitMonitors, departmentAgents });
    expect(loaded).toEqual(
      E.right({
        departments: [
          { _id: 'd1', name: 'Sales', ancestors: ['u1'] },
          { _id: 'd2', name: 'Support' },
        ],
        units: [{ _id: 'u1', name: 'North' }],
        unitMonitors: [{ monitorId: 'm1', unitId: 'u1' }],
        departmentAgents: [{ agentId: 'a1', departmentId: 'd2' }],
      }),
    );
    if (E.isLeft(loaded)) return;
    const rooms = [
      { _id: 'r1', t: 'l', ts: new Date(1), departmentId: 'd1', departmentAncestors: ['u1'] },
      { _id: 'r2', t: 'l', ts: new Date(2), departmentId: 'd2' },
    ];
    const page = queryLivechatRooms(rooms, '', { _id: 'm1', username: 'mona', roles: ['livechat-monitor'] }, { omnichannel: loaded.right });
    expect(E.isRight(page) && page.right.rooms).toEqual([{ ...rooms[0], department: { _id: 'd1', name: 'Sales' } }]);
  });

  it('no files: Community Edition data (nothing)', async () => {
    expect(await loadOmnichannel({})).toEqual(E.right({ departments: [], units: [], unitMonitors: [], departmentAgents: [] }));
  });

  it('a bad document is a Left naming the file and line', async () => {
    const unitMonitors = file('bad.json', [{ monitorId: 'm1', unitId: 'u1' }, { monitorId: 5 }]);
    const loaded = await loadOmnichannel({ unitMonitors });
    expect(E.isLeft(loaded) && loaded.left.code).toBe('invalid-document');
    expect(E.isLeft(loaded) && loaded.left.message).toMatch(/bad\.json line 2 \(document 2\): \/monitorId: expected a unit monitor/);
  });
});
