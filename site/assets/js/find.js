// find.js: "find your commune" as you type, for sites of many communes. The A-Z
// list under the form works without it; this only saves a scroll. It fetches the
// list's prebuilt index (communes/index.json, a few tens of kilobytes compressed)
// the first time the reader types, and matches names without regard to case, tone
// or vowel marks, so "tien tien" finds "Tiên Tiến".
(function () {
  "use strict";
  var form = document.querySelector("[data-find-index]");
  if (!form || !window.fetch || !String.prototype.normalize) {
    return;
  }
  var input = form.querySelector("input");
  var list = form.querySelector("ul");
  var status = form.querySelector("[role=status]");
  var index = null;
  var loading = false;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }

  function show() {
    var q = fold(input.value.trim());
    list.textContent = "";
    if (q.length < 2) {
      status.textContent = "";
      return;
    }
    var shown = 0;
    var found = 0;
    for (var i = 0; i < index.length; i++) {
      if (index[i].k.indexOf(q) < 0) {
        continue;
      }
      found++;
      if (shown >= 20) {
        continue;
      }
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = index[i].u;
      a.textContent = index[i].n;
      li.appendChild(a);
      if (index[i].p) {
        li.appendChild(document.createTextNode(" – " + index[i].p));
      }
      list.appendChild(li);
      shown++;
    }
    status.textContent = form.getAttribute(found ? "data-found" : "data-none").replace("%d", found);
  }

  function load() {
    if (index || loading) {
      return;
    }
    loading = true;
    fetch(form.getAttribute("data-find-index"))
      .then(function (r) { return r.json(); })
      .then(function (rows) {
        for (var i = 0; i < rows.length; i++) {
          rows[i].k = fold(rows[i].n + " " + (rows[i].p || ""));
        }
        index = rows;
        show();
      })
      .catch(function () { loading = false; });
  }

  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  input.addEventListener("input", function () {
    if (index) {
      show();
    } else {
      load();
    }
  });
})();
