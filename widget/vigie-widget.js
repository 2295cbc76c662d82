/*
 * Vigie chat widget. Embed with one tag:
 *   <script src="https://…/vigie-widget.js" data-server="https://bot.example.org" defer></script>
 * Options (data-* on the tag): server, country (BE FR CH QC LU), exit-url, primary, quit-color, open.
 *
 * Privacy for a teen on a shared device: the conversation lives in this page's memory only
 * (no localStorage, sessionStorage or cookies), is erased on the server when the page goes
 * away, and "Quitter" / Escape twice wipes it and replaces the page with a neutral one.
 * Safety: bot text only ever reaches the page through text nodes, never as HTML.
 */
(function () {
  "use strict";

  const TIMEOUT_MS = 20000;
  const ESCAPE_WINDOW_MS = 1500;
  // Numbers shown when the bot cannot answer: they must not depend on the server.
  // directory:start (generated from directory/helplines.yml by `make widget-facts`; do not edit)
  const DEFAULT_COUNTRY = "BE";
  const COUNTRIES = {
    BE: {"name": "Belgique", "emergency": ["112", "101"], "helpline": "116 000"},
    FR: {"name": "France", "emergency": ["17", "112"], "helpline": "119"},
    CH: {"name": "Suisse", "emergency": ["117", "112"], "helpline": "147"},
    QC: {"name": "Québec / Canada", "emergency": ["911"], "helpline": "1 800 263-2266"},
    LU: {"name": "Luxembourg", "emergency": ["112", "113"], "helpline": "116 111"},
  };
  // directory:end

  const script = document.currentScript;
  const config = readConfig(script);
  const state = { sender: newSender(), country: config.country || DEFAULT_COUNTRY,
                  started: false, lastEscape: 0, queue: Promise.resolve() };
  let ui = null;

  // ---------- configuration ----------

  function readConfig(tag) {
    const data = (tag && tag.dataset) || {};
    const scriptUrl = (tag && tag.src) || document.baseURI;
    const country = (data.country || "").toUpperCase();
    return {
      server: (data.server || new URL(scriptUrl).origin).replace(/\/+$/, ""),
      country: COUNTRIES[country] ? country : null,
      exitUrl: exitUrl(data.exitUrl, scriptUrl),
      cssUrl: new URL("vigie-widget.css", scriptUrl).href,
      primary: parseHex(data.primary),
      quit: parseHex(data.quitColor),
      open: data.open === "true",
    };
  }

  function exitUrl(configured, scriptUrl) {
    // The neutral page served beside the widget, unless the site names its own http(s) page.
    const fallback = new URL("neutre.html", scriptUrl).href;
    try {
      const url = new URL(configured || fallback, document.baseURI);
      return /^https?:$/.test(url.protocol) ? url.href : fallback;
    } catch (error) {
      return fallback;
    }
  }

  function newSender() {
    // Random, per page load, never stored: a new tab is a new conversation.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function parseHex(value) {
    const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((value || "").trim());
    if (!match) return null;
    const hex = match[1].length === 3 ? match[1].replace(/./g, "$&$&") : match[1];
    return "#" + hex.toLowerCase();
  }

  function luminance(hex) {
    const channel = (i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  }

  function readableOn(hex) {
    // Text colour with the better WCAG contrast, so any site colour stays legible.
    const l = luminance(hex);
    return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? "#ffffff" : "#111111";
  }

  // ---------- DOM helpers (text only: no innerHTML anywhere) ----------

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  }

  function srOnly(text) {
    return el("span", { class: "vigie-sr" }, text);
  }

  // ---------- links found in bot text ----------

  const URL_PATTERN = String.raw`https?:\/\/[^\s<>"']+|www\.[^\s<>"']+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:fr|be|ch|ca|lu|com|org|net|eu)(?:\/[^\s<>"']*)?`;
  const PHONE_PATTERN = String.raw`\+?\d(?:\d|[ \u00a0-](?=\d))*\d`;
  const TOKEN = new RegExp(`(${URL_PATTERN})|(${PHONE_PATTERN})`, "gi");
  const NOT_A_PHONE_AFTER = /^\s?(h\b|min|ans|%|€|euros?|heures?|jours?|mois|fois|km)/i;
  const SMS_BEFORE = /(sms|texto|texte)\s*(au|:)?\s*$/i;

  function keepTogether(number) {
    return number.replace(/ /g, "\u00a0"); // a phone number never breaks across lines
  }

  function safeWebUrl(text) {
    try {
      const url = new URL(/^https?:\/\//i.test(text) ? text : "https://" + text);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function phoneHref(number, before) {
    const digits = number.replace(/[^\d+]/g, "");
    const count = digits.replace(/\D/g, "").length;
    if (count < 2 || count > 15) return null;
    return (SMS_BEFORE.test(before) ? "sms:" : "tel:") + digits;
  }

  function linkFor(match, text) {
    const start = match.index;
    const previous = text.charAt(start - 1);
    if (/[\w.@/-]/.test(previous)) return null; // inside a word, a URL or "24 h/24"
    if (match[1]) {
      const trimmed = match[1].replace(/[.,;:!?)\]»]+$/, "");
      const href = safeWebUrl(trimmed);
      return href && { text: trimmed, href: href, external: true };
    }
    if (NOT_A_PHONE_AFTER.test(text.slice(start + match[2].length))) return null;
    const href = phoneHref(match[2], text.slice(Math.max(0, start - 12), start));
    return href && { text: match[2], href: href, external: false, shown: keepTogether(match[2]) };
  }

  function link(text, href, external) {
    const a = el("a", { href: href }, text);
    if (external) {
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener noreferrer");
      a.append(srOnly(" (nouvel onglet)"));
    }
    return a;
  }

  function typeset(text) {
    // French spacing without bad line breaks: "24 h/24", "Belgique :", "« défi »".
    return text.replace(/(\d) (h\b)/g, "$1\u00a0$2").replace(/ ([:;?!»])/g, "\u00a0$1")
      .replace(/« /g, "«\u00a0");
  }

  function appendLinkified(parent, text) {
    let position = 0;
    for (const match of text.matchAll(TOKEN)) {
      const found = linkFor(match, text);
      if (!found) continue;
      parent.append(document.createTextNode(text.slice(position, match.index)));
      parent.append(link(found.shown || found.text, found.href, found.external));
      position = match.index + found.text.length;
    }
    parent.append(document.createTextNode(text.slice(position)));
  }

  // ---------- building the widget ----------

  function build() {
    const host = el("div", { class: "vigie-host" });
    host.style.display = "none"; // until the stylesheet is in, to avoid a flash of raw markup
    applyColours(host);
    const root = host.attachShadow({ mode: "open" });
    const css = el("link", { rel: "stylesheet", href: config.cssUrl });
    css.addEventListener("load", () => { host.style.display = ""; });
    css.addEventListener("error", () => { host.style.display = ""; });
    root.append(css);

    const parts = { host: host };
    const aside = el("aside", { class: "vigie", "aria-label": "Vigie, chat d'aide" });
    parts.launcher = el("button", { type: "button", class: "vigie-launcher",
                                    "aria-expanded": "false", "aria-controls": "vigie-panel" },
                        "Parler à Vigie");
    parts.panel = buildPanel(parts);
    aside.append(parts.launcher, parts.panel);
    root.append(aside);
    document.body.append(host);
    return parts;
  }

  function applyColours(host) {
    if (config.primary) {
      host.style.setProperty("--vigie-primary", config.primary);
      host.style.setProperty("--vigie-on-primary", readableOn(config.primary));
    }
    if (config.quit) {
      host.style.setProperty("--vigie-quit", config.quit);
      host.style.setProperty("--vigie-on-quit", readableOn(config.quit));
    }
  }

  function buildPanel(parts) {
    const panel = el("section", { id: "vigie-panel", class: "vigie-panel",
                                  "aria-label": "Conversation avec Vigie" });
    panel.hidden = true;
    panel.append(buildHeader(parts), buildNotice(parts), buildLog(parts), buildForm(parts));
    return panel;
  }

  function buildHeader(parts) {
    const header = el("div", { class: "vigie-header" });
    const title = el("p", { class: "vigie-title" }, "Vigie");
    parts.countryButton = el("button", { type: "button", class: "vigie-country" });
    parts.minimize = el("button", { type: "button", class: "vigie-minimize",
                                    "aria-label": "Réduire la fenêtre de chat" }, "–");
    parts.quit = el("button", { type: "button", class: "vigie-quit",
                                "aria-describedby": "vigie-quit-help" }, "Quitter");
    header.append(title, parts.countryButton, parts.minimize, parts.quit);
    return header;
  }

  function buildNotice(parts) {
    parts.notice = el("p", { class: "vigie-notice" });
    return parts.notice;
  }

  function buildLog(parts) {
    // role=log is aria-live=polite: new bot messages are read out by screen readers.
    parts.log = el("div", { class: "vigie-log", role: "log", "aria-live": "polite",
                            "aria-label": "Messages", tabindex: "0" });
    return parts.log;
  }

  function buildForm(parts) {
    const form = el("form", { class: "vigie-form" });
    const label = el("label", { for: "vigie-input", class: "vigie-sr" }, "Ton message à Vigie");
    // autocomplete=off: the browser must not remember what a teen typed here.
    parts.input = el("input", { id: "vigie-input", type: "text", maxlength: "500",
                                autocomplete: "off", enterkeyhint: "send",
                                placeholder: "Écris ton message…" });
    const send = el("button", { type: "submit", class: "vigie-send" }, "Envoyer");
    // The Escape hint is hidden on touch screens (no keyboard there), see the stylesheet.
    const help = el("p", { id: "vigie-quit-help", class: "vigie-help" });
    help.append("« Quitter »", el("span", { class: "vigie-escape-hint" }, " ou Échap deux fois"),
                " : tout s'efface et un autre site s'ouvre.");
    form.append(label, parts.input, send, help);
    parts.form = form;
    return form;
  }

  // ---------- country ----------

  function showCountry() {
    const country = COUNTRIES[state.country];
    ui.countryButton.textContent = "";
    ui.countryButton.append(srOnly("Pays : "), country.name, srOnly(" (changer)"));
    ui.notice.textContent = "";
    // Short enough for one line on a 360 px phone, with every country's numbers.
    ui.notice.append("Vigie est un robot. Urgence\u00a0: ");
    country.emergency.forEach((number, i) => {
      if (i) ui.notice.append(" ou ");
      ui.notice.append(link(number, "tel:" + number.replace(/\D/g, ""), false));
    });
    ui.notice.append(".");
  }

  function countryPayload(code) {
    return `/informer_pays{"pays":"${code}"}`;
  }

  function countryFromPayload(payload) {
    const match = /^\/informer_pays\{"pays":"([A-Z]{2})"\}$/.exec(payload || "");
    return match && COUNTRIES[match[1]] ? match[1] : null;
  }

  function setCountry(code) {
    if (code && code !== state.country) {
      state.country = code;
      showCountry();
    }
  }

  function askCountry() {
    clearReplies();
    addBotMessage("Tu es dans quel pays ? Je te donnerai les bons numéros.");
    addReplies(Object.keys(COUNTRIES).map((code) => ({
      title: COUNTRIES[code].name, payload: countryPayload(code) })));
    focusFirstReply();
  }

  // ---------- messages ----------

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function addMessage(kind, speaker, text) {
    const bubble = el("div", { class: "vigie-msg vigie-msg--" + kind });
    const body = el("p", { class: "vigie-text" });
    if (kind === "user") body.textContent = text;
    else appendLinkified(body, typeset(text));
    bubble.append(srOnly(speaker + " : "), body);
    ui.log.append(bubble);
    scrollToEnd();
    return bubble;
  }

  function addBotMessage(text) {
    const bubble = addMessage("bot", "Vigie", text);
    addCopyButtons(bubble, text);
    return bubble;
  }

  // Ready-to-send words ("Des mots à copier : « Non. »"): one copy button per quoted phrase.
  const COPY_MARK = /à copier/i;
  const QUOTED = /«\s*([^»]+?)\s*»/g;

  function addCopyButtons(bubble, text) {
    if (!COPY_MARK.test(text)) return;
    const phrases = [...text.matchAll(QUOTED)].map((m) => m[1]).filter((p) => !/^si tu m'aimais$/i.test(p));
    if (!phrases.length) return;
    const group = el("div", { class: "vigie-copies", role: "group", "aria-label": "Mots à copier" });
    for (const phrase of phrases) {
      const button = el("button", { type: "button", class: "vigie-copy" }, "Copier « " + phrase + " »");
      button.addEventListener("click", () => copyPhrase(button, phrase));
      group.append(button);
    }
    bubble.append(group);
  }

  function copyPhrase(button, phrase) {
    const done = () => {
      button.classList.add("vigie-copied");
      button.textContent = "Copié ✓ « " + phrase + " »";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(phrase).then(done, () => selectPhrase(button, phrase, done));
    } else {
      selectPhrase(button, phrase, done);
    }
  }

  function selectPhrase(button, phrase, done) {
    // no clipboard (an old browser, a refused permission): the phrase is selected to copy by hand
    const area = el("textarea", { class: "vigie-copy-area", readonly: "" });
    area.value = phrase;
    button.after(area);
    area.select();
    done();
  }

  function addReplies(buttons) {
    const group = el("div", { class: "vigie-replies", role: "group",
                              "aria-label": "Réponses rapides" });
    for (const button of buttons) {
      if (typeof button.title !== "string" || typeof button.payload !== "string") continue;
      const node = el("button", { type: "button", class: "vigie-reply" }, button.title);
      node.addEventListener("click", () => chooseReply(button));
      group.append(node);
    }
    ui.log.append(group);
    scrollToEnd();
  }

  function clearReplies() {
    // Only the latest choices stay: older ones would answer a question no longer asked.
    for (const group of ui.log.querySelectorAll(".vigie-replies")) group.remove();
  }

  function focusFirstReply() {
    const first = ui.log.querySelector(".vigie-reply");
    if (first) first.focus();
  }

  function contactLinks(contact) {
    const name = String(contact.name || "");
    const links = [];
    const phone = typeof contact.phone === "string" && phoneHref(contact.phone, "");
    if (phone) links.push(link("Appeler le " + keepTogether(contact.phone), phone, false));
    const sms = typeof contact.sms === "string" && phoneHref(contact.sms, "SMS");
    if (sms) links.push(link("SMS au " + keepTogether(contact.sms), sms, false));
    const web = typeof (contact.chat || contact.web) === "string" && safeWebUrl(contact.chat || contact.web);
    if (web) {
      const site = link(contact.chat ? "Chat" : "Site", web, true);
      site.insertBefore(srOnly(" de " + name), site.lastChild);
      links.push(site);
    }
    return links;
  }

  function addContacts(contacts, title) {
    const card = el("ul", { class: "vigie-contacts", "aria-label": "Contacts utiles" });
    if (typeof title === "string" && title) {
      card.append(el("li", { class: "vigie-contacts-title" }, title));
    }
    for (const contact of contacts) {
      if (!contact || typeof contact !== "object") continue;
      const item = el("li", { class: "vigie-contact" });
      item.append(el("span", { class: "vigie-contact-name" }, String(contact.name || "")));
      if (typeof contact.status === "string" && contact.status) {
        item.append(el("span", { class: contact.open === false ? "vigie-closed" : "vigie-status" },
                       contact.status));
      } else if (contact.open === false) {
        item.append(el("span", { class: "vigie-closed" }, "fermé maintenant"));
      }
      if (typeof contact.details === "string" && contact.details) {
        item.append(el("span", { class: "vigie-contact-details" }, contact.details));
      }
      const links = el("span", { class: "vigie-contact-links" });
      links.append(...contactLinks(contact));
      item.append(links);
      card.append(item);
    }
    ui.log.append(card);
    scrollToEnd();
  }

  function renderAnswers(answers) {
    // A helpline list sent both as text and as a card is shown once, as the card.
    const cardTexts = new Set(answers.map((a) => a && a.custom && a.custom.text).filter(Boolean));
    const before = ui.log.lastElementChild;
    for (const answer of answers) {
      if (!answer || typeof answer !== "object") continue;
      if (typeof answer.text === "string" && answer.text && !cardTexts.has(answer.text)) {
        addBotMessage(answer.text);
      }
      // the bot confirms a country it understood ("je suis à Lausanne") in `custom.pays`
      if (answer.custom && typeof answer.custom.pays === "string") setCountry(answer.custom.pays);
      const contacts = answer.custom && answer.custom.contacts;
      if (Array.isArray(contacts) && contacts.length) addContacts(contacts, answer.custom.title);
      if (Array.isArray(answer.buttons) && answer.buttons.length) addReplies(answer.buttons);
    }
    showStartOf(before ? before.nextElementSibling : ui.log.firstElementChild);
  }

  function showStartOf(node) {
    // The start of a new answer holds its key line: scroll it to the top, not to the end.
    if (!node) return;
    ui.log.scrollTop += node.getBoundingClientRect().top - ui.log.getBoundingClientRect().top;
  }

  function errorText() {
    const country = COUNTRIES[state.country];
    return `Le serveur ne répond pas, appelle le ${country.helpline} ou le ` +
      `${country.emergency.join(" ou le ")} en cas de danger.`;
  }

  function setTyping(on) {
    const current = ui.log.querySelector(".vigie-typing");
    if (!on) {
      if (current) current.remove();
      return;
    }
    if (current) return;
    const typing = el("div", { class: "vigie-typing" });
    typing.append(srOnly("Vigie écrit…"));
    const dots = el("span", { class: "vigie-dots", "aria-hidden": "true" });
    dots.append(el("span"), el("span"), el("span"));
    typing.append(dots);
    ui.log.append(typing);
    scrollToEnd();
  }

  // ---------- talking to Rasa (REST channel) ----------

  function webhookUrl() {
    return config.server + "/webhooks/rest/webhook";
  }

  async function post(message) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(webhookUrl(), {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: state.sender, message: message }),
        credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer",
        signal: controller.signal,
      });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const answers = await response.json();
      if (!Array.isArray(answers) || !answers.length) throw new Error("empty answer");
      return answers;
    } finally {
      clearTimeout(timer);
    }
  }

  async function exchange(message, sender) {
    setTyping(true);
    try {
      const answers = await post(message);
      if (sender === state.sender) renderAnswers(answers); // not after a wipe
    } catch (error) {
      if (sender === state.sender) addMessage("error", "Vigie", errorText());
    } finally {
      if (sender === state.sender) setTyping(false);
    }
  }

  function send(message, shownAs) {
    clearReplies();
    if (shownAs) addMessage("user", "Toi", shownAs);
    const sender = state.sender;
    // One exchange at a time, so answers appear in the order of the questions.
    state.queue = state.queue.then(() => exchange(message, sender));
    return state.queue;
  }

  function chooseReply(button) {
    setCountry(countryFromPayload(button.payload));
    send(button.payload, button.title);
    ui.input.focus();
  }

  function start() {
    if (state.started) return;
    state.started = true;
    const sender = state.sender;
    if (config.country) {
      // The site's country, set before the welcome; its confirmation is not shown.
      state.queue = state.queue.then(() => post(countryPayload(config.country)).catch(() => null));
    }
    state.queue = state.queue.then(() => exchange("/saluer", sender));
  }

  // ---------- leaving ----------

  function eraseOnServer() {
    if (!state.started) return;
    // keepalive: the request outlives the page; text/plain + no-cors: no preflight needed.
    fetch(webhookUrl(), {
      method: "POST", mode: "no-cors", keepalive: true, credentials: "omit",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify({ sender: state.sender, message: "/effacer" }),
    }).catch(() => null);
  }

  function wipe() {
    ui.log.replaceChildren();
    ui.input.value = "";
    state.sender = newSender();
    state.started = false;
    state.queue = Promise.resolve();
  }

  function quickExit() {
    eraseOnServer();
    wipe();
    ui.panel.hidden = true;
    // replace(), not assign(): Back must not bring the chat back.
    window.location.replace(config.exitUrl);
  }

  function onKeydown(event) {
    if (event.key !== "Escape") return;
    const now = Date.now();
    if (now - state.lastEscape < ESCAPE_WINDOW_MS) quickExit();
    state.lastEscape = now;
  }

  function onPageHide() {
    // Closing or leaving the tab ends the conversation, here and on the server.
    eraseOnServer();
    wipe();
  }

  function onPageShow(event) {
    if (event.persisted && !ui.panel.hidden) start(); // restored from the back/forward cache
  }

  // ---------- opening and closing ----------

  function open() {
    ui.panel.hidden = false;
    ui.launcher.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "true");
    ui.input.focus();
    start();
  }

  function close() {
    ui.panel.hidden = true;
    ui.launcher.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.focus();
  }

  function onSubmit(event) {
    event.preventDefault();
    const text = ui.input.value.trim();
    if (!text) return;
    ui.input.value = "";
    send(text, text);
  }

  function init() {
    ui = build();
    showCountry();
    ui.launcher.addEventListener("click", open);
    ui.minimize.addEventListener("click", close);
    ui.quit.addEventListener("click", quickExit);
    ui.countryButton.addEventListener("click", askCountry);
    ui.form.addEventListener("submit", onSubmit);
    document.addEventListener("keydown", onKeydown, true);
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("pageshow", onPageShow);
    if (config.open) open();
  }

  window.VigieWidget = { open: () => open(), close: () => close(), quickExit: () => quickExit(),
                         countries: JSON.parse(JSON.stringify(COUNTRIES)) };
  if (document.body) init();
  else document.addEventListener("DOMContentLoaded", init);
})();
