// Users and terminals page (no inline script: the CSP allows scripts from this site's files only).

// The new terminal's key is shown once, here, with what to do with it; it is not stored in readable form.
document.getElementById('terminal-form')?.addEventListener('api-done', e => {
  document.getElementById('terminal-key-value').textContent = e.detail.apiKey;
  document.getElementById('terminal-key').hidden = false;
});

// A reset password is not echoed back: clear the field (data-done says it is done).
for (const form of document.querySelectorAll('form.password-reset')) {
  form.addEventListener('api-done', () => form.reset());
}
