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
})();
