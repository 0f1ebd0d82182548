// A dotted document path ("servedBy._id"), split once so closures never parse it again.

export interface FieldPath {
  readonly dotted: string;
  readonly steps: ReadonlyArray<string>;
}

export const FieldPath = Object.freeze({
  of: (dotted: string): FieldPath => Object.freeze({ dotted, steps: Object.freeze(dotted.split('.')) }),
});
