// Several route extensions as one for `serve` (e.g. the explorer's routes in front of the live ones).
import type { RouteExtension } from './serve.js';

/** Tries each extension in order; the first that handles the request wins. */
export const combineRoutes = (...routes: ReadonlyArray<RouteExtension>): RouteExtension => ({
  handle: (req, res) => routes.some((r) => r.handle(req, res)),
  close: () => {
    for (const r of routes) r.close();
  },
});
