// Employer or landlord report upload (CSV in UTF-8 or GB18030, or .xlsx): a dry run or the real run, progress while
// the server checks the rows, every row's outcome in one table and the same outcome as a spreadsheet.
import { api, once, say, sayError, t } from './permit.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const shownRows = 2000; // a longer outcome is in the spreadsheet; the page lists its rejected rows first
const form = document.getElementById('bulk-form');
const bar = document.getElementById('bulk-progress');
const barText = document.getElementById('bulk-progress-text');

form.addEventListener('submit', event => {
  event.preventDefault();
  const dryRun = event.submitter?.value === 'dry-run';
  once(form, async () => {
    const status = form.querySelector('.result');
    const file = form.elements.namedItem('file').files[0];
    if (!file) { say(status, t('Js.ChooseFile'), { error: true }); return; }
    const run = crypto.randomUUID();
    const encoding = form.elements.namedItem('encoding').value;
    const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
    const url = `/api/bulk-reports/?run=${run}&dryRun=${dryRun}&encoding=${encodeURIComponent(encoding)}`;
    bar.hidden = false;
    bar.value = 0;
    barText.textContent = t('Js.BulkReading');
    const poll = setInterval(() => showProgress(run), 700);
    try {
      // The file's own bytes: a GB18030 CSV must not be decoded by the browser first.
      const report = await api('POST', url, file, { contentType: isXlsx ? xlsxType : 'text/csv' });
      showOutcome(report, run);
      status.hidden = true;
    } catch (error) {
      sayError(status, error);
    } finally {
      clearInterval(poll);
      bar.hidden = true;
      barText.textContent = '';
    }
  });
});

async function showProgress(run) {
  try {
    const progress = await api('GET', `/api/bulk-reports/runs/${run}`);
    if (progress.total > 0) {
      bar.max = progress.total;
      bar.value = progress.done;
      barText.textContent = t('Js.BulkProgress', { done: progress.done, total: progress.total });
    }
  } catch {
    // Not yet started on this node, or another node answers: the upload's own answer still comes.
  }
}

function showOutcome(report, run) {
  const rows = [
    ...report.rejected.map(r => ({ row: r.row, ok: false, text: `${r.column}: ${r.reason}` })),
    ...report.accepted.map(r => ({ row: r.row, ok: true, text: r.reportedLate ? t('Js.BulkLate', { days: r.reportDelayWorkingDays }) : t('Js.BulkRecorded') })),
  ].slice(0, shownRows).sort((a, b) => a.row - b.row);
  const body = document.querySelector('#bulk-table tbody');
  body.replaceChildren();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.className = r.ok ? 'ok' : 'error';
    tr.insertCell().textContent = r.row;
    tr.insertCell().textContent = r.ok ? (report.dryRun ? t('Js.BulkWouldAccept') : t('Js.BulkAccepted')) : t('Js.BulkRejected');
    tr.insertCell().textContent = r.text;
  }
  const summary = t(report.dryRun ? 'Js.BulkDrySummary' : 'Js.BulkSummary', { accepted: report.acceptedCount, rejected: report.rejectedCount });
  document.getElementById('bulk-summary').textContent = report.rows > shownRows ? `${summary} ${t('Js.BulkMoreInSheet')}` : summary;
  document.getElementById('bulk-download').href = `/api/bulk-reports/runs/${run}/result.xlsx`;
  document.getElementById('bulk-results').hidden = false;
}
