// Boots the aimskit page (dist/index.html). A separate file, not an inline
// script, so the page's CSP can forbid inline scripts.
import init, { mount } from './aimskit.js';

const root = document.getElementById('aimskit');
init()
  .then(() => mount(root, { lang: document.documentElement.lang || 'en' }))
  .catch((err) => {
    root.textContent = `aimskit could not start: ${err && err.message ? err.message : err}`;
    console.error(err);
  });
