// The agency console's only script (the Content-Security-Policy forbids inline script).
// The queue updates live from server-sent events: rows are rendered (and escaped) by the
// server. While anything is unacknowledged the rows pulse (CSS), the alarm loops once sound
// is on, a desktop notification is raised and a screen reader told of each new alarm, and
// the count stands in the tab title and the header. Waiting timers count every second from
// the server's clock. The header's "Colours" choice is kept in a cookie the server reads,
// so pages are drawn in it from the first paint.
"use strict";

(function () {
  const root = document.documentElement;
  const body = document.body;
  const alarm = document.getElementById("alarm");
  const soundButton = document.getElementById("enable-sound");
  const soundBanner = document.getElementById("sound-off");
  const soundBannerText = document.getElementById("sound-off-text");
  const soundNow = document.getElementById("sound-on-now");
  const alertsState = document.getElementById("alerts-state");
  const lost = document.getElementById("live-lost");
  const signedOut = document.getElementById("signed-out");
  const pill = document.getElementById("alarm-pill");
  const announcer = document.getElementById("announcer");
  const i18n = document.getElementById("i18n");
  const words = i18n ? i18n.dataset : {};
  const baseTitle = document.title;
  const seen = new Set();
  let soundOn = localStorage.getItem("td-sound") === "on";
  let soundBlocked = false;
  let ringing = false;
  let firstEvent = true;
  let clockOffset = 0; // server time minus this browser's time, in ms

  // --- colours -------------------------------------------------------------------------
  const theme = document.getElementById("theme");
  if (theme) {
    theme.addEventListener("change", function () {
      const value = theme.value;
      if (value === "light" || value === "dark") {
        root.dataset.theme = value;
        document.cookie = "td_theme=" + value + "; path=/console; max-age=31536000; SameSite=Strict";
      } else {
        delete root.dataset.theme;
        document.cookie = "td_theme=; path=/console; max-age=0; SameSite=Strict";
      }
    });
  }

  // --- the phone's menu ----------------------------------------------------------------
  const menu = document.getElementById("menu-toggle");
  if (menu) {
    menu.addEventListener("click", function () {
      const bar = menu.closest(".bar");
      const open = !bar.classList.contains("open");
      bar.classList.toggle("open", open);
      menu.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // --- the account's menu ----------------------------------------------------------------
  // A <details>: it opens and closes without script. The script closes it on a click
  // elsewhere or Escape, and keeps it open inside the phone's menu, where it is laid out
  // in full.
  const account = document.getElementById("account");
  if (account) {
    const phone = window.matchMedia("(max-width: 700px)");
    const fit = function () { account.open = phone.matches; };
    fit();
    phone.addEventListener("change", fit);
    account.querySelector("summary").addEventListener("click", function (event) {
      if (phone.matches) event.preventDefault();
    });
    document.addEventListener("click", function (event) {
      if (!phone.matches && account.open && !account.contains(event.target)) account.open = false;
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !phone.matches && account.open) {
        account.open = false;
        account.querySelector("summary").focus();
      }
    });
  }

  // --- sound and notifications ----------------------------------------------------------
  function showSoundState() {
    if (soundButton) {
      soundButton.textContent = soundOn ? words.soundOn : words.soundOff;
      soundButton.setAttribute("aria-pressed", soundOn ? "true" : "false");
    }
    if (soundBanner) {
      soundBanner.hidden = soundOn && !soundBlocked;
      if (soundBannerText && soundBlocked) soundBannerText.textContent = words.soundBlocked;
    }
    if (alertsState) {
      alertsState.hidden = !soundOn || soundBlocked;
      if (!("Notification" in window)) alertsState.textContent = words.notifyUnsupported;
      else if (Notification.permission === "denied") alertsState.textContent = words.notifyDenied;
      else alertsState.textContent = words.notifyOn;
    }
  }

  function play() {
    if (!alarm) return;
    alarm.loop = true;
    alarm.play().then(function () {
      if (soundBlocked) { soundBlocked = false; showSoundState(); }
    }).catch(function () {
      // Browsers refuse sound until the page has been clicked once since it loaded.
      soundBlocked = true;
      showSoundState();
    });
  }

  function setSound(on) {
    soundOn = on;
    localStorage.setItem("td-sound", on ? "on" : "off");
    if (on && alarm) {
      // A click lets the page play sound and ask for notifications (browsers require one).
      if (ringing) play();
      else alarm.play().then(function () { alarm.pause(); alarm.currentTime = 0; }).catch(function () {});
      if ("Notification" in window && Notification.permission === "default") {
        Notification.requestPermission().then(showSoundState).catch(function () {});
      }
    } else if (alarm) {
      alarm.pause();
    }
    soundBlocked = false;
    showSoundState();
  }

  if (soundButton) soundButton.addEventListener("click", function () { setSound(!soundOn); });
  if (soundNow) soundNow.addEventListener("click", function () { setSound(true); });
  document.addEventListener("pointerdown", function () { if (soundBlocked && ringing) play(); });
  document.addEventListener("keydown", function () { if (soundBlocked && ringing) play(); });
  showSoundState();

  function alarmFor(unacknowledged) {
    ringing = unacknowledged.length > 0;
    if (!alarm) return;
    if (ringing && soundOn) {
      if (alarm.paused) play();
    } else {
      alarm.loop = false;
      alarm.pause();
      if (soundBlocked) { soundBlocked = false; showSoundState(); }
    }
  }

  function tellOfNew(alarms) {
    const fresh = alarms.filter(function (a) { return !seen.has(a.id); });
    alarms.forEach(function (a) { seen.add(a.id); });
    if (firstEvent || fresh.length === 0) return;
    const text = fresh.map(function (a) { return a.text; }).join("; ");
    if (announcer) announcer.textContent = words.newAlarm + ": " + text;
    if ("Notification" in window && Notification.permission === "granted") {
      try {
        const note = new Notification(words.app || "TalentDesk", { body: text, tag: "td-queue", renotify: true });
        note.onclick = function () { window.focus(); note.close(); };
      } catch (e) { /* some browsers only allow notifications from a service worker */ }
    }
  }

  // --- waiting timers ------------------------------------------------------------------
  function clock(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = String(seconds % 60).padStart(2, "0");
    return h > 0 ? h + ":" + String(m).padStart(2, "0") + ":" + s : m + ":" + s;
  }

  function tickAges() {
    const now = Date.now() + clockOffset;
    document.querySelectorAll(".age[data-since]").forEach(function (el) {
      const seconds = Math.max(0, Math.floor((now - Number(el.dataset.since)) / 1000));
      const text = clock(seconds);
      if (el.textContent !== text) el.textContent = text;
    });
  }

  function syncClock(serverNow) {
    if (serverNow) clockOffset = Number(serverNow) - Date.now();
  }

  // --- the live queue ------------------------------------------------------------------
  function showCount(count, title) {
    document.title = (count ? "(" + count + ") " : "") + (title || baseTitle);
    if (pill) {
      pill.hidden = count === 0 || body.dataset.page === "queue";
      pill.textContent = (words.waiting || "{count}").replace("{count}", String(count));
    }
  }

  function replaceQueue(queue, html) {
    // Keep the keyboard where it was (a Take button, a link) across the redraw.
    const focused = document.activeElement;
    const focusedId = focused && queue.contains(focused) ? focused.id : "";
    queue.innerHTML = html;
    if (focusedId) {
      const again = document.getElementById(focusedId);
      const count = document.getElementById("queue-count");
      if (again) again.focus();
      else if (count) count.focus();
    }
  }

  function refreshLiveItem() {
    // An alarm's page has two live parts (its facts, its history) around the forms,
    // which are never redrawn (a note being typed stays).
    document.querySelectorAll("[data-live^='/console/']").forEach(function (item) {
      fetch(item.dataset.live, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (r) {
          if (r.redirected) { showSignedOut(); return null; } // to the sign-in page
          return r.ok ? r.text() : null;
        })
        .then(function (html) { if (html !== null) { item.innerHTML = html; tickAges(); } })
        .catch(function () {});
    });
  }

  const queueNow = document.getElementById("queue-now");
  if (queueNow) syncClock(queueNow.dataset.serverNow);
  const queueAtLoad = document.getElementById("queue");
  if (queueAtLoad) {
    // What the page already shows is not news.
    queueAtLoad.querySelectorAll("tr.unacked[data-id]").forEach(function (row) { seen.add(row.dataset.id); });
    firstEvent = false;
  }

  // One click is one take: a second click while the first is on its way does nothing.
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.classList.contains("take-form")) {
      const button = form.querySelector("button");
      if (button) setTimeout(function () { button.disabled = true; }, 0);
    }
  });

  // The session ended (signed out elsewhere, expired, account disabled): say so in red and
  // stop listening. Alarms already ringing keep ringing: nobody has taken them.
  let source = null;
  function showSignedOut() {
    if (source) { source.close(); source = null; }
    if (lost) lost.hidden = true;
    if (signedOut) signedOut.hidden = false;
    body.dataset.signedOut = "1";
  }

  function onQueue(event) {
    const data = JSON.parse(event.data);
    if (lost) lost.hidden = true;
    syncClock(data.server_now);
    const queue = document.getElementById("queue");
    if (queue) {
      replaceQueue(queue, data.rows);
    } else {
      refreshLiveItem();
    }
    tickAges();
    showCount(data.unacknowledged.length, body.dataset.page === "queue" ? data.title : null);
    alarmFor(data.unacknowledged);
    tellOfNew(data.alarms || []);
    firstEvent = false;
    body.dataset.liveSeq = String(Number(body.dataset.liveSeq || "0") + 1);
  }

  function listen() {
    source = new EventSource("/console/events");
    source.addEventListener("queue", onQueue);
    source.addEventListener("signed_out", showSignedOut);
    source.addEventListener("error", function () {
      if (!source) return;
      if (source.readyState !== EventSource.CLOSED) {
        if (lost) lost.hidden = false; // the browser reconnects by itself
        return;
      }
      // Answered with something other than the stream (a redirect to the sign-in page, a
      // 401, an error page): the browser gives up. Ask whether the session is still alive.
      source.close();
      source = null;
      fetch("/console/queue", { credentials: "same-origin", redirect: "manual" })
        .then(function (r) {
          if (r.type === "opaqueredirect" || r.status === 401 || r.status === 403) showSignedOut();
          else throw new Error("not signed out");
        })
        .catch(function () {
          if (lost) lost.hidden = false;
          setTimeout(function () { if (!body.dataset.signedOut) listen(); }, 5000);
        });
    });
  }

  if (body.dataset.page !== "login" && "EventSource" in window && soundButton) listen();
  tickAges();
  setInterval(tickAges, 1000);
})();
