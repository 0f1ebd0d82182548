// The explorer page: wires sign-in, the request form, the rooms table, paging, the plan and live mode
// to the page URL (every request is mirrored there, so a reload shows the same view).
import { getJson, postJson, routeExists, type ApiAnswer } from './api-client.js';
import { byId, h } from './dom.js';
import { ENDPOINTS, LIVECHAT, VOIP, type EndpointSpec } from './endpoints.js';
import { errorPlace } from './error-field.js';
import { followLive, type PageDoc } from './live-page.js';
import { errorSlot, readParams, renderParamsForm, setParam, writeParams } from './params-form.js';
import { renderTable, type RoomJson } from './rooms-table.js';
import { asSignedIn, isPlainAgent, loadSignedIn, renderDemoUsers, saveSignedIn, type DemoUser, type SignedIn } from './sign-in.js';
import { curlLine, fieldsFor, fromPageUrl, nextSort, rangeText, readSort, toPageUrl, toQueryString, writeSort } from './view-state.js';

const DEMO_USERS_ROUTE = '/api/v1/room-query.demo-users';
const HIGHLIGHT_MS = 1500;

const form = byId<HTMLFormElement>('params-form');
const table = byId<HTMLTableElement>('rooms');
const liveBox = byId<HTMLInputElement>('live');

let spec: EndpointSpec = VOIP;
let endpoints: ReadonlyArray<EndpointSpec> = [VOIP];
let liveAvailable = false;
let who: SignedIn | undefined = loadSignedIn();
let page: PageDoc | undefined;
let stopLive: (() => void) | undefined;
let requestNo = 0;
let highlightTimer: ReturnType<typeof setTimeout> | undefined;

const clearErrors = (): void => {
  for (const slot of document.querySelectorAll('.error-slot')) slot.replaceChildren();
};

/** The API's answer, verbatim, in the slot of the field that caused it. */
const showError = (place: string, answer: ApiAnswer): void => {
  const slot = errorSlot(place) ?? errorSlot('general');
  slot?.replaceChildren(
    h(
      'div',
      { 'data-testid': 'api-error', role: 'alert', 'data-status': String(answer.status) },
      h('strong', {}, `${answer.status} `),
      h('code', {}, answer.text),
    ),
  );
};

const showWho = (): void => {
  byId('whoami').textContent =
    who === undefined ? 'Not signed in: pick a demo user or paste a user id and token.' : `Signed in as ${who.label}.`;
  // Roles are unknown for a pasted user: the panel shows, and the server answers 403 if need be.
  const admin = who !== undefined && (who.roles === undefined || who.roles.includes('admin'));
  byId('patch-panel').hidden = !(liveAvailable && liveBox.checked && admin);
};

const showPage = (next: PageDoc, changed: ReadonlySet<string>): void => {
  page = next;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset['sortPath'] : undefined;
  const sort = readSort((form.elements.namedItem('sort') as HTMLInputElement | null)?.value);
  renderTable(table, { columns: chosenColumns(), sort, rooms: next.rooms as ReadonlyArray<RoomJson>, changed, onSort: sortBy });
  if (focused !== undefined) table.querySelector<HTMLButtonElement>(`button[data-sort-path="${CSS.escape(focused)}"]`)?.focus();
  byId('range-text').textContent = rangeText(next.offset, next.rooms.length);
  byId('total').textContent = String(next.total);
  byId<HTMLButtonElement>('prev').disabled = next.offset === 0;
  byId<HTMLButtonElement>('next').disabled = next.offset + next.rooms.length >= next.total;
  table.removeAttribute('aria-busy');
  if (changed.size > 0) {
    // One timer: a newer patch restarts the highlight instead of an older timer cutting it short.
    clearTimeout(highlightTimer);
    highlightTimer = setTimeout(() => table.querySelectorAll('tr.changed').forEach((r) => r.classList.remove('changed')), HIGHLIGHT_MS);
  }
};

const chosenColumns = (): EndpointSpec['columns'] => {
  const boxes = [...document.querySelectorAll<HTMLInputElement>('#columns input[type=checkbox]')];
  const chosen = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
  return boxes.length === 0 ? spec.columns : spec.columns.filter((c) => chosen.has(c.path));
};

const renderColumnsChooser = (fields: string | undefined): void => {
  let asked: ReadonlyArray<string> | undefined;
  try {
    asked = fields === undefined || fields === '' ? undefined : Object.keys(JSON.parse(fields) as object);
  } catch {
    asked = undefined;
  }
  byId('fields-chooser').hidden = !spec.projects;
  byId('columns').replaceChildren(
    ...spec.columns.map((c) => {
      const box = h('input', { type: 'checkbox', value: c.path, checked: asked === undefined || asked.includes(c.path) });
      box.addEventListener('change', () => {
        setParam(
          form,
          'fields',
          fieldsFor(
            chosenColumns().map((x) => x.path),
            spec.columns.map((x) => x.path),
          ),
        );
        void run();
      });
      return h('label', { class: 'column-choice' }, box, ` ${c.label}`);
    }),
  );
};

const run = async (): Promise<void> => {
  const n = ++requestNo;
  stopLive?.();
  stopLive = undefined;
  clearErrors();
  const params = readParams(form, spec);
  const live = liveAvailable && liveBox.checked && spec.streamRoute !== undefined;
  history.replaceState(null, '', toPageUrl(spec, { endpoint: spec.id, live, params }));
  const query = toQueryString(spec, params);
  const url = `${location.origin}${spec.route}${query === '' ? '' : `?${query}`}`;
  byId('request-url').textContent = url;
  byId('curl-line').textContent = curlLine(url, who?.userId ?? '<user id>', who?.token ?? '<token>');
  showWho();
  if (who === undefined) {
    errorSlot('auth')?.replaceChildren(h('p', { role: 'alert' }, 'Sign in first.'));
    return;
  }
  table.setAttribute('aria-busy', 'true');
  const fail = (answer: ApiAnswer): void => {
    // No stale rows under an error: the table shows what this request answered, which is nothing.
    showPage({ rooms: [], count: 0, offset: 0, total: 0 }, new Set());
    byId('total').textContent = '–';
    showError(errorPlace(spec, params, answer.status, answer.body), answer);
  };
  if (live && spec.streamRoute !== undefined) {
    stopLive = followLive(`${spec.streamRoute}${query === '' ? '' : `?${query}`}`, who, { onPage: showPage, onError: fail });
    return;
  }
  const answer = await getJson(url, who);
  if (n !== requestNo) return; // a newer request was made meanwhile
  if (answer.status === 200) showPage(answer.body as PageDoc, new Set());
  else fail(answer);
};

function sortBy(path: string, multi: boolean): void {
  const sortField = form.elements.namedItem('sort') as HTMLInputElement | null;
  setParam(form, 'sort', writeSort(nextSort(readSort(sortField?.value), path, multi)));
  setParam(form, 'offset', '');
  void run();
}

const turnPage = (direction: 1 | -1): void => {
  if (page === undefined) return;
  const asked = Number((form.elements.namedItem('count') as HTMLInputElement | null)?.value);
  // Without a count, the server's page size becomes explicit, so every page has the same size.
  const size = asked > 0 ? asked : Math.max(page.count, 1);
  if (!(asked > 0)) setParam(form, 'count', String(size));
  setParam(form, 'offset', String(Math.max(0, page.offset + direction * size)));
  void run();
};

const useEndpoint = (next: EndpointSpec, params: Parameters<typeof writeParams>[2]): void => {
  spec = next;
  renderParamsForm(byId('params'), spec);
  writeParams(form, spec, params);
  const fields = params['fields'];
  renderColumnsChooser(typeof fields === 'string' ? fields : undefined);
  byId('explain-button').hidden = spec.explainRoute === undefined;
  byId('live-label').hidden = !(liveAvailable && spec.streamRoute !== undefined);
};

const signIn = (next: SignedIn | undefined): void => {
  // The previous agent's own-rooms filter is not the next user's question.
  const agents = readParams(form, spec)['agents'];
  if (who !== undefined && isPlainAgent(who.roles) && agents?.length === 1 && agents[0] === who.userId) setParam(form, 'agents', '');
  who = next;
  saveSignedIn(next);
  if (next !== undefined && isPlainAgent(next.roles) && readParams(form, spec)['agents'] === undefined)
    setParam(form, 'agents', next.userId);
  void run();
};

const explainRequest = async (): Promise<void> => {
  if (spec.explainRoute === undefined) return;
  clearErrors();
  const query = toQueryString(spec, readParams(form, spec));
  const answer = await getJson(`${spec.explainRoute}${query === '' ? '' : `?${query}`}`, who);
  const panel = byId('plan-panel');
  panel.hidden = false;
  byId('plan').textContent = answer.status === 200 ? String((answer.body as { explain?: unknown }).explain) : '';
  if (answer.status !== 200) showError('plan', answer);
  panel.scrollIntoView({ block: 'nearest' });
};

const closeFirstOpenCall = (): void => {
  const open = page?.rooms.find((r) => (r as RoomJson)['open'] === true) as RoomJson | undefined;
  const id = typeof open?.['_id'] === 'string' ? open['_id'] : undefined;
  const pointer = (field: string): string => `/${(id ?? '<room id>').replace(/~/g, '~0').replace(/\//g, '~1')}/${field}`;
  byId<HTMLTextAreaElement>('patch-text').value = JSON.stringify([
    { op: 'remove', path: pointer('open') },
    { op: 'add', path: pointer('closedAt'), value: new Date().toISOString() },
  ]);
};

const applyPatchText = async (): Promise<void> => {
  if (spec.patchRoute === undefined) return;
  clearErrors();
  const answer = await postJson(spec.patchRoute, who, byId<HTMLTextAreaElement>('patch-text').value);
  byId('patch-result').textContent = answer.status === 200 ? `Applied: ${answer.text}` : '';
  if (answer.status !== 200) showError('patch', answer);
};

const start = async (): Promise<void> => {
  const [livechat, live, demo] = await Promise.all([
    routeExists(LIVECHAT.route),
    VOIP.streamRoute === undefined ? false : routeExists(VOIP.streamRoute),
    getJson(DEMO_USERS_ROUTE, undefined),
  ]);
  endpoints = ENDPOINTS.filter((e) => e !== LIVECHAT || livechat);
  liveAvailable = live;
  const select = byId<HTMLSelectElement>('endpoint');
  select.replaceChildren(...endpoints.map((e) => h('option', { value: e.id }, e.label)));
  const users = demo.status === 200 ? ((demo.body as { users?: ReadonlyArray<DemoUser> }).users ?? []) : [];
  renderDemoUsers(byId('demo-users'), users, (u) => signIn(asSignedIn(u)));
  const view = fromPageUrl(location.search, location.hash, endpoints);
  liveBox.checked = view.live && live;
  useEndpoint(endpoints.find((e) => e.id === view.endpoint) ?? VOIP, view.params);
  select.value = spec.id;
  select.addEventListener('change', () => {
    useEndpoint(endpoints.find((e) => e.id === select.value) ?? VOIP, {});
    void run();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  liveBox.addEventListener('change', () => void run());
  byId('prev').addEventListener('click', () => turnPage(-1));
  byId('next').addEventListener('click', () => turnPage(1));
  byId('explain-button').addEventListener('click', () => void explainRequest());
  byId('close-first').addEventListener('click', closeFirstOpenCall);
  byId('patch-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void applyPatchText();
  });
  byId('paste-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const userId = byId<HTMLInputElement>('user-id').value.trim();
    const token = byId<HTMLInputElement>('auth-token').value.trim();
    if (userId !== '' && token !== '') signIn({ userId, token, label: userId });
  });
  byId('sign-out').addEventListener('click', () => signIn(undefined));
  byId('copy-curl').addEventListener('click', () => {
    const text = byId('curl-line').textContent ?? '';
    navigator.clipboard.writeText(text).then(
      () => (byId('copy-status').textContent = 'Copied.'),
      () => (byId('copy-status').textContent = 'Copy failed: select the line and copy it.'),
    );
  });
  showWho();
  if (who !== undefined) await run();
};

void start();
