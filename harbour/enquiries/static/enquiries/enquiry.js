/* Enquiry forms: when she has written her question, show answers that may help now (and the
   emergency guidance if the words describe danger), without stopping her from sending.
   Without JavaScript the "See answers that may help now" button does the same by posting. */
(function () {
  "use strict";
  var form = document.querySelector("[data-enquiry-form]");
  if (!form || !window.fetch) { return; }
  var message = form.querySelector("textarea[name=message]");
  var box = document.querySelector("[data-suggestions]");
  var emergency = document.querySelector("[data-emergency-template]");
  var sending = false;
  var lastAsked = "";

  function show(answer) {
    box.textContent = "";
    if (answer.danger && emergency) {
      box.appendChild(emergency.content.cloneNode(true));
    }
    var results = answer.in_scope ? answer.results.slice(0, 3) : [];
    if (!results.length) { return; }
    var heading = document.createElement("h2");
    heading.textContent = box.getAttribute("data-heading");
    var list = document.createElement("ul");
    list.className = "suggestions__list";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      var snippet = document.createElement("span");
      snippet.className = "suggestions__snippet";
      snippet.textContent = result.snippet;
      item.appendChild(link);
      item.appendChild(document.createElement("br"));
      item.appendChild(snippet);
      list.appendChild(item);
    });
    var after = document.createElement("p");
    after.textContent = box.getAttribute("data-after");
    box.appendChild(heading);
    box.appendChild(list);
    box.appendChild(after);
  }

  function ask() {
    var text = message.value.trim();
    if (text.length < 12 || text === lastAsked) { return; }
    lastAsked = text;
    fetch("/api/answer", {
      method: "POST", headers: {"Content-Type": "application/json"}, credentials: "same-origin",
      body: JSON.stringify({text: text.slice(0, 2000)})
    }).then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer) { show(answer); } })
      .catch(function () { /* the button still works */ });
  }

  message.addEventListener("change", ask);
  var suggest = form.querySelector("[data-suggest-button]");
  if (suggest) {
    suggest.addEventListener("click", function (event) { event.preventDefault(); lastAsked = ""; ask(); });
  }
  // One enquiry however many times the button is pressed (the server checks too).
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (submitter && submitter.value === "suggest") { return; }
    if (sending) { event.preventDefault(); return; }
    sending = true;
    var send = form.querySelector("[data-send-button]");
    if (send) { send.setAttribute("aria-disabled", "true"); }
  });
}());
