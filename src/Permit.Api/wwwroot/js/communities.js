// The community directory's CSV import (UTF-8 or GB18030, detected by the API), as a dry run or for real: the counts,
// then each rejected row with its column and rule; after a real run the page reloads to show the directory when nothing
// was rejected.
import { api, once, say, sayError, t } from './permit.js';

const form = document.getElementById('community-import-form');
form.addEventListener('submit', event => {
  event.preventDefault();
  const dryRun = event.submitter?.value === 'dry-run';
  once(form, async () => {
    const status = form.querySelector('.result');
    const file = form.elements.namedItem('file').files[0];
    if (!file) return;
    try {
      const answer = await api('POST', `/api/communities/import?dryRun=${dryRun}`, file, { contentType: 'text/csv' });
      say(status, `${answer.dryRun ? t('Js.CommunityDryRun') + ' ' : ''}+${answer.added} ~${answer.renamed} =${answer.unchanged} ×${answer.rejects.length} (${answer.encoding})`);
      const table = document.getElementById('community-rejects');
      const body = table.querySelector('tbody');
      body.replaceChildren();
      for (const reject of answer.rejects) {
        const tr = body.insertRow();
        tr.className = 'error';
        for (const text of [reject.row, reject.column, reject.rule, reject.message]) tr.insertCell().textContent = text;
      }
      table.hidden = answer.rejects.length === 0;
      if (!answer.dryRun && answer.rejects.length === 0) setTimeout(() => location.reload(), 800);
    } catch (error) {
      sayError(status, error);
    }
  });
});
