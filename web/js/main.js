// Boots the aimskit page (dist/index.html). A separate file, not an inline
// script, so the page's CSP can forbid inline scripts.
import init, { mount } from './aimskit.js';

const root = document.getElementById('aimskit');
init()
  // No `lang` option: the widget follows the browser's language (en/de/fr/it,
  // English otherwise); the switch in its header changes it.
  .then(() => mount(root, {}))
  .catch((err) => {
    root.textContent = `aimskit could not start: ${err && err.message ? err.message : err}`;
    console.error(err);
  });
