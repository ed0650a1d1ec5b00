// The officer's desk: fill the registration form from the ID card in the reader, and search residents.
import { agent, api, fields, once, say, sayError, t } from './permit.js';

const form = document.getElementById('resident-form');
const photo = document.getElementById('id-photo');
const readButton = document.getElementById('read-id-card');

readButton?.addEventListener('click', () => once(readButton, async () => {
  const status = document.getElementById('id-card-status');
  say(status, t('Js.ReadingIdCard'));
  try {
    const answer = await agent('/id-card/read', {});
    const card = answer.card ?? {};
    for (const name of ['name', 'idNumber', 'sex', 'ethnicGroup', 'birthDate', 'address', 'issuingAuthority', 'validFrom', 'validTo', 'cardType', 'photoFormat']) {
      const input = form.elements.namedItem(name);
      if (input && card[name] != null) input.value = card[name];
    }
    form.elements.namedItem('photo').value = answer.photo ?? '';
    if (answer.photo) {
      photo.src = `data:image/jpeg;base64,${answer.photo}`;
      photo.hidden = false;
    }
    say(status, t('Js.IdCardRead'));
    form.elements.namedItem('contact').focus();
  } catch (error) {
    sayError(status, error);
  }
}));

const search = document.getElementById('search-form');
search?.addEventListener('submit', event => {
  event.preventDefault();
  once(search, async () => {
    const status = search.querySelector('.result');
    const table = document.getElementById('search-results');
    try {
      const query = new URLSearchParams(fields(search));
      const page = await api('GET', `/api/residents?${query}`);
      const body = table.querySelector('tbody');
      body.replaceChildren();
      for (const r of page.items) {
        const row = body.insertRow();
        const link = document.createElement('a');
        link.href = `/desk/residents/${r.id}`;
        link.textContent = r.name;
        row.insertCell().append(link);
        row.insertCell().textContent = r.maskedIdNumber;
        row.insertCell().textContent = r.birthDate;
        row.insertCell().textContent = r.communityCode ?? '';
      }
      table.hidden = page.items.length === 0;
      say(status, t('Js.Found', { count: page.total }));
    } catch (error) {
      sayError(status, error);
    }
  });
});
