/*
 * Switchboard website chat widget. A page embeds it with one tag:
 *
 *   <script src="https://portal.example.com/hooks/{accountId}/widget.js" async></script>
 *
 * Plain JavaScript with no build step and no third-party requests: it only talks to the URL it was loaded from
 * (the protocol is described in WebchatConnection.java). It renders inside an open shadow root so the host
 * page's CSS can neither break it nor be broken by it, and it writes message text with textContent only.
 */
(() => {
  'use strict';

  // currentScript is only set while this file first runs, so read it before anything is awaited.
  const script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  const base = script.src.replace(/[?#].*$/, '').replace(/\/widget\.js$/, '');
  // The portal itself (base is <portal>/hooks/<account>): satisfaction surveys link to its rating page.
  const portal = base.replace(/\/hooks\/[^/]+$/, '');
  const running = (window.__switchboardChat = window.__switchboardChat || {});
  if (running[base]) {
    return; // the tag is on the page twice
  }
  running[base] = true;

  const POLL_WAIT_SECONDS = 20;
  const MAX_TEXT_LENGTH = 5000;
  const MAX_BACKOFF_MS = 30000;
  const STORAGE_KEY = 'switchboard-chat:' + base;

  // ---- what survives a reload: the visitor's credentials and pre-chat answers, per portal account

  const stored = readStored();

  function readStored() {
    try {
      const value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '{}');
      return value && typeof value === 'object' ? value : {};
    } catch (e) {
      return {}; // storage disabled or corrupt: the chat still works for this page view
    }
  }

  function store(changes) {
    Object.assign(stored, changes);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch (e) {
      // private mode or quota: keep the values in memory only
    }
  }

  // ---- the DOM, inside a shadow root

  const CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    [hidden] { display: none !important; }
    .launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 56px; height: 56px;
      display: flex; align-items: center; justify-content: center; border: 0; border-radius: 50%;
      background: #2563eb; color: #fff; cursor: pointer; box-shadow: 0 4px 14px rgba(0, 0, 0, .25); }
    .launcher svg { width: 26px; height: 26px; fill: currentColor; }
    .dot { position: absolute; top: 6px; right: 6px; width: 12px; height: 12px; border: 2px solid #fff;
      border-radius: 50%; background: #ef4444; }
    .panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483000; display: flex;
      flex-direction: column; width: min(360px, calc(100vw - 40px)); height: min(520px, calc(100vh - 120px));
      overflow: hidden; border-radius: 12px; background: #fff; color: #111827; font-size: 14px;
      line-height: 1.4; box-shadow: 0 8px 30px rgba(0, 0, 0, .25); }
    header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px;
      background: #2563eb; color: #fff; }
    h2 { margin: 0; font-size: 16px; font-weight: 600; }
    .close { padding: 0 4px; border: 0; background: none; color: inherit; font-size: 22px; line-height: 1;
      cursor: pointer; }
    .greeting { margin: 12px 16px 0; color: #374151; }
    .prechat { display: flex; flex-direction: column; gap: 10px; padding: 12px 16px; }
    label { display: flex; flex-direction: column; gap: 4px; color: #374151; font-size: 13px; }
    input, textarea { padding: 8px 10px; border: 1px solid #d1d5db; border-radius: 8px; background: #fff;
      color: #111827; font-size: 14px; }
    input:focus, textarea:focus { border-color: #2563eb; outline: 2px solid #93c5fd; }
    button:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
    .primary { padding: 8px 14px; border: 0; border-radius: 8px; background: #2563eb; color: #fff;
      font-size: 14px; cursor: pointer; }
    .messages { flex: 1; display: flex; flex-direction: column; gap: 8px; padding: 12px 16px; overflow-y: auto; }
    .message { max-width: 80%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap;
      overflow-wrap: anywhere; }
    .message[data-direction="in"] { align-self: flex-end; border-bottom-right-radius: 4px; background: #2563eb;
      color: #fff; }
    .message[data-direction="out"] { align-self: flex-start; border-bottom-left-radius: 4px;
      background: #f3f4f6; color: #111827; }
    .message.pending { opacity: .6; }
    .message.failed { background: #fee2e2; color: #991b1b; }
    .author { display: block; margin-bottom: 2px; color: #4b5563; font-size: 12px; font-weight: 600; }
    .composer { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid #e5e7eb; }
    .composer textarea { flex: 1; min-height: 38px; max-height: 120px; resize: none; }
    .notice, .error { margin: 0; padding: 0 16px 6px; font-size: 12px; }
    .notice { color: #6b7280; }
    .error { color: #b91c1c; }
    .notice:empty, .error:empty { display: none; }
    .csat { display: flex; align-items: center; gap: 2px; margin-top: 6px; }
    .csat button { padding: 0 2px; border: 0; background: none; color: #d1d5db; font-size: 24px; line-height: 1;
      cursor: pointer; }
    .csat button.on { color: #f59e0b; }
    .csat-done { margin-top: 6px; color: #374151; font-size: 13px; }
  `;

  /** Creates an element; text goes through textContent, never through HTML parsing. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, value);
    }
    for (const child of children) {
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  const launcherDot = el('span', { class: 'dot', hidden: '' });
  const launcher = el('button', {
    type: 'button', class: 'launcher', 'data-testid': 'sb-chat-launcher', 'aria-label': 'Open chat',
    'aria-expanded': 'false', 'aria-controls': 'sb-panel',
  }, launcherDot);
  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  const iconPath = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  iconPath.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z');
  icon.append(iconPath);
  launcher.prepend(icon);

  const title = el('h2', { id: 'sb-title' }, 'Chat');
  const closeButton = el('button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, '\u00d7');
  const greeting = el('p', { class: 'greeting', hidden: '' });

  const nameInput = el('input', {
    type: 'text', name: 'name', autocomplete: 'name', maxlength: '200', 'data-testid': 'sb-chat-name',
  });
  const emailInput = el('input', {
    type: 'email', name: 'email', autocomplete: 'email', maxlength: '254', 'data-testid': 'sb-chat-email',
  });
  const prechatError = el('p', { class: 'error', role: 'alert' });
  const prechat = el('form', { class: 'prechat', hidden: '', novalidate: '' },
    el('label', {}, 'Name (optional)', nameInput),
    el('label', {}, 'Email (optional)', emailInput),
    prechatError,
    el('button', { type: 'submit', class: 'primary', 'data-testid': 'sb-chat-start' }, 'Start chat'));

  const list = el('div', { class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages' });
  const input = el('textarea', {
    rows: '1', maxlength: String(MAX_TEXT_LENGTH), placeholder: 'Type a message\u2026', 'aria-label': 'Message',
    'data-testid': 'sb-chat-input',
  });
  const composer = el('form', { class: 'composer' }, input,
    el('button', { type: 'submit', class: 'primary', 'data-testid': 'sb-chat-send' }, 'Send'));
  const notice = el('p', { class: 'notice', role: 'status' });

  const panel = el('div', {
    id: 'sb-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'sb-title', 'data-testid': 'sb-chat-panel',
    hidden: '',
  }, el('header', {}, title, closeButton), greeting, prechat, list, notice, composer);

  const host = el('div', { 'data-switchboard-chat': '' });
  const root = host.attachShadow({ mode: 'open' });
  root.append(el('style', {}, CSS), launcher, panel);

  if (document.body) {
    document.body.append(host);
  } else {
    document.addEventListener('DOMContentLoaded', () => document.body.append(host));
  }

  // ---- opening and closing

  let config = null;

  launcher.addEventListener('click', () => (panel.hidden ? openPanel() : closePanel()));
  closeButton.addEventListener('click', closePanel);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closePanel();
    }
  });

  async function openPanel() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', 'Close chat');
    launcherDot.hidden = true;
    if (newestReply) {
      store({ seenReply: newestReply });
    }
    if (!config) {
      composer.hidden = true; // not before we know whether the pre-chat form comes first
      await loadConfig();
    }
    showForm();
    (prechat.hidden ? input : nameInput).focus();
    ensureSession().then(pollForever);
    scrollToEnd();
  }

  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', 'Open chat');
    launcher.focus();
  }

  async function loadConfig() {
    try {
      const response = await fetch(base + '/config', { credentials: 'omit' });
      if (response.ok) {
        config = await response.json();
      }
    } catch (e) {
      // shown with defaults; the next open tries again
    }
    const current = config || {};
    title.textContent = current.title || 'Chat';
    greeting.textContent = current.greeting || '';
    greeting.hidden = !current.greeting;
  }

  /** The pre-chat form until the visitor starts, then the conversation. */
  function showForm() {
    const askFirst = Boolean(config && config.preChatForm) && !stored.started;
    prechat.hidden = !askFirst;
    list.hidden = askFirst;
    composer.hidden = askFirst;
    nameInput.value = stored.name || '';
    emailInput.value = stored.email || '';
  }

  prechat.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!emailInput.checkValidity()) {
      prechatError.textContent = 'Please enter a valid email address, or leave it empty.';
      emailInput.focus();
      return;
    }
    prechatError.textContent = '';
    store({ name: nameInput.value.trim(), email: emailInput.value.trim(), started: true });
    showForm();
    input.focus();
  });

  // ---- the visitor's session: an id and a token the portal signed; no cookies

  let sessionRequest = null;
  let sessionConfirmed = false;

  /**
   * Once per page view, shows the stored credentials to the portal, which answers with them if they are still
   * valid or with a new visitor if not (its signing key changed). Later calls reuse the answer.
   */
  function ensureSession() {
    if (sessionConfirmed && stored.visitorId && stored.token) {
      return Promise.resolve();
    }
    if (!sessionRequest) {
      sessionRequest = retry(async () => {
        const known = stored.visitorId && stored.token;
        const response = await fetch(base + '/session', {
          method: 'POST',
          credentials: 'omit',
          // A text/plain body keeps this a simple request: no preflight.
          body: known ? JSON.stringify({ visitorId: stored.visitorId, token: stored.token }) : undefined,
        });
        if (!response.ok) {
          throw new Error('session refused: HTTP ' + response.status);
        }
        const session = await response.json();
        store({ visitorId: session.visitorId, token: session.token });
        sessionConfirmed = true;
      }).finally(() => {
        sessionRequest = null;
      });
    }
    return sessionRequest;
  }

  /** The portal refused the token in a readable answer: ask for a valid one before the next request. */
  function forgetSession() {
    sessionConfirmed = false;
  }

  function visitorHeaders() {
    return { 'X-Visitor-Id': stored.visitorId, 'X-Visitor-Token': stored.token };
  }

  // ---- sending: shown at once, posted in order, retried until the portal has it

  const outbox = [];
  const unconfirmed = []; // sent by this page, not yet seen in the portal's history: { text, node }
  let draining = false;

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submitMessage();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitMessage();
    }
  });

  function submitMessage() {
    const text = input.value.trim();
    if (!text || text.length > MAX_TEXT_LENGTH) {
      return;
    }
    input.value = '';
    const id = newMessageId();
    const node = renderMessage({ id: id, inbound: true, text: text });
    node.classList.add('pending');
    unconfirmed.push({ text: text, node: node });
    outbox.push({ id: id, text: text, node: node });
    store({ started: true });
    drainOutbox();
  }

  async function drainOutbox() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      while (outbox.length) {
        await deliver(outbox[0]);
        outbox.shift();
      }
    } finally {
      draining = false;
    }
  }

  async function deliver(message) {
    let delay = 1000;
    for (;;) {
      await ensureSession();
      try {
        const response = await fetch(base + '/messages', {
          method: 'POST',
          credentials: 'omit',
          headers: Object.assign({ 'Content-Type': 'application/json' }, visitorHeaders()),
          // The same id on every attempt: the portal stores a retried message once.
          body: JSON.stringify({
            id: message.id, text: message.text, name: stored.name || undefined, email: stored.email || undefined,
          }),
        });
        if (response.ok) {
          message.node.classList.remove('pending');
          setNotice('');
          pollForever();
          return;
        }
        if (response.status === 401) {
          forgetSession();
          continue;
        }
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          message.node.classList.remove('pending');
          message.node.classList.add('failed');
          message.node.append(el('span', { class: 'author' }, 'Not sent'));
          return;
        }
      } catch (e) {
        // offline, or refused without CORS headers: the two look the same from here, so try again
      }
      setNotice('Not sent yet, retrying\u2026');
      await sleep(delay);
      delay = Math.min(delay * 2, MAX_BACKOFF_MS);
    }
  }

  // ---- receiving: a long poll that returns the latest messages; render the ones not shown yet

  const shown = new Set();
  let since = '';
  let newestReply = null; // the id of the latest agent message shown; the dot marks one the visitor hasn't seen
  let polling = false;

  async function pollForever() {
    if (polling || !stored.visitorId) {
      return;
    }
    polling = true;
    let delay = 1000;
    for (;;) {
      await whenVisible();
      await ensureSession();
      const startedAt = Date.now();
      try {
        const url = base + '/messages?since=' + encodeURIComponent(since) + '&wait=' + POLL_WAIT_SECONDS;
        const response = await fetch(url, { credentials: 'omit', cache: 'no-store', headers: visitorHeaders() });
        if (response.status === 401) {
          forgetSession();
          continue;
        }
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        const body = await response.json();
        const anythingNew = showMessages(Array.isArray(body.messages) ? body.messages : []);
        delay = 1000;
        if (!outbox.length) {
          setNotice('');
        }
        // Nothing new, at once: the portal could not wait (restarting, overloaded). Don't hammer it.
        if (!anythingNew && Date.now() - startedAt < 1000) {
          await sleep(2000);
        }
      } catch (e) {
        setNotice('Reconnecting\u2026');
        await sleep(delay + Math.random() * 1000);
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
    }
  }

  function showMessages(messages) {
    let anythingNew = false;
    for (const message of messages) {
      if (!message || typeof message.id !== 'string') {
        continue;
      }
      since = message.id; // oldest first, so this ends on the newest
      if (shown.has(message.id) || (message.inbound && confirmOwn(message))) {
        continue;
      }
      renderMessage(message);
      anythingNew = true;
      if (!message.inbound) {
        newestReply = message.id;
      }
    }
    if (newestReply && newestReply !== stored.seenReply) {
      if (panel.hidden) {
        launcherDot.hidden = false;
        launcher.setAttribute('aria-label', 'Open chat (new message)');
      } else {
        store({ seenReply: newestReply });
      }
    }
    return anythingNew;
  }

  /**
   * The portal names messages with its own ids, not the one this page chose, so a message this page already
   * shows is recognised by its text, in order.
   */
  function confirmOwn(message) {
    const index = unconfirmed.findIndex((own) => own.text === message.text);
    if (index < 0) {
      return false;
    }
    const own = unconfirmed.splice(index, 1)[0];
    own.node.setAttribute('data-id', message.id);
    shown.add(message.id);
    return true;
  }

  function renderMessage(message) {
    const direction = message.inbound ? 'in' : 'out';
    const node = el('div', {
      class: 'message', 'data-testid': 'sb-chat-message', 'data-direction': direction, 'data-id': message.id,
    });
    if (!message.inbound && message.author) {
      node.append(el('span', { class: 'author' }, String(message.author)));
    }
    const survey = message.inbound ? null : ratingLink(String(message.text || ''));
    node.append(el('span', { class: 'text' }, survey ? survey.text : String(message.text || '')));
    if (survey) {
      node.append(starBar(survey.token));
    }
    if (message.at) {
      node.title = new Date(message.at).toLocaleString();
    }
    shown.add(message.id);
    list.append(node);
    scrollToEnd();
    return node;
  }

  // ---- satisfaction surveys: a link to the portal's rating page becomes five stars

  const RATING_LINK = /(\S*)\/csat\/(\d{1,18}\.\d{1,18}\.[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/;

  /** The survey's link in an agent message, if it points at this portal: the text without it, and its token. */
  function ratingLink(text) {
    const match = RATING_LINK.exec(text);
    if (!match || match[1] !== portal) {
      return null;
    }
    const rest = (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim();
    return { text: rest, token: match[2] };
  }

  function starBar(token) {
    const rated = (stored.rated || {})[token];
    if (rated) {
      return el('div', { class: 'csat-done', 'data-testid': 'sb-chat-rated' }, 'You rated ' + rated + ' of 5. Thank you!');
    }
    const bar = el('div', { class: 'csat', role: 'group', 'aria-label': 'Rate our help', 'data-testid': 'sb-chat-stars' });
    const buttons = [];
    for (let stars = 1; stars <= 5; stars++) {
      const button = el('button', {
        type: 'button', 'aria-label': stars + (stars === 1 ? ' star' : ' stars'), 'data-stars': String(stars),
      }, '\u2605');
      button.addEventListener('mouseenter', () => light(stars));
      button.addEventListener('focus', () => light(stars));
      button.addEventListener('click', () => rate(token, stars, bar));
      buttons.push(button);
      bar.append(button);
    }
    bar.addEventListener('mouseleave', () => light(0));
    function light(upTo) {
      buttons.forEach((b, i) => b.classList.toggle('on', i < upTo));
    }
    return bar;
  }

  async function rate(token, stars, bar) {
    const buttons = bar.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    let text = null;
    try {
      const response = await fetch(portal + '/csat/' + token + '/stars', {
        method: 'POST',
        credentials: 'omit',
        // A form body keeps this a simple request: no preflight.
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'rating=' + stars,
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok && body.rating) {
        store({ rated: Object.assign({}, stored.rated, { [token]: body.rating }) });
        text = 'You rated ' + body.rating + ' of 5. Thank you!';
      } else if (response.status === 410) {
        text = 'This survey has expired. Thank you anyway!';
      } else if (response.status === 404) {
        text = 'This survey is no longer open.';
      }
    } catch (e) {
      // offline, or the portal is away: the stars stay for another try
    }
    if (text) {
      bar.replaceWith(el('div', { class: 'csat-done', 'data-testid': 'sb-chat-rated' }, text));
    } else {
      buttons.forEach((b) => { b.disabled = false; });
      setNotice('Your rating could not be sent. Please try again.');
    }
  }

  // ---- small helpers

  function scrollToEnd() {
    list.scrollTop = list.scrollHeight;
  }

  function setNotice(text) {
    notice.textContent = text;
  }

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Background tabs don't hold a connection open; they catch up when shown again. */
  function whenVisible() {
    if (!document.hidden) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      document.addEventListener('visibilitychange', function onChange() {
        if (!document.hidden) {
          document.removeEventListener('visibilitychange', onChange);
          resolve();
        }
      });
    });
  }

  async function retry(attempt) {
    let delay = 1000;
    for (;;) {
      try {
        return await attempt();
      } catch (e) {
        setNotice('Reconnecting\u2026');
        await sleep(delay + Math.random() * 1000);
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** crypto.randomUUID exists only on https pages; getRandomValues works everywhere. */
  function newMessageId() {
    if (typeof crypto.randomUUID === 'function') {
      return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
  }

  // A returning visitor sees replies that arrived while they were away.
  if (stored.visitorId && stored.token) {
    pollForever();
  }
})();
