// `generate --omnichannel-out <dir>`: the demo directory of a seed as the mongoexport files `serve`,
// `query` and `explain` read back with --departments, --unit-monitors and --department-agents (one
// Extended JSON document a line, named after Rocket.Chat's collections; units are department documents
// with `type: 'u'`, as Rocket.Chat stores them).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Omnichannel } from '../index.js';

export const OMNICHANNEL_FILE_NAMES = {
  departments: 'rocketchat_livechat_department.json',
  unitMonitors: 'rocketchat_livechat_unit_monitors.json',
  departmentAgents: 'rocketchat_livechat_department_agents.json',
} as const;

const lines = (docs: ReadonlyArray<object>): string => docs.map((d) => `${JSON.stringify(d)}\n`).join('');

/** The three files' text (small: O(departments + agents + monitors)). */
export const omnichannelExports = (o: Omnichannel): Record<keyof typeof OMNICHANNEL_FILE_NAMES, string> => ({
  departments: lines([
    ...(o.departments ?? []).map((d) => ({
      _id: d._id,
      name: d.name,
      enabled: true,
      type: 'd',
      ...(d.ancestors ? { ancestors: d.ancestors } : {}),
    })),
    ...(o.units ?? []).map((u) => ({ _id: u._id, name: u.name, enabled: true, type: 'u' })),
  ]),
  unitMonitors: lines((o.unitMonitors ?? []).map((m) => ({ _id: `${m.unitId}-${m.monitorId}`, monitorId: m.monitorId, unitId: m.unitId }))),
  departmentAgents: lines(
    (o.departmentAgents ?? []).map((a) => ({ _id: `${a.departmentId}-${a.agentId}`, agentId: a.agentId, departmentId: a.departmentId })),
  ),
});

/** The files' paths in `dir`, by the flag that reads each. */
export const omnichannelFilePaths = (dir: string): Record<keyof typeof OMNICHANNEL_FILE_NAMES, string> => ({
  departments: join(dir, OMNICHANNEL_FILE_NAMES.departments),
  unitMonitors: join(dir, OMNICHANNEL_FILE_NAMES.unitMonitors),
  departmentAgents: join(dir, OMNICHANNEL_FILE_NAMES.departmentAgents),
});

/** Writes the files into `dir` (created if missing); resolves with their paths by flag. */
export const writeOmnichannelFiles = async (dir: string, o: Omnichannel): Promise<Record<keyof typeof OMNICHANNEL_FILE_NAMES, string>> => {
  await mkdir(dir, { recursive: true });
  const texts = omnichannelExports(o);
  const paths = omnichannelFilePaths(dir);
  await Promise.all((Object.keys(paths) as Array<keyof typeof paths>).map((k) => writeFile(paths[k], texts[k])));
  return paths;
};
