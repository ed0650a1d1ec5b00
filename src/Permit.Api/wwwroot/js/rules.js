// The points rule sets page: turns the edited city and district points into the next rule-set version (the JSON the
// API publishes), refuses bad numbers in plain words before anything is sent, and after publishing reloads the page
// so the version in force is read back from the server, with the recomputation reported at the top.
import { api, once, say, sayError, t, PageError } from './permit.js';

const form = document.getElementById('publish-form');
const result = document.getElementById('publish-result');
const current = JSON.parse(document.getElementById('rule-set-json').textContent);
const reportKey = 'permit-rule-set-published';

const report = sessionStorage.getItem(reportKey);
if (report) {
  sessionStorage.removeItem(reportKey);
  say(document.getElementById('published'), report);
}

// Points are written with a dot and at most two decimals (the ledger keeps hundredths); full-width digits from a
// Chinese input method are read as the digits they are.
const pointsPattern = /^\d{1,6}(\.\d{1,2})?$/;
const codePattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function normalized(input) {
  return input.value.trim()
    .replace(/[\uFF10-\uFF19]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48))
    .replace(/[\uFF0E\u3002]/g, '.');
}

/** Collects problems as "what: why" sentences and marks the inputs, so each can be found and fixed. */
class Problems {
  list = [];
  first = null;

  add(input, message) {
    input.setAttribute('aria-invalid', 'true');
    this.first ??= input;
    this.list.push(message);
  }
}

function points(input, problems) {
  input.removeAttribute('aria-invalid');
  const text = normalized(input);
  const what = input.dataset.what;
  if (text === '') {
    if (input.dataset.optional === 'true') return null;
    problems.add(input, t('Js.RulesRequired', { what }));
    return undefined;
  }
  if (!pointsPattern.test(text)) {
    problems.add(input, t('Js.RulesBadPoints', { what, value: input.value.trim() }));
    return undefined;
  }
  return Number(text);
}

function text(input, problems) {
  input.removeAttribute('aria-invalid');
  const value = input.value.trim();
  if (value === '') problems.add(input, t('Js.RulesRequired', { what: input.dataset.what }));
  return value;
}

/** The version in force with the page's edits, as the next version; problems are collected, not thrown. */
function nextVersion(problems) {
  const next = structuredClone(current);
  next.version = Number(form.dataset.nextVersion);
  next.published = true;
  delete next.effectiveUntil; // the new version runs until a later one replaces it
  next.name = text(form.elements.namedItem('name'), problems);
  const from = form.elements.namedItem('effectiveFrom');
  next.effectiveFrom = text(from, problems);
  if (next.effectiveFrom && next.effectiveFrom < form.dataset.today) {
    problems.add(from, t('Js.RulesTooEarly', { today: form.dataset.today }));
  }

  for (const input of form.querySelectorAll('[data-field=tierCap]')) {
    const cap = points(input, problems);
    if (cap === null) delete next.tierCaps[input.dataset.tier];
    else if (cap !== undefined) next.tierCaps[input.dataset.tier] = cap;
  }

  for (const fieldset of form.querySelectorAll('fieldset[data-code]')) {
    const indicator = next.indicators.find(i => i.code === fieldset.dataset.code);
    if (!indicator) continue;
    for (const input of fieldset.querySelectorAll('input[data-field]')) {
      const value = points(input, problems);
      if (value === undefined) continue;
      switch (input.dataset.field) {
        case 'level':
          indicator.scoring.levels.find(l => l.level === input.dataset.level).points = value;
          break;
        case 'cap':
          if (value === null) delete indicator.cap; else indicator.cap = value;
          break;
        default:
          indicator.scoring[input.dataset.field] = value;
      }
    }
    // A level worth more than the indicator's cap would never be paid in full: say so rather than publish it.
    if (indicator.scoring.kind === 'level-table' && indicator.cap !== undefined) {
      for (const input of fieldset.querySelectorAll('input[data-field=level]')) {
        const level = indicator.scoring.levels.find(l => l.level === input.dataset.level);
        if (input.getAttribute('aria-invalid') !== 'true' && level.points > indicator.cap) {
          problems.add(input, t('Js.RulesAboveCap', { what: input.dataset.what, points: level.points, cap: indicator.cap }));
        }
      }
    }
  }

  const added = newIndicator(problems);
  if (added) next.indicators.push(added);
  return next;
}

/** The added indicator (so many points per time, e.g. per training course), or null when its fields are all empty. */
function newIndicator(problems) {
  const box = document.getElementById('new-indicator');
  const get = name => form.elements.namedItem(name);
  const code = get('code');
  const name = get('indicatorName');
  const pointsInput = get('points');
  const cap = get('cap');
  if ([code, name, pointsInput, cap].every(i => i.value.trim() === '')) return null;
  box.open = true;
  const tier = get('tier').value;
  const suffix = text(code, problems);
  if (suffix && !codePattern.test(suffix)) problems.add(code, t('Js.RulesBadCode', { value: suffix }));
  else if (suffix && current.indicators.some(i => i.code === `${tier}.${suffix}`)) {
    problems.add(code, t('Js.RulesDuplicateCode', { code: `${tier}.${suffix}` }));
  }
  const indicator = {
    code: `${tier}.${suffix}`,
    name: text(name, problems),
    tier,
    scoring: { kind: 'per-unit', pointsPerUnit: points(pointsInput, problems), unitSize: 1, unit: text(get('unit'), problems) },
  };
  const capValue = points(cap, problems);
  if (capValue !== null && capValue !== undefined) indicator.cap = capValue;
  return indicator;
}

form.addEventListener('submit', event => {
  event.preventDefault();
  once(form, async () => {
    const problems = new Problems();
    const next = nextVersion(problems);
    if (problems.list.length) {
      say(result, t('Js.RulesNotSent', { count: problems.list.length }), { error: true, details: problems.list });
      problems.first.focus();
      return;
    }
    try {
      const answer = await api('POST', '/api/points/rule-sets', next);
      const inForceNow = next.effectiveFrom <= form.dataset.today;
      sessionStorage.setItem(reportKey, inForceNow
        ? t('Js.RulesPublished', { version: answer.ruleSetVersion, balances: answer.balancesRecomputed, entries: answer.entriesWritten })
        : t('Js.RulesScheduled', { version: answer.ruleSetVersion, from: next.effectiveFrom }));
      location.reload();
    } catch (error) {
      // The server checks what the page cannot (e.g. the monthly accrual's limits); its reason is kept as the detail.
      if (error instanceof PageError && error.problem?.code === 'points-rule-set-invalid') {
        say(result, t('Js.RulesRefused'), { error: true, details: [error.problem.title] });
      } else {
        sayError(result, error);
      }
    }
  });
});
