// Small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Ask before a destructive form is submitted (the server asks again without JS).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    // A second click while the first is on its way sends nothing more (the server also
    // makes one thing per form: see submissions/once.py).
    if (form.method && form.method.toLowerCase() === "post" && !form.hasAttribute("hx-post")) {
      if (form._sent) {
        event.preventDefault();
        return;
      }
      window.setTimeout(function () { if (!event.defaultPrevented) form._sent = true; }, 0);
    }
    // Show that long work has started: the button spins and says what is happening.
    var button = form.querySelector && form.querySelector("button[data-busy-text]");
    if (button && !event.defaultPrevented) {
      button.setAttribute("aria-busy", "true");
      button.textContent = button.dataset.busyText;
    }
  });

  // Copy a message to the clipboard (LinkedIn notes). Without JS the text sits in a
  // read-only box to select by hand, so the button only appears when it can work.
  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.dataset.copyTarget);
      var label = button.textContent;
      navigator.clipboard.writeText(source.value || source.textContent).then(function () {
        button.textContent = button.dataset.copiedText || "Copied";
        window.setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        source.focus();
        source.select();
      });
    });
  });

  // Upload progress for htmx forms that carry a <progress data-upload-progress>.
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.target.closest ? event.target.closest("form") : null;
    var bar = form && form.querySelector("progress[data-upload-progress]");
    if (!bar || !event.detail.lengthComputable) return;
    var status = form.querySelector("[data-upload-status]");
    bar.hidden = false;
    bar.max = event.detail.total;
    bar.value = event.detail.loaded;
    if (status) {
      status.textContent = event.detail.loaded < event.detail.total
        ? "Uploading… " + Math.round(100 * event.detail.loaded / event.detail.total) + "%"
        : "Reading the file…";
    }
  });

  // Nothing typed is lost.
  // - A form marked data-keep saves itself a moment after typing stops (htmx, with
  //   hx-trigger on the form) and says so in its status line.
  // - Before another form on the page is sent, kept forms with unsaved typing are saved
  //   first, so the page that comes back shows them.
  // - Any other form's typing is kept in this tab (sessionStorage) until it is sent, so it
  //   comes back if another form on the page reloads it.
  // - Leaving a page with typing that is not saved anywhere yet asks first.
  var edited = new Map(); // form -> number of edits not yet saved
  var STASH = "coffeechat:typed:";
  var DAY = 24 * 60 * 60 * 1000;
  var leaving = false; // a form is being sent: the rest is saved or kept in the tab

  function tracked(form) {
    return form && form.method && form.method.toLowerCase() === "post" &&
      !form.hasAttribute("data-not-kept");
  }
  function typedFields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && !el.disabled &&
        (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" &&
          /^(text|email|url|tel|search|number|date|time|datetime-local)$/.test(el.type)));
    });
  }
  function stashKey(form) {
    return STASH + location.pathname + "|" + (form.getAttribute("action") || "") + "|" +
      (form.id || "");
  }
  function stash(form) {
    if (form.hasAttribute("data-keep")) return; // saved on the server instead
    var values = {};
    typedFields(form).forEach(function (el) { values[el.name] = el.value; });
    try {
      sessionStorage.setItem(stashKey(form), JSON.stringify({at: Date.now(), values: values}));
    } catch (e) { /* storage full or off: the unsaved-typing warning still guards it */ }
  }
  function unstash(form) {
    try { sessionStorage.removeItem(stashKey(form)); } catch (e) { /* nothing kept */ }
  }
  function restore(form) {
    var saved;
    try { saved = JSON.parse(sessionStorage.getItem(stashKey(form)) || "null"); } catch (e) { return; }
    if (!saved || Date.now() - saved.at > DAY) { unstash(form); return; }
    var restored = false;
    typedFields(form).forEach(function (el) {
      var value = saved.values[el.name];
      // Only into a field the page left as it was: what the server sent back wins.
      if (value && el.value === el.defaultValue && value !== el.value) {
        el.value = value;
        restored = true;
      }
    });
    if (restored) edited.set(form, 1);
  }
  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function saveNow(form) {
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: {"HX-Request": "true", "X-CSRFToken": csrfToken()},
    }).then(function (response) {
      if (response.ok) edited.delete(form);
    });
  }

  document.querySelectorAll("form").forEach(function (form) {
    if (tracked(form)) restore(form);
  });
  // Text typed before the scripts ran (a quick typist on a slow page) or brought back
  // from the stash: once htmx listens (it starts on DOMContentLoaded, before this), tell
  // the live parts, such as the message checker, that the form changed.
  document.addEventListener("DOMContentLoaded", function () {
    window.setTimeout(function () {
      document.querySelectorAll("form").forEach(function (form) {
        if (!tracked(form)) return;
        var typed = typedFields(form).filter(function (el) { return el.value !== el.defaultValue; });
        if (!typed.length) return;
        if (!edited.has(form)) edited.set(form, 1);
        typed[0].dispatchEvent(new Event("change", {bubbles: true}));
      });
    }, 0);
  });
  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (!tracked(form) || typedFields(form).indexOf(event.target) < 0) return;
    edited.set(form, (edited.get(form) || 0) + 1);
    stash(form);
  });
  // A kept form's own save: forget the edits it carried (not those typed meanwhile).
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (form.hasAttribute && form.hasAttribute("data-keep")) form._sending = edited.get(form) || 0;
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (!form.hasAttribute || !form.hasAttribute("data-keep") || !event.detail.successful) return;
    var left = (edited.get(form) || 0) - (form._sending || 0);
    if (left > 0) edited.set(form, left); else edited.delete(form);
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !tracked(form)) return;
    var unsaved = [];
    edited.forEach(function (_, other) {
      if (other !== form && other.hasAttribute("data-keep") && document.contains(other)) {
        unsaved.push(other);
      }
    });
    if (unsaved.length && !form._flushed) {
      // Save the other kept forms first, then send this one as the person asked.
      event.preventDefault();
      var submitter = event.submitter;
      Promise.all(unsaved.map(saveNow)).finally(function () {
        form._flushed = true;
        if (form.requestSubmit) form.requestSubmit(submitter || undefined); else form.submit();
      });
      return;
    }
    // Sent the ordinary way: the page is about to go, and what it carries with it.
    form._flushed = false;
    leaving = true;
    edited.delete(form);
    unstash(form);
  });
  window.addEventListener("pageshow", function () {
    leaving = false;
    document.querySelectorAll("form").forEach(function (form) { form._sent = false; });
  });
  window.addEventListener("beforeunload", function (event) {
    if (leaving) return;
    var unsaved = false;
    edited.forEach(function (_, form) {
      if (document.contains(form) && typedFields(form).some(function (el) {
        return el.value !== el.defaultValue;
      })) unsaved = true;
    });
    if (unsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
