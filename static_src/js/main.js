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

// reCAPTCHA v3 (templates/includes/spam_protection.html): Google's token lasts two minutes, so it
// is asked for when the form is sent, put in the hidden g-recaptcha-response input, and the form
// then sent for real. When Google's script is missing or slow the form goes without a token and
// the server asks the person to try again, keeping what they typed; it never gets stuck.
function initRecaptchaV3(scope = document, waitMs = 10000) {
  for (const input of scope.querySelectorAll("input[data-app-recaptcha-v3]")) {
    const form = input.form;
    if (!form) {
      continue;
    }
    let state = "idle"; // "idle" → "asking" Google → "sending" the form with the token
    form.addEventListener("submit", (event) => {
      if (state === "sending") {
        state = "idle"; // the next send (say, after pressing Back) asks for a fresh token
        return;
      }
      const recaptcha = window.grecaptcha;
      if (typeof recaptcha?.ready !== "function" || typeof recaptcha?.execute !== "function") {
        return;
      }
      event.preventDefault();
      if (state === "asking") {
        return; // a second click while Google answers the first
      }
      state = "asking";
      const submitter = event.submitter;
      let timer;
      const send = () => {
        window.clearTimeout(timer);
        if (state !== "asking") {
          return;
        }
        if (typeof form.requestSubmit === "function") {
          state = "sending"; // requestSubmit fires this listener again, which lets it through
          form.requestSubmit(submitter?.form === form ? submitter : undefined);
        } else {
          state = "idle"; // form.submit() fires no submit event
          form.submit();
        }
      };
      timer = window.setTimeout(send, waitMs);
      recaptcha.ready(() => {
        try {
          recaptcha.execute(input.dataset.sitekey, { action: input.dataset.action }).then(
            (token) => {
              input.value = token;
              send();
            },
            send,
          );
        } catch {
          send();
        }
      });
    });
  }
}

// Suggestions as you type, for the search boxes that ask for them (data-app-autocomplete): loaded
// only on those pages, and a box stays a plain search box if loading fails.
function initSearchAutocomplete(scope = document) {
  if (scope.querySelector("input[data-app-autocomplete]")) {
    import("./search-autocomplete.js").catch(() => {});
  }
}

const config = readTranslations();
initAll(config);
initCopyLinks(config.copyLink?.i18n ?? {});
initRecaptchaV3();
initSearchAutocomplete();
