// aimskit embedding loader: the custom element <aims-kit> and mount().
// This file is the only thing a host page loads up front; the wasm and its
// JS glue are fetched only when a widget becomes visible (or is mounted).
//
//   <script type="module" src="aimskit/element.js"></script>
//   <aims-kit lang="de" modules="triage,aims" view="triage" storage-prefix="team-a"></aims-kit>
//
//   import { mount } from 'aimskit/element';
//   const widget = await mount(document.querySelector('#here'), { lang: 'fr' });
//
// Both render inside an open Shadow DOM: host CSS does not leak in, ours does
// not leak out. Theme through CSS custom properties (--aimskit-*) on the host.
// Events (aimskit:ready, aimskit:result, ...) are dispatched on the host element.

const BASE = new URL('./', import.meta.url);
// Inherited properties are reset with !important: in the shadow tree's context
// that beats even the host page's !important rules. Layout (width, margin,
// display) stays the host's to set; custom properties (--aimskit-*) still
// inherit, which is how theming works.
const RESET = ['font', 'color', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align',
  'text-indent', 'text-shadow', 'text-decoration', 'white-space', 'line-height', 'cursor',
  'list-style', 'font-variant', 'font-stretch', 'tab-size', 'hyphens', 'word-break',
  'overflow-wrap', 'direction', 'writing-mode']
  .map((p) => `${p}:initial!important`).join(';');
const HOST_CSS = `:host{display:block;${RESET};visibility:visible!important;font-size:16px!important}`
  + ':host([hidden]){display:none}';
let engine = null;

/**
 * Loads the wasm once (same-origin fetch next to this file). The wasm is
 * requested together with its JS glue, not after it; init() takes the
 * pending response, so it is fetched once.
 */
function loadEngine() {
  if (!engine) {
    const wasm = fetch(new URL('aimskit_bg.wasm', BASE));
    wasm.catch(() => {}); // init() reports a failed fetch
    engine = import(new URL('aimskit.js', BASE).href).then(async (mod) => {
      await mod.default({ module_or_path: wasm });
      return mod;
    });
  }
  return engine;
}

function shadowFor(element) {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  shadow.replaceChildren();
  // Reset inherited host styles (font, colour, line-height ...); custom
  // properties still inherit, which is how theming works.
  const reset = new CSSStyleSheet();
  reset.replaceSync(HOST_CSS);
  shadow.adoptedStyleSheets = [reset];
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('style.css', BASE).href;
  const container = document.createElement('div');
  container.className = 'aimskit-root';
  shadow.append(link, container);
  return { shadow, container, styled: new Promise((ok) => { link.onload = ok; link.onerror = ok; }) };
}

/**
 * Renders the widget into `element`'s shadow root.
 * options: { lang?: 'en'|'de'|'fr'|'it', modules?: ('triage'|'aims'|'report')[],
 *            view?: 'triage'|'aims'|'report', storagePrefix?: string }
 * Resolves to { element, shadowRoot, unmount } once rendered; rejects with an Error
 * carrying `code` for bad options.
 */
export async function mount(element, options = {}) {
  const mod = await loadEngine();
  element.__aimskitWidget?.unmount();
  element.__aimskitWidget = null;
  const { shadow, container, styled } = shadowFor(element);
  await styled;
  element.__aimskitWidget = mod.mount(container, options);
  return { element, shadowRoot: shadow, unmount: () => element.__aimskitWidget?.unmount() };
}

function optionsFrom(el) {
  const o = {};
  const lang = el.getAttribute('lang');
  if (lang) o.lang = lang;
  const modules = el.getAttribute('modules');
  if (modules) o.modules = modules.split(',').map((m) => m.trim()).filter(Boolean);
  const view = el.getAttribute('view');
  if (view) o.view = view;
  const prefix = el.getAttribute('storage-prefix');
  if (prefix) o.storagePrefix = prefix;
  return o;
}

export class AimsKitElement extends HTMLElement {
  static observedAttributes = ['lang', 'modules', 'view', 'storage-prefix'];
  #observer = null;
  #mounted = false;

  connectedCallback() {
    if (this.#mounted || this.#observer) return;
    // Lazy: start loading when the element comes near the viewport.
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.open();
    }, { rootMargin: '200px' });
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  attributeChangedCallback() {
    if (this.#mounted) this.#render();
  }

  /** Loads and renders now, visible or not. */
  open() {
    this.#observer?.disconnect();
    this.#observer = null;
    if (!this.#mounted) {
      this.#mounted = true;
      this.#render();
    }
    return this.ready;
  }

  #render() {
    this.ready = mount(this, optionsFrom(this)).catch((err) => {
      this.dispatchEvent(new CustomEvent('aimskit:error', {
        bubbles: true, composed: true,
        detail: { code: err.code ?? 'load_failed', message: String(err.message ?? err) },
      }));
      throw err;
    });
    this.ready.catch(() => {});
  }
}

if (!customElements.get('aims-kit')) customElements.define('aims-kit', AimsKitElement);
