// A cap on concurrent live streams per user: each open stream holds a slot until it ends. Counting
// open connections (not calls per window, which the rate limiter does) is what bounds a user's share
// of the server's sockets and write buffers.

export interface StreamCap {
  /** Takes a slot for `user`: the release function, or undefined when the user already holds `max`. */
  acquire(user: string): (() => void) | undefined;
  /** Open slots of `user`. */
  held(user: string): number;
}

export const createStreamCap = (max: number): StreamCap => {
  const open = new Map<string, number>();
  return {
    acquire: (user) => {
      const n = open.get(user) ?? 0;
      if (n >= max) return undefined;
      open.set(user, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(user) ?? 1) - 1;
        if (left <= 0) open.delete(user);
        else open.set(user, left);
      };
    },
    held: (user) => open.get(user) ?? 0,
  };
};
