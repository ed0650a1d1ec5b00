// Employer or landlord CSV upload: every row's outcome in one table (good rows land together, bad rows say why).
import { api, once, say, sayError, t } from './permit.js';

const form = document.getElementById('bulk-form');
form.addEventListener('submit', event => {
  event.preventDefault();
  once(form, async () => {
    const status = form.querySelector('.result');
    const file = form.elements.namedItem('file').files[0];
    if (!file) { say(status, t('Js.ChooseFile'), { error: true }); return; }
    try {
      const report = await api('POST', '/api/bulk-reports/', await file.text(), { contentType: 'text/csv' });
      const rows = [
        ...report.accepted.map(r => ({ row: r.row, ok: true, text: r.reportedLate ? t('Js.BulkLate') : t('Js.BulkRecorded') })),
        ...report.rejected.map(r => ({ row: r.row, ok: false, text: `${r.column}: ${r.reason}` })),
      ].sort((a, b) => a.row - b.row);
      const body = document.querySelector('#bulk-table tbody');
      body.replaceChildren();
      for (const r of rows) {
        const tr = body.insertRow();
        tr.className = r.ok ? 'ok' : 'error';
        tr.insertCell().textContent = r.row;
        tr.insertCell().textContent = r.ok ? t('Js.BulkAccepted') : t('Js.BulkRejected');
        tr.insertCell().textContent = r.text;
      }
      document.getElementById('bulk-summary').textContent = t('Js.BulkSummary', { accepted: report.acceptedCount, rejected: report.rejectedCount });
      document.getElementById('bulk-results').hidden = false;
      status.hidden = true;
    } catch (error) {
      sayError(status, error);
    }
  });
});
