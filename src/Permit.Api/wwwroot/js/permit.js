// The pages' shared script: texts, calls to the API (with the page header the cookie session needs), calls to the
// local card agent, one-submit-at-a-time forms, and errors in plain words. Page scripts import from here.

const texts = JSON.parse(document.getElementById('permit-texts')?.textContent ?? '{}');
const settings = JSON.parse(document.getElementById('permit-settings')?.textContent ?? '{}');

/** A text by key; an unknown key falls back to a general sentence, never to the key itself. */
export function t(key, values) {
  let text = texts[key] ?? texts['Js.SomethingWentWrong'] ?? '';
  for (const [name, value] of Object.entries(values ?? {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

export function has(key) { return Object.hasOwn(texts, key); }

/** An error already put in words for the user. */
export class PageError extends Error {
  constructor(message, details, problem) {
    super(message);
    this.details = details ?? [];
    this.problem = problem;
  }
}

function problemMessage(problem, status) {
  const code = (problem?.type ?? '').split(/[/:]/).pop();
  const details = [];
  for (const [field, messages] of Object.entries(problem?.errors ?? {})) {
    const label = has(`Field.${field}`) ? t(`Field.${field}`) : field;
    details.push(`${label}: ${(messages ?? []).join(' ')}`);
  }
  // Every code the API answers has a text (the problem catalogue); a detail (e.g. which documents) is shown beside it.
  if (code && has(`Problem.${code}`)) {
    if (problem?.detail) details.push(problem.detail);
    return new PageError(t(`Problem.${code}`), details, problem);
  }
  if (problem?.detail) details.push(problem.detail);
  else if (problem?.title) details.push(problem.title);
  const general = status === 401 ? 'Js.SignedOut' : status === 403 ? 'Js.NotAllowed' : status === 404 ? 'Js.NotFound'
    : status === 409 ? 'Js.Conflict' : status >= 500 ? 'Js.ServerError' : 'Js.Refused';
  return new PageError(t(general), details, problem);
}

async function readProblem(response) {
  try { return await response.json(); } catch { return null; }
}

/** Calls the API on the signed-in session; resolves to the JSON answer (or null), rejects with a PageError. */
export async function api(method, url, body, { contentType = 'application/json', headers = {} } = {}) {
  const init = { method, credentials: 'same-origin', headers: { 'X-Permit-Page': '1', Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = contentType;
    init.body = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new PageError(t('Js.Offline'));
  }
  if (!response.ok) throw problemMessage(await readProblem(response), response.status);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

export const agentUrl = (settings.agentUrl ?? 'http://127.0.0.1:5179').replace(/\/$/, '');

// Which ticket operation opens which agent route (docs/agent-tickets.md).
const agentOperations = {
  '/id-card/read': 'read-id',
  '/permit-card/read': 'read-permit',
  '/qr/verify': 'read-permit',
  '/permit-card/personalize': 'personalize',
  '/events': 'events',
};

let agentIdentity;

/** The agent's id from pairing (GET /health, the only route without a ticket); asked once per page. */
async function agentId() {
  if (!agentIdentity) {
    agentIdentity = (async () => {
      let response;
      try {
        response = await fetch(agentUrl + '/health');
      } catch {
        throw new PageError(t('Agent.Unreachable'));
      }
      const health = response.ok ? await response.json() : {};
      if (!health.agentId) throw new PageError(has('Agent.not-paired') ? t('Agent.not-paired') : t('Agent.Failed'));
      return health.agentId;
    })();
    agentIdentity.catch(() => { agentIdentity = undefined; });
  }
  return agentIdentity;
}

// The last ticket per reusable operation (all but personalize), kept for when the API cannot be reached: a counter
// still reads cards offline with it until it expires (two minutes at most).
const lastTickets = new Map();

/**
 * A two-minute ticket from the API for one operation on this PC's agent (the page's session asks; the agent checks
 * it against the key it pinned at pairing). scope: { permitNumber, cardSequence } for personalize.
 */
export async function agentTicket(operation, scope = {}) {
  const id = await agentId();
  try {
    const issued = await api('POST', '/api/agent-tickets', { agentId: id, operation, ...scope });
    if (operation !== 'personalize') lastTickets.set(operation, issued);
    return issued.ticket;
  } catch (error) {
    // The API unreachable (no problem answer): a still-valid earlier ticket lets the offline checks go on.
    const last = lastTickets.get(operation);
    if (!error.problem && last && Date.parse(last.expiresAt) - Date.now() > 5000) return last.ticket;
    throw error;
  }
}

/** Keeps a fresh ticket for an operation at hand (the counter's offline fallback); returns a function that stops. */
export function keepAgentTicket(operation, everyMs = 60000) {
  const refresh = () => agentTicket(operation).catch(() => { /* offline or not paired: the next call says so */ });
  refresh();
  const timer = setInterval(refresh, everyMs);
  return () => clearInterval(timer);
}

/** Calls the card agent on this PC with a fresh ticket; its failures (no reader, no card, card pulled) come back in words. */
export async function agent(path, body, scope) {
  const ticket = await agentTicket(agentOperations[path] ?? 'events', scope);
  let response;
  try {
    response = await fetch(agentUrl + path, body === undefined
      ? { method: 'GET', headers: { 'Permit-Agent-Ticket': ticket } }
      : { method: 'POST', headers: { 'Content-Type': 'application/json', 'Permit-Agent-Ticket': ticket }, body: JSON.stringify(body) });
  } catch {
    throw new PageError(t('Agent.Unreachable'));
  }
  if (response.ok) return response.json();
  const problem = await readProblem(response);
  const code = (problem?.type ?? '').split(':').pop();
  if (code && has(`Agent.${code}`)) return Promise.reject(new PageError(t(`Agent.${code}`), [], problem));
  throw new PageError(t('Agent.Failed'), problem?.detail ? [problem.detail] : [], problem);
}

/**
 * Card events from the agent (server-sent events); returns a function that stops listening, whose <c>opened</c>
 * promise settles once the stream is connected (or after a few seconds without it). EventSource sends no headers, so
 * the events ticket rides in the URL; when the stream drops for good (the ticket expired) a new ticket reopens it.
 */
export function agentEvents(handlers) {
  let source;
  let stopped = false;
  let resolveOpened;
  const opened = new Promise(resolve => {
    resolveOpened = resolve;
    setTimeout(resolve, 3000);
  });
  const connect = async () => {
    let ticket;
    try { ticket = await agentTicket('events'); } catch { resolveOpened(); return; }
    if (stopped) return;
    source = new EventSource(`${agentUrl}/events?ticket=${encodeURIComponent(ticket)}`);
    source.addEventListener('open', () => resolveOpened(), { once: true });
    source.addEventListener('error', () => {
      if (!stopped && source.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    });
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, e => {
        let data = null;
        try { data = JSON.parse(e.data); } catch { /* a malformed event is ignored */ }
        handler(data);
      });
    }
  };
  connect();
  const stop = () => { stopped = true; source?.close(); };
  stop.opened = opened;
  return stop;
}

/** Shows a result or an error in a status area (role=status or role=alert). */
export function say(target, message, { error = false, details = [] } = {}) {
  const area = typeof target === 'string' ? document.querySelector(target) : target;
  if (!area) return;
  area.replaceChildren();
  area.hidden = false;
  area.classList.toggle('error', error);
  area.classList.toggle('ok', !error);
  area.setAttribute('role', error ? 'alert' : 'status');
  const p = document.createElement('p');
  p.textContent = message;
  area.append(p);
  if (details.length) {
    const ul = document.createElement('ul');
    for (const d of details) { const li = document.createElement('li'); li.textContent = d; ul.append(li); }
    area.append(ul);
  }
}

export function sayError(target, error) {
  if (error instanceof PageError) say(target, error.message, { error: true, details: error.details });
  else say(target, t('Js.SomethingWentWrong'), { error: true });
}

/**
 * Runs an action once at a time for a button or form: a second click while the first is running does nothing, so
 * a double click never submits twice.
 */
export async function once(element, action) {
  if (element.dataset.busy === 'true') return undefined;
  element.dataset.busy = 'true';
  element.setAttribute('aria-busy', 'true');
  const buttons = element.matches('form') ? element.querySelectorAll('button, input[type=submit]') : [element];
  buttons.forEach(b => { b.disabled = true; });
  try {
    return await action();
  } finally {
    element.dataset.busy = 'false';
    element.removeAttribute('aria-busy');
    buttons.forEach(b => { b.disabled = false; });
  }
}

/** A form's fields as JSON: empty fields are left out, checkboxes named x[] become lists. */
export function fields(form) {
  const data = {};
  for (const element of form.elements) {
    if (!element.name || element.disabled || element.name === '__RequestVerificationToken') continue;
    if (element.type === 'checkbox') {
      if (element.name.endsWith('[]')) {
        const name = element.name.slice(0, -2);
        data[name] ??= [];
        if (element.checked) data[name].push(element.value);
      } else data[element.name] = element.checked;
      continue;
    }
    if (element.type === 'radio' && !element.checked) continue;
    const value = element.value.trim();
    if (value !== '') data[element.name] = value;
  }
  return data;
}

/** Page scripts register body shapes for forms whose JSON is not flat (data-body="name"). */
export const bodyShapes = {};

/**
 * Forms marked data-api="METHOD /api/url" send their fields to the API. data-then: "reload" (default), "redirect"
 * (data-redirect with {field} taken from the answer) or "event" (the page script handles the answer).
 */
function bindApiForms() {
  for (const form of document.querySelectorAll('form[data-api]')) {
    form.addEventListener('submit', event => {
      event.preventDefault();
      if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
      once(form, async () => {
        const status = form.querySelector('.result') ?? form.nextElementSibling;
        const [method, url] = form.dataset.api.split(' ');
        try {
          const shape = bodyShapes[form.dataset.body];
          const body = form.dataset.body === 'none' ? undefined : shape ? shape(fields(form)) : fields(form);
          const answer = await api(method, url, body);
          const then = form.dataset.then ?? 'reload';
          if (then === 'reload') { location.reload(); return; }
          if (then === 'redirect') {
            location.assign(form.dataset.redirect.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(answer?.[k] ?? '')));
            return;
          }
          form.dispatchEvent(new CustomEvent('api-done', { detail: answer }));
          if (form.dataset.done) say(status, t(form.dataset.done));
        } catch (error) {
          sayError(status, error);
        }
      });
    });
  }
  // Plain server forms (sign-in, language) also submit once: the browser navigates away after the first.
  for (const form of document.querySelectorAll('form:not([data-api])')) {
    form.addEventListener('submit', event => {
      if (form.dataset.sent === 'true') event.preventDefault();
      form.dataset.sent = 'true';
    });
  }
}

bindApiForms();
