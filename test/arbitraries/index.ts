// The arbitraries the oracle and reference tests draw from, in one import.

export { arbInstant, arbOddRoom, arbRoom, arbRooms, arbServedBy } from './arb-room.js';
export { arbLimitedPrincipal, arbOptions, arbPrincipal, ROLE_SETS, type Mode, type OracleOptions } from './arb-principal.js';
export { arbDateJson, arbFieldsJson, arbRoomName, arbSortJson, arbValidParams, paramsForAgent, type Params } from './arb-params.js';
export { arbAnyParams } from './arb-any-params.js';
export * as pools from './pools.js';
