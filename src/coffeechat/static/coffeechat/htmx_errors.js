// htmx leaves an error answer (404, 403, 500) unswapped, so a button sent in place would
// seem to do nothing. When a form sent through htmx gets one of coffeechat's error pages
// (say the record was deleted in another tab), show that page instead. Requests that
// were not a click or a submit (saving as you type) are left alone, so typing is not lost.
(function () {
  "use strict";

  document.addEventListener("htmx:responseError", function (event) {
    var detail = event.detail || {};
    var xhr = detail.xhr;
    var trigger = detail.requestConfig && detail.requestConfig.triggeringEvent;
    if (!xhr || !trigger || (trigger.type !== "submit" && trigger.type !== "click")) return;
    if (!/^\s*<!doctype html/i.test(xhr.responseText || "")) return;
    var page = new DOMParser().parseFromString(xhr.responseText, "text/html");
    document.title = page.title;
    document.body.replaceWith(document.adoptNode(page.body));
    var main = document.getElementById("main");
    if (main) main.focus();
  });
})();
