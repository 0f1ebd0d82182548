// Tests build what they need in one expression: the Right of an Either, or a thrown Error naming the Left.
import * as E from 'fp-ts/lib/Either.js';

export const rightOf = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw new Error(`expected Right, got Left: ${JSON.stringify(either.left)}`);
  return either.right;
};
