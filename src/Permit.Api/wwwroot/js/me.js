// The holder's own page on a phone: permit status, the next endorsement window and asking for the endorsement,
// points with each indicator explained and a what-if, and the e-permit QR code that renews itself.
import { api, once, say, sayError, t } from './permit.js';

const english = document.documentElement.lang === 'en';
const status = document.getElementById('me-status');

async function loadPermit() {
  let permit;
  try {
    permit = await api('GET', '/api/self-service/permit');
  } catch (error) {
    sayError(status, error);
    return;
  }
  document.getElementById('permit-card').hidden = false;
  document.getElementById('me-number').textContent = permit.permitNumber;
  // The photo the register and the card carry, through a two-minute link made for this holder.
  const photo = document.getElementById('me-photo');
  photo.hidden = !permit.photo;
  if (permit.photo) photo.src = permit.photo;
  document.getElementById('me-permit-status').textContent = t(`Js.PermitStatus.${permit.status}`);
  document.getElementById('me-valid-until').textContent = permit.validUntil;
  const w = permit.nextEndorsementWindow;
  document.getElementById('me-window').textContent = `${w.opens} – ${w.closes}`;
  document.getElementById('request-endorsement').hidden = !permit.canEndorseToday;
  document.getElementById('me-no-endorsement').hidden = permit.canEndorseToday;
}

const request = document.getElementById('request-endorsement');
request.addEventListener('click', () => once(request, async () => {
  const result = document.getElementById('endorsement-result');
  try {
    const endorsed = await api('POST', '/api/self-service/permit/endorsements');
    say(result, t('Js.Endorsed', { validUntil: endorsed.validUntil }));
    await loadPermit();
  } catch (error) {
    sayError(result, error);
  }
}));

async function loadPoints() {
  let points;
  try {
    points = await api('GET', '/api/self-service/points');
  } catch {
    return; // no points for this holder (yet): the section stays hidden
  }
  if (!points) return;
  document.getElementById('points').hidden = false;
  document.getElementById('points-total').textContent = points.total;
  const body = document.querySelector('#points-table tbody');
  body.replaceChildren();
  for (const line of points.lines ?? []) {
    const row = body.insertRow();
    row.insertCell().textContent = line.name;
    row.insertCell().textContent = line.points;
    row.insertCell().textContent = line.explanationZh;
  }
  document.getElementById('what-if').hidden = false;
}

const whatIf = document.getElementById('what-if');
whatIf.addEventListener('submit', event => {
  event.preventDefault();
  once(whatIf, async () => {
    const result = document.getElementById('what-if-result');
    const months = name => Number(whatIf.elements.namedItem(name).value || 0);
    try {
      const answer = await api('POST', '/api/self-service/points/what-if', {
        extraSocialInsuranceMonths: months('insurance'), extraResidenceMonths: months('residence'),
      });
      result.textContent = t('Js.WhatIfResult', { total: answer.whatIfTotal, difference: answer.difference });
    } catch (error) {
      result.textContent = error.message;
    }
  });
});

async function loadQr() {
  let qr;
  try {
    qr = await api('GET', '/api/self-service/permit/qr');
  } catch {
    return;
  }
  if (!qr) return;
  document.getElementById('qr').hidden = false;
  const box = document.getElementById('qr-image');
  box.replaceChildren();
  const img = document.createElement('img');
  img.alt = t('Js.QrAlt');
  img.src = `data:image/svg+xml;base64,${btoa(qr.svg)}`;
  box.append(img);
  // China's clock, whatever the phone's zone: the counter judges expiry by the same instant.
  document.getElementById('qr-expires').textContent = new Date(qr.expiresAt).toLocaleTimeString(english ? 'en-GB' : 'zh-CN',
    { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  // The code is short-lived: fetch a fresh one before it expires.
  const expires = qr.expiresAt ? Date.parse(qr.expiresAt) - Date.now() - 5000 : 60000;
  setTimeout(loadQr, Math.max(expires, 10000));
}

// The settlement score (积分落户): each indicator with the fact used and why, and the rank while a round is published.
async function loadSettlement() {
  let own;
  try {
    own = await api('GET', '/api/self-service/settlement');
  } catch {
    return;
  }
  if (!own) return;
  document.getElementById('settlement').hidden = false;
  document.getElementById('settlement-total').textContent = own.score;
  const body = document.querySelector('#settlement-table tbody');
  body.replaceChildren();
  for (const line of own.indicators ?? []) {
    const row = body.insertRow();
    row.insertCell().textContent = line.name;
    row.insertCell().textContent = line.points;
    row.insertCell().textContent = `${line.explanation}（${line.fact}）`;
  }
  if (own.rank) {
    document.getElementById('settlement-rank').hidden = false;
    document.getElementById('settlement-rank-value').textContent = `${own.roundYear}: ${own.rank}`;
  }
}

loadPermit();
loadPoints();
loadSettlement();
loadQr();
