// Time-zone pickers (select[data-time-zone]): this device's zone offered first, and a
// search box that narrows the list. Without this file the select still works: common
// zones first, then every place by region (see accounts/time_zones.py).
(function () {
  "use strict";

  var here = "";
  try {
    here = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    here = "";
  }

  function normalize(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[_/()]/g, " ").toLowerCase();
  }

  function offerDeviceZone(select, zone) {
    var label = zone.replace(/_/g, " ");
    var group = document.createElement("optgroup");
    group.label = "This device";
    var option = document.createElement("option");
    option.value = zone;
    option.textContent = label + " (this device)";
    group.appendChild(option);
    var current = select.value;
    select.insertBefore(group, select.firstChild);
    select.value = current;
    if (current === zone) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary outline small time-zone-use-device";
    button.textContent = "Use this device's time zone: " + label;
    button.addEventListener("click", function () {
      option.selected = true;
      button.hidden = true;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      select.focus();
    });
    select.insertAdjacentElement("afterend", button);
  }

  function addSearch(select) {
    var search = document.createElement("input");
    search.type = "search";
    search.className = "time-zone-search";
    search.placeholder = "Search: city or country";
    search.setAttribute("aria-label", "Find a zone by city or country");
    if (select.id) search.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(search, select);

    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();  // don't submit the form
    });
    search.addEventListener("input", function () {
      var words = normalize(search.value).split(/\s+/).filter(Boolean);
      var first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var text = normalize(option.textContent + " " + option.value);
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        option.hidden = !match;
        if (match && !first) first = option;
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        group.hidden = !group.querySelector("option:not([hidden])");
      });
      var chosen = select.options[select.selectedIndex];
      if (first && words.length && (!chosen || chosen.hidden)) {
        first.selected = true;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  document.querySelectorAll("select[data-time-zone]").forEach(function (select) {
    if (here) offerDeviceZone(select, here);
    addSearch(select);
  });
})();
