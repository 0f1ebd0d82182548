// The page's calls to its own origin: every request carries the signed-in user's headers, every
// answer comes back as { status, body } — error bodies are shown as they are, never reworded.

export interface Credentials {
  readonly userId: string;
  readonly token: string;
}

export interface ApiAnswer {
  readonly status: number;
  /** The parsed JSON (or the text when it is not JSON). */
  readonly body: unknown;
  /** The body exactly as received: what the page shows for an error. */
  readonly text: string;
}

export const authHeaders = (who: Credentials | undefined): Record<string, string> =>
  who === undefined ? {} : { 'X-User-Id': who.userId, 'X-Auth-Token': who.token };

export const answerOf = async (res: Response): Promise<ApiAnswer> => {
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown, text };
  } catch {
    return { status: res.status, body: text, text };
  }
};

export const getJson = async (url: string, who: Credentials | undefined, signal?: AbortSignal): Promise<ApiAnswer> => {
  const res = await fetch(url, { headers: authHeaders(who), ...(signal ? { signal } : {}) });
  return answerOf(res);
};

export const postJson = async (url: string, who: Credentials | undefined, body: string): Promise<ApiAnswer> => {
  const res = await fetch(url, { method: 'POST', headers: { ...authHeaders(who), 'content-type': 'application/json' }, body });
  return answerOf(res);
};

/**
 * Is the route served here? Asked with OPTIONS, which the routes refuse (405) before authentication, so
 * the probe never counts against the server's failed-authentication budget; 404 means no such route.
 */
export const routeExists = async (url: string): Promise<boolean> => {
  try {
    const res = await fetch(url, { method: 'OPTIONS' });
    void res.body?.cancel();
    return res.status !== 404;
  } catch {
    return false;
  }
};
