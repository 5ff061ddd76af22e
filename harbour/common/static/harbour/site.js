/* Harbour: progressive enhancement only. Every page works without this file. */
(function () {
  "use strict";
  var EXIT_PATH = "/exit";
  var SHIFT_WINDOW_MS = 5000;
  var NOTICE_KEY = "harbour-exit-notice-seen";

  function leave(event) {
    if (event) { event.preventDefault(); }
    // Hide the page at once, then replace this history entry so Back does not return here.
    document.body.className += " is-leaving";
    document.title = "";
    try { window.sessionStorage.clear(); window.localStorage.clear(); } catch (e) { /* private mode */ }
    window.location.replace(EXIT_PATH);
  }

  function setUpQuickExit() {
    var button = document.querySelector("[data-quick-exit-button]");
    var status = document.querySelector("[data-quick-exit-status]");
    if (button) { button.addEventListener("click", leave); }
    var presses = 0;
    var timer = null;
    function announce(key) { if (status) { status.textContent = status.getAttribute("data-" + key) || ""; } }
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift" || event.repeat) {
        if (event.key !== "Shift") { presses = 0; }
        return;
      }
      presses += 1;
      window.clearTimeout(timer);
      if (presses >= 3) {
        announce("leaving");
        leave();
        return;
      }
      announce(presses === 1 ? "two-more" : "one-more");
      timer = window.setTimeout(function () { presses = 0; announce("timed-out"); }, SHIFT_WINDOW_MS);
    });
  }

  function setUpNotice() {
    // Shown once per browsing session; remembered in sessionStorage (never a cookie),
    // which the exit clears.
    var notice = document.querySelector("[data-exit-notice]");
    if (!notice) { return; }
    var seen = false;
    try { seen = window.sessionStorage.getItem(NOTICE_KEY) === "1"; } catch (e) { seen = false; }
    if (seen) { return; }
    notice.hidden = false;
    var close = notice.querySelector("[data-exit-notice-close]");
    if (close) {
      close.addEventListener("click", function () {
        notice.hidden = true;
        try { window.sessionStorage.setItem(NOTICE_KEY, "1"); } catch (e) { /* private mode */ }
      });
    }
  }

  function openTargetedAnswer() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var target = document.getElementById(id);
    if (target && target.tagName === "DETAILS") {
      target.open = true;
      target.scrollIntoView();
    }
  }

  function setUpAccordion() {
    var tools = document.querySelector("[data-accordion-tools]");
    var toggle = document.querySelector("[data-accordion-toggle]");
    if (!tools || !toggle) { return; }
    tools.hidden = false;
    toggle.addEventListener("click", function () {
      var all = document.querySelectorAll(".accordion details");
      var anyClosed = Array.prototype.some.call(all, function (d) { return !d.open; });
      Array.prototype.forEach.call(all, function (d) { d.open = anyClosed; });
      toggle.textContent = anyClosed ? toggle.getAttribute("data-close-label") : toggle.getAttribute("data-open-label");
    });
    openTargetedAnswer();
    window.addEventListener("hashchange", openTargetedAnswer);
  }

  function setUpChat() {
    // Ask without reloading the page; the server renders the answer, as it does without
    // JavaScript, and nothing is kept in the browser but the page itself.
    var form = document.querySelector("[data-chat-form]");
    var log = document.querySelector("[data-chat-log]");
    if (!form || !log || !window.fetch || !window.FormData) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      var message = form.querySelector("textarea");
      var previous = form.querySelector("[data-chat-previous]");
      var data = new FormData(form);
      button.disabled = true;
      fetch(form.action, {method: "POST", body: data, headers: {"X-Harbour-Fragment": "1"},
                          credentials: "same-origin", cache: "no-store"})
        .then(function (response) { return response.text().then(function (html) { return [response.ok, html]; }); })
        .then(function (result) {
          var holder = document.createElement("div");
          holder.innerHTML = result[1];
          var reply = holder.firstElementChild;
          if (!reply) { throw new Error("empty"); }
          log.appendChild(reply);
          if (result[0]) { previous.value = message.value.slice(0, 2000); message.value = ""; }
          var heading = reply.querySelector("h2") || reply;
          heading.setAttribute("tabindex", "-1");
          heading.focus();
        })
        .catch(function () { form.submit(); })
        .then(function () { button.disabled = false; });
    });
  }

  setUpQuickExit();
  setUpChat();
  setUpNotice();
  setUpAccordion();
}());
