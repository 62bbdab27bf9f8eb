// Host-page script of examples/embed.html: mounts a second widget with
// mount() and logs every aimskit:* event the widgets dispatch.
import { mount } from '../dist/element.js';

const log = document.getElementById('events');
window.aimskitEvents = [];
for (const name of ['aimskit:ready', 'aimskit:result', 'aimskit:change', 'aimskit:error']) {
  document.addEventListener(name, (e) => {
    const entry = { type: e.type, target: e.target.id, detail: e.detail };
    window.aimskitEvents.push(entry);
    log.textContent += `${JSON.stringify(entry)}\n`;
  });
}

mount(document.getElementById('mounted'), { lang: 'de', modules: ['triage'], storagePrefix: 'team-b' })
  .catch((err) => { log.textContent += `mount failed: ${err.code}: ${err.message}\n`; });
