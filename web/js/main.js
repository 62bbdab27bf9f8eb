// Boots the aimskit page (dist/index.html). A separate file, not an inline
// script, so the page's CSP can forbid inline scripts.
import init from './aimskit.js';

init().catch((err) => {
  const root = document.getElementById('aimskit');
  if (root) root.textContent = `aimskit could not start: ${err && err.message ? err.message : err}`;
  console.error(err);
});
