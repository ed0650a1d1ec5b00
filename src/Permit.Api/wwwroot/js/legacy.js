// Legacy import, one file at a time (residents before registrations): a dry run first, then the import; the counts
// and every rejected row with its column and rule. Large imports run from the command line (docs/legacy-import.md).
import { api, once, say, sayError, t } from './permit.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const form = document.getElementById('legacy-form');

form.addEventListener('submit', event => {
  event.preventDefault();
  const dryRun = event.submitter?.value === 'dry-run';
  once(form, async () => {
    const status = form.querySelector('.result');
    const file = form.elements.namedItem('file').files[0];
    if (!file) { say(status, t('Js.ChooseFile'), { error: true }); return; }
    try {
      const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
      const answer = await api('POST', `/api/legacy-import/?dryRun=${dryRun}&name=${encodeURIComponent(file.name)}`, file,
        { contentType: isXlsx ? xlsxType : 'text/csv' });
      const r = answer.result;
      document.getElementById('legacy-summary').textContent = t(dryRun ? 'Js.LegacyDrySummary' : 'Js.LegacySummary',
        { rows: r.rows, written: r.written, unchanged: r.unchanged, rejected: r.rejected });
      const body = document.querySelector('#legacy-table tbody');
      body.replaceChildren();
      for (const reject of answer.rejects) {
        const tr = body.insertRow();
        tr.className = 'error';
        for (const text of [reject.row, reject.column, reject.rule, reject.reason]) tr.insertCell().textContent = text;
      }
      document.getElementById('legacy-results').hidden = false;
      status.hidden = true;
    } catch (error) {
      sayError(status, error);
    }
  });
});
