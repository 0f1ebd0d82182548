// The spec's MongoDB query for livechat/rooms (spec §5 "Query", upstream's model code transcribed), with the
// contract's fixes (scope never dropped, agent scope strict): a second, independent statement of the filter,
// evaluated by mingo in a differential test against the reference. customFields here use V8 RegExp.

import type { Principal } from '../../../src/auth/principal.js';
import { escapeRegExp } from '../reference-match.js';
import type { Mode } from '../reference-schema.js';
import type { LivechatValues } from './livechat-schema.js';
import type { Omnichannel } from './livechat-scope.js';

type Query = Record<string, unknown>;

function dateQuery(raw: string | undefined, mode: Mode): Query | undefined | 'skip' {
  if (!raw) return undefined;
  const parsed = JSON.parse(raw) as { start?: string; end?: string } | null;
  if (!parsed) return undefined;
  const q: Query = {};
  if (parsed.start) q['$gte'] = new Date(parsed.start);
  if (parsed.end) q['$lte'] = new Date(parsed.end);
  if (Object.keys(q).length === 0 && mode === 'default') return undefined;
  return q;
}

/** `agentScope`: the caller's id on the agent route, else null. Values must have passed every check. */
export function livechatSpecQuery(
  values: LivechatValues,
  mode: Mode,
  principal: Principal,
  agentScope: string | null,
  o: Omnichannel | undefined,
): Query {
  const and: Query[] = [];
  const query: Query = { t: 'l' };
  const enterprise = (o?.units?.length ?? 0) > 0;
  const r = principal.roles;
  const units = values.units !== undefined && values.units.length > 0 ? values.units : undefined;
  if (enterprise && r.includes('livechat-monitor') && !r.includes('admin') && !r.includes('livechat-manager')) {
    let s = [
      ...(o?.unitMonitors ?? []).filter((m) => m.monitorId === principal._id).map((m) => m.unitId),
      ...(o?.departmentAgents ?? []).filter((a) => a.agentId === principal._id).map((a) => a.departmentId),
    ];
    if (units !== undefined) s = s.filter((u) => units.includes(u));
    const d = (o?.departments ?? []).filter((dep) => (dep.ancestors ?? []).some((a) => s.includes(a))).map((dep) => dep._id);
    and.push({ $or: [{ departmentAncestors: { $in: s } }, { departmentId: { $in: d } }] });
  } else if (enterprise && units !== undefined) {
    query['departmentAncestors'] = { $in: units };
  }
  if (agentScope !== null) and.push({ 'servedBy._id': agentScope });
  if (values.agents !== undefined && (mode === 'rocketchat' || values.agents.length > 0)) {
    if (mode === 'rocketchat')
      and.push({ $or: [{ 'servedBy._id': { $in: values.agents } }, { 'servedBy.username': { $in: values.agents } }] });
    else and.push({ 'servedBy._id': { $in: values.agents } });
  }
  const name = values.roomName;
  if (name) {
    const exact = mode === 'default' && name.length >= 2 && name.startsWith('"') && name.endsWith('"');
    query['fname'] = exact ? name.slice(1, -1) : new RegExp(escapeRegExp(name), 'i');
  }
  const deps = (typeof values.departmentId === 'string' ? [values.departmentId] : (values.departmentId ?? [])).filter(
    (x) => x && x !== 'undefined',
  );
  if (deps.length > 0) query['departmentId'] = { $in: deps };
  if (values.open === 'true') Object.assign(query, { open: { $exists: true }, servedBy: { $exists: true }, onHold: { $ne: true } });
  if (values.open === 'false') Object.assign(query, { open: { $exists: false }, onHold: { $ne: true } });
  const ts = dateQuery(values.createdAt, mode);
  if (ts !== undefined) query['ts'] = ts;
  const closedAt = dateQuery(values.closedAt, mode);
  if (closedAt !== undefined) query['closedAt'] = closedAt;
  if (values.tags !== undefined && (mode === 'rocketchat' || values.tags.length > 0)) query['tags'] = { $in: values.tags };
  if (values.customFields) {
    const cf = JSON.parse(values.customFields) as Record<string, unknown>;
    for (const key of Object.keys(cf)) and.push({ [`livechatData.${key}`]: new RegExp(String(cf[key]), 'i') });
  }
  if (values.onhold !== undefined && ['t', 'true', '1'].includes(values.onhold)) query['onHold'] = { $exists: true, $eq: true };
  if (values.queued !== undefined && ['t', 'true', '1'].includes(values.queued)) {
    Object.assign(query, { servedBy: { $exists: false }, open: true, onHold: { $ne: true } });
  }
  if (and.length > 0) query['$and'] = and;
  return query;
}
