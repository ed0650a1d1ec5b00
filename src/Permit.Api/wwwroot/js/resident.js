// A resident at the desk: documents handed in, the permit's receipt code, and writing the permit card through the agent.
import { agent, agentEvents, api, bodyShapes, once, say, sayError, t } from './permit.js';

bodyShapes.documents = ({ kinds = [] }) => ({ documents: kinds.map(kind => ({ kind, reference: `desk:${kind}` })) });

// Issuing answers the holder's one-time activation code, once: show it for the receipt before reloading.
const issue = document.getElementById('issue-form');
issue?.addEventListener('api-done', event => {
  const code = event.detail?.activationCode;
  if (!code) { location.reload(); return; }
  document.getElementById('activation-code').textContent = code;
  const panel = document.getElementById('activation');
  panel.hidden = false;
  issue.hidden = true;
  document.getElementById('activation-done').focus();
});
document.getElementById('activation-done')?.addEventListener('click', () => location.reload());

function showStep(list, step, state) {
  list.hidden = false;
  const key = `Step.${step}`;
  let item = list.querySelector(`[data-step="${CSS.escape(step)}"]`);
  if (!item) {
    item = document.createElement('li');
    item.dataset.step = step;
    list.append(item);
  }
  item.textContent = t(key) + (state === 'failed' ? ` — ${t('Js.StepFailed')}` : '');
  item.className = state ?? 'done';
}

for (const button of document.querySelectorAll('[data-write-card]')) {
  const section = button.closest('[data-permit]');
  const steps = section.querySelector('.steps');
  const status = section.querySelector('.write-card .result');
  button.addEventListener('click', () => once(button, async () => {
    steps.replaceChildren();
    say(status, t('Js.WritingCard'));
    // Listening before starting, so every step shows.
    const progress = data => {
      if (!data?.step || (data.permitNumber && data.permitNumber !== section.dataset.permit)) return;
      if (data.step === 'failed' || data.status === 'failed') {
        const failed = data.failedStep ? steps.querySelector(`[data-step="${CSS.escape(data.failedStep)}"]`) : steps.lastElementChild;
        if (failed) failed.className = 'failed';
        return;
      }
      showStep(steps, data.step, 'done');
    };
    const stop = agentEvents({
      // The agent names the event personalize-step (status running/done/failed); older agents said personalization.
      'personalize-step': progress,
      personalization: progress,
      'card-removed': () => say(status, t('Js.CardPulled'), { error: true }),
    });
    try {
      await stop.opened;
      // A personalize ticket for this permit's ordered card, single use: the officer's own token never reaches the agent.
      await agent('/permit-card/personalize', { permit: section.dataset.permit }, { permitNumber: section.dataset.permit });
      say(status, t('Js.CardWritten'));
      setTimeout(() => location.reload(), 1500);
    } catch (error) {
      sayError(status, error);
      const type = error.problem?.type ?? '';
      // A card taken off before activation makes a new chip key next time: the earlier chip is abandoned first.
      const abandon = section.querySelector('[data-abandon-chip]');
      if (['card-removed', 'no-card', 'card-communication'].some(c => type.endsWith(c))) {
        say(status, t('Js.CardPulledRecovery'), { error: true, details: [error.message] });
        if (abandon) abandon.hidden = false;
      } else if (type.endsWith('card-chip-bound')) {
        say(status, t('Js.ChipBound'), { error: true, details: [error.message] });
        if (abandon) abandon.hidden = false;
      }
    } finally {
      stop();
    }
  }));
}
// The receipt is printed by POST (a reprint issues a fresh activation code): fetched here, opened as a PDF.
for (const button of document.querySelectorAll('[data-receipt]')) {
  button.addEventListener('click', () => once(button, async () => {
    const response = await fetch(`/api/permits/${encodeURIComponent(button.dataset.receipt)}/receipt`, {
      method: 'POST', credentials: 'same-origin', headers: { 'X-Permit-Page': '1', 'Content-Type': 'application/json' }, body: '{}',
    });
    if (!response.ok) { window.alert(t('Js.SomethingWentWrong')); return; }
    window.open(URL.createObjectURL(await response.blob()), '_blank', 'noopener');
  }));
}

// A settlement application names its members as objects; the investment is a number when given.
bodyShapes.settlement = ({ members = [], investmentTenThousandYuan, ...rest }) => ({
  ...rest,
  members: members.map(memberId => ({ memberId })),
  investmentTenThousandYuan: investmentTenThousandYuan === undefined ? undefined : Number(investmentTenThousandYuan),
});

// The registration form finds a community in the directory by name (GET /api/communities?search=, limited to the
// officer's jurisdiction); choosing a result fills the code field, which stays editable for a code read off a form.
for (const search of document.querySelectorAll('[data-community-search]')) {
  const codeField = document.getElementById(search.dataset.communitySearch);
  const results = document.getElementById(`${search.id.replace(/-search$/, '')}-results`);
  const list = document.getElementById(codeField.getAttribute('list'));
  let latest = 0;
  const find = async () => {
    const asked = ++latest;
    let found;
    try {
      found = await api('GET', `/api/communities?search=${encodeURIComponent(search.value.trim())}`);
    } catch (error) {
      sayError(results, error);
      return;
    }
    if (asked !== latest) return;
    results.replaceChildren(...found.map(community => {
      const item = document.createElement('li');
      const choose = document.createElement('button');
      choose.type = 'button';
      choose.textContent = `${community.name} ${community.townshipName ?? ''} ${community.code}`.replace(/\s+/g, ' ');
      choose.addEventListener('click', () => { codeField.value = community.code; codeField.focus(); });
      item.append(choose);
      return item;
    }));
    list?.replaceChildren(...found.map(community => new Option(community.name, community.code)));
  };
  search.addEventListener('input', find);
  find();
}
