// The permission scope of an agent: `servedBy._id` is exactly this string. Deliberately stricter than
// MongoDB equality (no match inside arrays): a room is the caller's only if it is unambiguously so.
export interface ServedByNode {
  readonly kind: 'served-by';
  readonly agentId: string;
}

export const ServedByNode = Object.freeze({
  create: (agentId: string): ServedByNode => Object.freeze({ kind: 'served-by', agentId }),
  is: (node: { readonly kind: string }): node is ServedByNode => node.kind === 'served-by',
});
