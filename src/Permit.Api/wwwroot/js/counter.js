// The verifier counter: a card tapped on the reader, a QR scanned or pasted, or a permit number typed in gives one
// large verdict (eligible / not eligible / not genuine), the reason in words, and the photo and name to match the person.
import { agent, agentEvents, api, once, PageError, say, sayError, t } from './permit.js';

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
  service.closest('label, select').hidden = service.options.length === 0;
  document.querySelector('label[for="service"]').hidden = service.options.length === 0;
}

function show(kind, reason, name, photo) {
  const panel = document.getElementById('verdict');
  panel.hidden = false;
  panel.dataset.verdict = kind;
  panel.className = `verdict ${kind}`;
  document.getElementById('verdict-word').textContent = t(`Verdict.${kind}`);
  document.getElementById('verdict-reason').textContent = reason ?? '';
  document.getElementById('verdict-name').textContent = name ?? '';
  const img = document.getElementById('verdict-photo');
  img.hidden = !photo;
  if (photo) img.src = `data:image/jpeg;base64,${photo}`;
  status.hidden = true;
}

function reasonText(code, fallback) {
  const key = `Reason.${code}`;
  const text = t(key);
  return text && code && text !== t('Js.SomethingWentWrong') ? text : fallback;
}

function fromAnswer(answer, photo) {
  const genuine = answer.credential?.genuine;
  const kind = genuine === false ? 'notGenuine' : answer.eligible ? 'eligible' : 'notEligible';
  const message = english ? answer.messageEn : answer.message;
  show(kind, message || reasonText(answer.reasonCode, ''), answer.holder?.name, photo);
}

function clear() {
  document.getElementById('verdict').hidden = true;
}

async function checkCard() {
  clear();
  say(status, t('Js.ReadingCard'));
  let read;
  try {
    read = await agent('/permit-card/read', { withPhoto: true });
  } catch (error) {
    sayError(status, error);
    return;
  }
  const verdict = read.verdict ?? {};
  const permit = verdict.permit ?? {};
  if (!verdict.genuine && !['revoked', 'expired'].includes(verdict.reason)) {
    show('notGenuine', reasonText(verdict.reason, t('Reason.credential-not-genuine')), null, null);
    return;
  }
  // The card is the issuer's and its chip is the one the files were signed for; the register says whether the
  // permit still stands and whether this service is open to the holder.
  try {
    const query = service.value ? `?service=${encodeURIComponent(service.value)}` : '';
    const answer = await api('GET', `/api/entitlements/permits/${encodeURIComponent(permit.permitNumber ?? '')}${query}`);
    fromAnswer(answer, read.photo);
    if (!answer.holder?.name && permit.name) document.getElementById('verdict-name').textContent = permit.name;
  } catch (error) {
    if (error instanceof PageError && error.problem) { sayError(status, error); return; }
    // No answer from the server: decide from the card alone, as checked by the agent (signature, chip, validity, revocation list).
    if (verdict.genuine) show('eligible', t('Reason.offline-card'), permit.name, read.photo);
    else show('notEligible', reasonText(verdict.reason, t('Reason.credential-refused')), permit.name, read.photo);
  }
}

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
      if (error instanceof PageError && error.problem) { sayError(status, error); return; }
      try {
        const offline = await agent('/qr/verify', { qr });
        const v = offline.verdict ?? offline;
        if (v.genuine) show('eligible', t('Reason.offline-qr'), v.permit?.name, null);
        else show('notGenuine', reasonText(v.reason, t('Reason.credential-not-genuine')), null, null);
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
      sayError(status, error);
    }
  });
});

loadServices();
