// notesim default theme: sidebar, theme toggle, copy buttons, mobile menu. The pages work without it.
(function () {
  "use strict";
  var html = document.documentElement;
  var root = html.getAttribute("data-root") || "";

  // Sidebar: the list is generated once per site (toc.js); links in it are relative to the
  // site root, so each page prefixes its own path back to the root.
  var sidebar = document.getElementById("sidebar");
  if (sidebar && typeof window.notesimTOC === "string") {
    var current = sidebar.getAttribute("data-page");
    var holder = document.createElement("div");
    holder.innerHTML = window.notesimTOC;
    var links = holder.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var target = link.getAttribute("href");
      if (target === current) {
        link.setAttribute("aria-current", "page");
      }
      link.setAttribute("href", root + target);
    }
    sidebar.textContent = "";
    while (holder.firstChild) sidebar.appendChild(holder.firstChild);
    var active = sidebar.querySelector("[aria-current=page]");
    if (active && active.scrollIntoView) active.scrollIntoView({ block: "nearest" });
  }

  // Light / dark toggle, remembered across pages.
  // The button says whether the dark theme is on (aria-pressed), for screen readers.
  var themeButton = document.querySelector(".theme-toggle");
  if (themeButton) {
    var isDark = function () {
      return html.dataset.theme ? html.dataset.theme === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches;
    };
    themeButton.hidden = false;
    themeButton.setAttribute("aria-pressed", String(isDark()));
    themeButton.addEventListener("click", function () {
      html.dataset.theme = isDark() ? "light" : "dark";
      themeButton.setAttribute("aria-pressed", String(isDark()));
      try { localStorage.setItem("notesim-theme", html.dataset.theme); } catch (e) {}
    });
  }

  // A "#" self-link at the end of each heading with an id (shown on hover and focus), made
  // here instead of being written into every heading of every page.
  var headings = document.querySelectorAll(".note :is(h1, h2, h3, h4, h5, h6)[id]");
  Array.prototype.forEach.call(headings, function (heading) {
    var anchor = document.createElement("a");
    anchor.className = "heading-anchor";
    anchor.href = "#" + heading.id;
    anchor.setAttribute("aria-hidden", "true");
    anchor.tabIndex = -1;
    anchor.textContent = "#";
    heading.appendChild(anchor);
  });

  // Copy buttons on code blocks and scenario sources: each announces "copied" through a
  // polite live region, and works from disk too (execCommand when the Clipboard API is absent).
  var copyLabel = html.getAttribute("data-copy") || "Copy";
  var copiedLabel = html.getAttribute("data-copied") || "Copied";
  var blocks = document.querySelectorAll(".content pre");
  var live = null;
  if (blocks.length) {
    live = document.createElement("span");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);
  }
  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
    } else {
      fallbackCopy(text, done);
    }
  }
  function fallbackCopy(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { if (document.execCommand("copy")) done(); } catch (e) {}
    document.body.removeChild(area);
  }
  Array.prototype.forEach.call(blocks, function (pre) {
    var wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.parentNode.insertBefore(wrapper, pre);
    wrapper.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = copyLabel;
    button.addEventListener("click", function () {
      copyText(pre.textContent, function () {
        button.textContent = copiedLabel;
        live.textContent = "";
        live.textContent = copiedLabel;
        setTimeout(function () { button.textContent = copyLabel; }, 2000);
      });
    });
    wrapper.appendChild(button);
  });

  // The sidebar becomes a drawer on narrow screens.
  var menuButton = document.querySelector(".sidebar-toggle");
  if (menuButton && sidebar) {
    menuButton.hidden = false;
    var setOpen = function (open) {
      html.classList.toggle("sidebar-open", open);
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
    };
    menuButton.addEventListener("click", function () { setOpen(!html.classList.contains("sidebar-open")); });
    // Escape in the open drawer (or on its button) closes it and gives the focus back to the
    // button; not an Escape the search box took, nor one an input method is composing with.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || event.defaultPrevented || event.isComposing || !html.classList.contains("sidebar-open")) return;
      if (!sidebar.contains(document.activeElement) && document.activeElement !== menuButton) return;
      setOpen(false);
      menuButton.focus();
    });
  }
})();
