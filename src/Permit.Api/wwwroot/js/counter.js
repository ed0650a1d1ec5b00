// The verifier counter: a card tapped on the reader, a QR scanned or pasted, or a permit number typed in gives one
// large verdict (eligible / not eligible / not genuine), the reason in words, and the photo and name to match the person.
// Online the register decides (for a card: this very card, so a replaced card's old one is refused); when the server
// cannot be reached the local agent's verdict against its last synced lists decides, and the page says so.
import { agent, agentEvents, api, has, keepAgentTicket, once, PageError, say, sayError, t } from './permit.js';

const english = document.documentElement.lang === 'en';
const status = document.getElementById('counter-status');
const service = document.getElementById('service');

async function loadServices() {
  try {
    const services = await api('GET', '/api/entitlements/services');
    for (const s of services ?? []) {
      const option = document.createElement('option');
      option.value = s.code;
      option.textContent = english ? s.nameEn : s.nameZh;
      service.append(option);
    }
  } catch {
    // Offline or not offered: the counter still tells genuine cards from fakes through the agent.
  }
  service.hidden = service.options.length === 0;
  document.querySelector('label[for="service"]').hidden = service.options.length === 0;
}

/** kind: eligible | notEligible | notGenuine; offline: decided by the agent alone. */
function show(kind, reason, { name, photo, offline = false } = {}) {
  const panel = document.getElementById('verdict');
  panel.hidden = false;
  panel.dataset.verdict = kind;
  panel.dataset.offline = String(offline);
  panel.className = `verdict ${kind}`;
  document.getElementById('verdict-word').textContent = t(`Verdict.${kind}`);
  document.getElementById('verdict-mode').hidden = !offline;
  document.getElementById('verdict-reason').textContent = reason ?? '';
  // Name and photo only for a credential proven the issuer's: a fake shows no one.
  const person = kind !== 'notGenuine';
  document.getElementById('verdict-name').textContent = person ? name ?? '' : '';
  const img = document.getElementById('verdict-photo');
  img.hidden = !(person && photo);
  // The chip's photo comes as base64 JPEG; the register's as a two-minute photo link made for this terminal.
  const fromRegister = Boolean(photo?.startsWith('/api/photos/'));
  if (person && photo) img.src = fromRegister ? photo : `data:image/jpeg;base64,${photo}`;
  else img.removeAttribute('src');
  img.dataset.source = person && photo ? (fromRegister ? 'register' : 'chip') : '';
  status.hidden = true;
}

function clear() {
  document.getElementById('verdict').hidden = true;
}

/** The plain-words text of a credential refusal code (revoked, expired, clone-suspected…), else the fallback. */
function refusalText(code, fallback) {
  return code && has(`Reason.${code}`) ? t(`Reason.${code}`) : fallback;
}

/** The register's answer (card, QR or number lookup). */
function fromAnswer(answer, photo) {
  const credential = answer.credential ?? {};
  const message = english ? answer.messageEn : answer.message;
  if (credential.genuine === false) {
    show('notGenuine', refusalText(credential.refusalReason, t('Reason.credential-not-genuine')));
    return;
  }
  // The holder would qualify but this card or QR may not be used (a replaced card, an expired QR): say why in words.
  const reason = answer.reasonCode === 'credential-refused' ? refusalText(credential.refusalReason, message) : message;
  // A card's own photo (read after PA and AA passed) first; a QR or number lookup shows the register's.
  show(answer.eligible ? 'eligible' : 'notEligible', reason || t('Reason.credential-refused'),
    { name: answer.holder?.name, photo: photo ?? answer.holder?.photo });
}

/**
 * The agent's own verdict, for when the server cannot be reached: genuine and in force against the synced trust and
 * revocation lists is eligible (the service rules need the register); authentic but refused (revoked, expired,
 * suspended) is not eligible; anything else is not genuine.
 */
function fromAgent(verdict, person, photo, offlineReason) {
  const stale = (verdict.warnings ?? []).includes('revocation-data-stale');
  if (verdict.genuine) {
    show('eligible', [offlineReason, stale ? t('Reason.revocation-data-stale') : ''].filter(Boolean).join(' '),
      { name: person?.name, photo, offline: true });
  } else if (person) {
    show('notEligible', refusalText(verdict.reason, t('Reason.credential-refused')), { name: person.name, photo, offline: true });
  } else {
    show('notGenuine', refusalText(verdict.reason, t('Reason.credential-not-genuine')), { offline: true });
  }
}

/** The API did not answer at all (network down, server stopped): a problem answer is the server speaking. */
const unreachable = error => error instanceof PageError && !error.problem;

async function checkCard() {
  clear();
  say(status, t('Js.ReadingCard'));
  // A fresh challenge from the register first: the chip must answer the server's own nonce, single use, for the
  // online lookup to count. Without the server (offline) the agent's verdict with its own challenge decides.
  let challenge;
  try {
    challenge = (await api('POST', '/api/card-challenges', {})).challenge;
  } catch (error) {
    if (!unreachable(error)) { sayError(status, error); return; }
  }
  let read;
  try {
    read = await agent('/permit-card/read', challenge ? { withPhoto: true, challenge } : { withPhoto: true });
  } catch (error) {
    sayError(status, error);
    return;
  }
  const verdict = read.verdict ?? {};
  if (!challenge) {
    fromAgent(verdict, verdict.permit, read.photo, t('Reason.offline-card'));
    return;
  }
  // The agent's read goes to the register as it stands: the server re-checks the files and the chip's answer to its
  // challenge against the chip key confirmed for this card (permit number and card sequence), not only the permit.
  try {
    const answer = await api('POST', '/api/entitlements/lookups/card', {
      service: service.value || undefined,
      // At a counter the agent seals the card files for the API: this page forwards them without reading the ID number.
      files: read.files,
      sealedFiles: read.sealedFiles,
      chip: read.chip,
    });
    fromAnswer(answer, read.photo);
  } catch (error) {
    if (!unreachable(error)) { sayError(status, error); return; }
    fromAgent(verdict, verdict.permit, read.photo, t('Reason.offline-card'));
  }
}

/**
 * Lookup by the holder's ID card. The counter's agent reads the card and seals the ID number, with the register's
 * single-use challenge, for the API: this page forwards the sealed read and never holds the number, and the answer is
 * the same verdict as for a permit number (name and photo, never the ID number). Only the register can answer.
 */
async function checkIdCard() {
  clear();
  say(status, t('Js.ReadingIdCard'));
  let challenge;
  try {
    challenge = (await api('POST', '/api/card-challenges', {})).challenge;
  } catch (error) {
    if (unreachable(error)) say(status, t('Js.IdCardNeedsServer'), { error: true });
    else sayError(status, error);
    return;
  }
  let read;
  try {
    read = await agent('/id-card/read', { challenge });
  } catch (error) {
    sayError(status, error);
    return;
  }
  try {
    fromAnswer(await api('POST', '/api/entitlements/lookups/id-card', {
      service: service.value || undefined,
      sealedIdCard: read.sealedIdCard,
    }));
  } catch (error) {
    if (unreachable(error)) say(status, t('Js.IdCardNeedsServer'), { error: true });
    else sayError(status, error);
  }
}

const scanIdCard = document.getElementById('scan-id-card');
scanIdCard.addEventListener('click', () => once(scanIdCard, checkIdCard));

const tap = document.getElementById('tap-card');
tap.addEventListener('click', () => once(tap, checkCard));
agentEvents({ 'card-inserted': data => { if (data && !data.initial && /permit|1/i.test(String(data.role ?? data.reader ?? ''))) once(tap, checkCard); } });

const qrForm = document.getElementById('qr-form');
qrForm.addEventListener('submit', event => {
  event.preventDefault();
  once(qrForm, async () => {
    clear();
    const qr = qrForm.elements.namedItem('qr').value.trim();
    if (!qr) { say(status, t('Js.QrEmpty'), { error: true }); return; }
    try {
      fromAnswer(await api('POST', '/api/entitlements/lookups/qr', { qr, service: service.value || undefined }));
    } catch (error) {
      if (!unreachable(error)) { sayError(status, error); return; }
      try {
        const verdict = await agent('/qr/verify', { text: qr });
        fromAgent(verdict, verdict.claims, null, t('Reason.offline-qr'));
      } catch (offlineError) {
        sayError(status, offlineError);
      }
    }
  });
});

const numberForm = document.getElementById('number-form');
numberForm.addEventListener('submit', event => {
  event.preventDefault();
  once(numberForm, async () => {
    clear();
    const number = numberForm.elements.namedItem('number').value.trim();
    if (!number) { say(status, t('Js.NumberEmpty'), { error: true }); return; }
    try {
      const query = service.value ? `?service=${encodeURIComponent(service.value)}` : '';
      fromAnswer(await api('GET', `/api/entitlements/permits/${encodeURIComponent(number)}${query}`));
    } catch (error) {
      // A typed number proves nothing by itself: only the register can answer, so offline there is no verdict.
      if (unreachable(error)) say(status, t('Js.NumberNeedsServer'), { error: true });
      else sayError(status, error);
    }
  });
});

loadServices();
// The counter reads cards even when the API is down, with the last read-permit ticket (at most two minutes old).
keepAgentTicket('read-permit');
