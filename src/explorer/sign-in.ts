// Who the page calls as: a demo user picked with one click (when the server lists them) or a pasted
// user id + token. Kept in sessionStorage, so a reload keeps the user but a new tab asks again.
import type { Credentials } from './api-client.js';
import { h } from './dom.js';

export interface SignedIn extends Credentials {
  /** What the page shows: a username and roles, or the pasted id. */
  readonly label: string;
  readonly roles?: ReadonlyArray<string>;
}

export interface DemoUser {
  readonly _id: string;
  readonly username: string;
  readonly name: string;
  readonly roles: ReadonlyArray<string>;
  readonly token: string;
}

const KEY = 'room-query.explorer.user';

export const loadSignedIn = (): SignedIn | undefined => {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed: unknown = raw === null ? undefined : JSON.parse(raw);
    const u = parsed as Partial<SignedIn> | undefined;
    return typeof u?.userId === 'string' && typeof u.token === 'string' && typeof u.label === 'string' ? (u as SignedIn) : undefined;
  } catch {
    return undefined;
  }
};

export const saveSignedIn = (who: SignedIn | undefined): void => {
  if (who === undefined) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, JSON.stringify(who));
};

const roleLabel = (roles: ReadonlyArray<string>): string => roles.filter((r) => r !== 'user').join(', ') || 'user';

/** An agent may only ask for its own rooms: signing in as one fills `agents` with its id. */
export const isPlainAgent = (roles: ReadonlyArray<string> | undefined): boolean =>
  roles !== undefined &&
  roles.includes('livechat-agent') &&
  !roles.some((r) => r === 'admin' || r === 'livechat-manager' || r === 'livechat-monitor');

export const asSignedIn = (u: DemoUser): SignedIn => ({
  userId: u._id,
  token: u.token,
  label: `${u.username} (${roleLabel(u.roles)})`,
  roles: u.roles,
});

export const renderDemoUsers = (container: HTMLElement, users: ReadonlyArray<DemoUser>, onPick: (u: DemoUser) => void): void => {
  container.replaceChildren(
    ...users.map((u) => {
      const button = h(
        'button',
        { type: 'button', class: 'demo-user', 'data-username': u.username },
        `${u.username}`,
        h('small', {}, ` ${roleLabel(u.roles)}`),
      );
      button.addEventListener('click', () => onPick(u));
      return button;
    }),
  );
};
