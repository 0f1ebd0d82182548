// Copies of plain objects made by one generated object literal per key sequence (a "shape"), from the
// values in key order. Why: a literal's copies get a fixed in-object layout and code that stays
// monomorphic, and once V8 sees them survive they are allocated straight into the old generation
// (allocation-site pretenuring); a spread over objects of many shapes goes megamorphic, and every copy
// a store keeps is first carried through the young generation (bench/ingest). No maker (a
// Content-Security-Policy forbidding eval, a key that is not a plain identifier, too many shapes):
// the caller copies another way.

/** One key sequence so far: its children by next key, and (once asked) its literal. */
export interface ShapeNode {
  readonly parent: ShapeNode | undefined;
  readonly key: string;
  readonly depth: number;
  readonly keys: string[];
  readonly children: ShapeNode[];
  maker: Maker | null | undefined;
}

/** Makes a fresh object of the shape's keys, in order, from `values[0 … keys-1]`. */
export type Maker = (values: ReadonlyArray<unknown>) => Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Wider objects are copied another way (a literal that big would not pay for itself). */
const MAX_KEYS = 64;
/** Shapes per table (each a little code): past that, new key sequences are copied another way. */
const MAX_NODES = 2048;

const node = (parent: ShapeNode | undefined, key: string): ShapeNode => ({
  parent,
  key,
  depth: parent === undefined ? 0 : parent.depth + 1,
  keys: [],
  children: [],
  maker: undefined,
});

/** Code cannot be generated here (a Content-Security-Policy): no table makes literals any more. */
let noEval = false;

/** A table of shapes: walk it key by key (`next`), then ask the node for its literal (`maker`). */
export class LiteralShapes {
  readonly root: ShapeNode = node(undefined, '');
  private nodes = 1;

  /** The shape after one more key; undefined when this sequence gets no literal. */
  next(at: ShapeNode | undefined, key: string): ShapeNode | undefined {
    if (at === undefined) return undefined;
    const keys = at.keys;
    // Keys are for-in keys (internalized strings): each test is a pointer compare.
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return at.children[i];
    // `__proto__` in a literal would set the prototype; other keys could reorder (integer-like) or need quoting.
    if (at.depth >= MAX_KEYS || this.nodes >= MAX_NODES || key === '__proto__' || !IDENTIFIER.test(key)) return undefined;
    const child = node(at, key);
    keys.push(key);
    at.children.push(child);
    this.nodes++;
    return child;
  }

  /** The literal of the key sequence ending at `at` (made on first use), or undefined. */
  maker(at: ShapeNode | undefined): Maker | undefined {
    if (at === undefined || at.maker === null || noEval) return undefined;
    if (at.maker !== undefined) return at.maker;
    const keys: string[] = [];
    for (let n: ShapeNode | undefined = at; n !== undefined && n.parent !== undefined; n = n.parent) keys.push(n.key);
    keys.reverse();
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- keys are plain identifiers, checked above
      at.maker = new Function('v', `return { ${keys.map((k, i) => `${k}: v[${i}]`).join(', ')} };`) as Maker;
    } catch {
      noEval = true;
      at.maker = null;
      return undefined;
    }
    return at.maker;
  }
}
