// The livechat arbitraries the reference, oracle and authorization tests draw from, in one import.

export { arbLivechatData, arbLivechatRoom, arbLivechatRooms, arbLivechatServedBy, arbOddLivechatRoom } from './arb-livechat-room.js';
export {
  arbAgentPrincipal,
  arbEnterpriseOmnichannel,
  arbLivechatOptions,
  arbLivechatPrincipal,
  arbMonitorPrincipal,
  arbOmnichannel,
  LC_ROLE_SETS,
  type LivechatOracleOptions,
} from './arb-omnichannel.js';
export {
  arbCustomFieldsJson,
  arbLivechatDateJson,
  arbLivechatFieldsJson,
  arbLivechatRoomName,
  arbLivechatSortJson,
  arbValidLivechatParams,
  livechatParamsForAgent,
  SAFE_PATTERNS,
  type LivechatParams,
} from './arb-livechat-params.js';
export { arbAnyLivechatParams, CUSTOM_FIELDS_JSON } from './arb-livechat-any-params.js';
export * as livechatPools from './livechat-pools.js';
