// The agency console's only script (the Content-Security-Policy forbids inline script).
// The queue updates live from server-sent events: rows are rendered (and escaped) by the
// server; while anything is unacknowledged the rows flash (CSS), the alarm loops once sound
// is enabled, a desktop notification is raised for each new alarm, and the count stands in
// the tab title.
"use strict";

(function () {
  const body = document.body;
  const alarm = document.getElementById("alarm");
  const soundButton = document.getElementById("enable-sound");
  const lost = document.getElementById("live-lost");
  const i18n = document.getElementById("i18n");
  const baseTitle = document.title;
  const seen = new Set();
  let soundOn = sessionStorage.getItem("td-sound") === "on";
  let firstEvent = true;

  function setSound(on) {
    soundOn = on;
    sessionStorage.setItem("td-sound", on ? "on" : "off");
    if (soundButton && on && i18n) {
      soundButton.textContent = i18n.dataset.soundOn;
      soundButton.setAttribute("aria-pressed", "true");
    }
  }

  if (soundButton) {
    if (soundOn) setSound(true);
    soundButton.addEventListener("click", function () {
      // A click lets the page play sound and ask for notifications (browsers require one).
      setSound(true);
      if (alarm) {
        alarm.play().then(function () { alarm.pause(); alarm.currentTime = 0; }).catch(function () {});
      }
      if ("Notification" in window && Notification.permission === "default") {
        Notification.requestPermission().catch(function () {});
      }
    });
  }

  function alarmFor(unacknowledged) {
    if (!alarm) return;
    if (unacknowledged.length > 0 && soundOn) {
      alarm.loop = true;
      alarm.play().catch(function () {});
    } else {
      alarm.loop = false;
      alarm.pause();
    }
  }

  function notify(unacknowledged, text) {
    const fresh = unacknowledged.filter(function (id) { return !seen.has(id); });
    unacknowledged.forEach(function (id) { seen.add(id); });
    if (firstEvent || fresh.length === 0) return;
    if ("Notification" in window && Notification.permission === "granted") {
      try {
        new Notification(i18n ? i18n.dataset.app : "TalentDesk", { body: text, tag: "td-queue" });
      } catch (e) { /* some browsers only allow notifications from a service worker */ }
    }
  }

  function tickAges() {
    const now = Date.now();
    document.querySelectorAll(".age[data-since]").forEach(function (el) {
      const seconds = Math.max(0, Math.round((now - Number(el.dataset.since)) / 1000));
      const m = Math.floor(seconds / 60);
      el.textContent = m > 0 ? m + ":" + String(seconds % 60).padStart(2, "0") : seconds + " s";
    });
  }

  function showCount(unacknowledged, title) {
    document.title = (unacknowledged.length ? "(" + unacknowledged.length + ") " : "") + (title || baseTitle);
  }

  function refreshLiveItem() {
    const item = document.querySelector("[data-live^='/console/']");
    if (!item) return;
    fetch(item.dataset.live, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null) item.innerHTML = html; })
      .catch(function () {});
  }

  if (body.dataset.page !== "login" && "EventSource" in window && soundButton) {
    const source = new EventSource("/console/events");
    source.addEventListener("queue", function (event) {
      const data = JSON.parse(event.data);
      if (lost) lost.hidden = true;
      const queue = document.getElementById("queue");
      if (queue) {
        queue.innerHTML = data.rows;
        tickAges();
      } else {
        refreshLiveItem();
      }
      showCount(data.unacknowledged, body.dataset.page === "queue" ? data.title : null);
      alarmFor(data.unacknowledged);
      notify(data.unacknowledged, data.notify);
      firstEvent = false;
      body.dataset.liveSeq = String(Number(body.dataset.liveSeq || "0") + 1);
    });
    source.addEventListener("error", function () { if (lost) lost.hidden = false; });
  }
  tickAges();
  setInterval(tickAges, 1000);
})();
