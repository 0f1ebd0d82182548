// Rocket.Chat's omnichannel collections as exported by mongoexport → the Omnichannel data livechat/rooms
// scopes by: rocketchat_livechat_department (units are its `type: 'u'` documents),
// rocketchat_livechat_unit_monitors and rocketchat_livechat_department_agents. Only the fields used are kept.
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Department, Omnichannel } from '../model/omnichannel.js';
import type { LoadError } from './load-error.js';
import { readExport, type Accept } from './read-export.js';
import type { ExportSource } from './text-source.js';

/** The exports to read; each is optional (no unit documents: Community Edition behaviour). */
export interface OmnichannelExports {
  /** rocketchat_livechat_department: departments and (type 'u') units. */
  readonly departments?: ExportSource;
  /** rocketchat_livechat_unit_monitors. */
  readonly unitMonitors?: ExportSource;
  /** rocketchat_livechat_department_agents. */
  readonly departmentAgents?: ExportSource;
}

const DepartmentDocument = t.intersection([
  t.type({ _id: t.string }),
  t.partial({ name: t.string, type: t.string, ancestors: t.union([t.array(t.string), t.null]) }),
]);
const UnitMonitorDocument = t.type({ monitorId: t.string, unitId: t.string });
const DepartmentAgentDocument = t.type({ agentId: t.string, departmentId: t.string });

const pathOf = (context: t.Context): string =>
  '/' +
  context
    .filter((entry, i) => entry.key !== '' && !(context[i - 1]?.type instanceof t.IntersectionType))
    .map((e) => e.key)
    .join('/');

const decodeWith =
  <A>(codec: t.Decoder<unknown, A>, what: string) =>
  (doc: unknown): E.Either<{ code: 'invalid-document'; message: string }, A> =>
    E.mapLeft((errors: t.Errors) => {
      const first = errors[0];
      return { code: 'invalid-document' as const, message: `${first === undefined ? '/' : pathOf(first.context)}: expected ${what}` };
    })(codec.decode(doc));

type Unit = { readonly _id: string; readonly name: string };

const read = <T>(source: ExportSource | undefined, accept: Accept<T>): Promise<E.Either<LoadError, ReadonlyArray<T>>> =>
  source === undefined ? Promise.resolve(E.right([])) : readExport(source, accept);

/**
 * Loads departments, units, unit monitors and department agents from `mongoexport` files (the formats
 * loadRooms reads). The first bad document is a Left naming its file and line; never throws, never rejects.
 * @example
 * import { loadOmnichannel } from 'room-query';
 * const omnichannel = await loadOmnichannel({ departments: 'rocketchat_livechat_department.json' });
 * // Right({ departments, units, unitMonitors, departmentAgents })
 */
export const loadOmnichannel = async (exports: OmnichannelExports): Promise<E.Either<LoadError, Required<Omnichannel>>> => {
  const acceptDepartment: Accept<{ unit: Unit } | { department: Department }> = (doc) =>
    E.map((d: t.TypeOf<typeof DepartmentDocument>) => {
      const name = d.name ?? '';
      if (d.type === 'u') return { unit: Object.freeze({ _id: d._id, name }) };
      const ancestors = Array.isArray(d.ancestors) ? Object.freeze([...d.ancestors]) : undefined;
      return { department: Object.freeze({ _id: d._id, name, ...(ancestors === undefined ? {} : { ancestors }) }) };
    })(decodeWith(DepartmentDocument, 'a department (_id string; name, type, ancestors optional)')(doc));
  const acceptMonitor: Accept<{ monitorId: string; unitId: string }> = (doc) =>
    E.map(({ monitorId, unitId }: { monitorId: string; unitId: string }) => Object.freeze({ monitorId, unitId }))(
      decodeWith(UnitMonitorDocument, 'a unit monitor (monitorId, unitId strings)')(doc),
    );
  const acceptAgent: Accept<{ agentId: string; departmentId: string }> = (doc) =>
    E.map(({ agentId, departmentId }: { agentId: string; departmentId: string }) => Object.freeze({ agentId, departmentId }))(
      decodeWith(DepartmentAgentDocument, 'a department agent (agentId, departmentId strings)')(doc),
    );
  const [departments, unitMonitors, departmentAgents] = await Promise.all([
    read(exports.departments, acceptDepartment),
    read(exports.unitMonitors, acceptMonitor),
    read(exports.departmentAgents, acceptAgent),
  ]);
  if (E.isLeft(departments)) return departments;
  if (E.isLeft(unitMonitors)) return unitMonitors;
  if (E.isLeft(departmentAgents)) return departmentAgents;
  const units: Unit[] = [];
  const depts: Department[] = [];
  for (const d of departments.right) {
    if ('unit' in d) units.push(d.unit);
    else depts.push(d.department);
  }
  return E.right(
    Object.freeze({
      departments: Object.freeze(depts),
      units: Object.freeze(units),
      unitMonitors: Object.freeze([...unitMonitors.right]),
      departmentAgents: Object.freeze([...departmentAgents.right]),
    }),
  );
};
