// The site's only script. Pages work without it; it enhances GOV.UK components and adds
// copy-link buttons. Loaded as a module, so browsers too old for GOV.UK Frontend skip it.
import { initAll } from "./govuk-frontend.min.js";

// Translated interface text for GOV.UK's JavaScript components, written by base.html as data
// attributes on #app-i18n (no inline script). Each is component.key[.pluralForm] in kebab-case:
// data-character-count.characters-under-limit.one arrives as
// dataset["characterCount.charactersUnderLimit.one"].
function readTranslations() {
  const element = document.getElementById("app-i18n");
  const config = {};
  if (!element) {
    return config;
  }
  for (const [name, value] of Object.entries(element.dataset)) {
    const [component, key, pluralForm] = name.split(".");
    if (!component || !key || !value) {
      continue;
    }
    config[component] ??= { i18n: {} };
    if (pluralForm) {
      config[component].i18n[key] ??= {};
      config[component].i18n[key][pluralForm] = value;
    } else {
      config[component].i18n[key] = value;
    }
  }
  return config;
}

// Buttons such as <button type="button" class="govuk-button govuk-button--secondary app-copy-link"
// data-app-copy="https://…" hidden> start hidden and appear only where the Clipboard API works,
// so nobody meets a dead button. Without data-app-copy's value, the page's own address is copied.
function initCopyLinks(messages, scope = document) {
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  for (const button of scope.querySelectorAll("button[data-app-copy]")) {
    const status = document.createElement("span");
    status.className = "app-copy-link__status";
    // Announce the result without moving focus (WCAG 4.1.3 status messages).
    status.setAttribute("role", "status");
    button.after(status);
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.appCopy || window.location.href);
        status.textContent = messages.copied ?? "";
      } catch {
        status.textContent = messages.failed ?? "";
      }
    });
  }
}

const config = readTranslations();
initAll(config);
initCopyLinks(config.copyLink?.i18n ?? {});
