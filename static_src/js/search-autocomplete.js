// Suggestions as you type in a search box: GOV.UK's accessible-autocomplete (an ARIA combobox),
// fed with page and service titles by the box's data-app-autocomplete URL
// (/<language>/search/suggestions/). Without this script the box is a plain search box and
// search works the same. Choosing a suggestion fills the box and never sends the form by itself
// (WCAG 3.2.2 On input): the person presses Search.
import "../vendor/accessible-autocomplete/accessible-autocomplete.min.js";

const accessibleAutocomplete = self.accessibleAutocomplete;
const MIN_LENGTH = 2;
const WAIT_MS = 200;

// What screen readers hear, replaced by the page's language when the endpoint answers.
const messages = {
  queryTooShort: "Type 2 or more characters for suggestions",
  noResults: "No suggestions",
  selectedOption: "%(option)s, %(position)s of %(count)s, is highlighted",
  results: {},
  assistiveHint:
    "When suggestions are available, use the up and down arrows to review them and Enter to " +
    "choose one. On a touch screen, explore by touch or with swipe gestures.",
};

function fill(template, values) {
  return template.replace(/%\((\w+)\)s/g, (_whole, name) => String(values[name] ?? ""));
}

// Titles come from editors; the component puts a suggestion in the page as HTML, so escape it.
function escapeHtml(text) {
  const span = document.createElement("span");
  span.textContent = text ?? "";
  return span.innerHTML;
}

function endpoint(base, query) {
  const url = new URL(base, window.location.href);
  url.searchParams.set("q", query);
  return url;
}

async function loadMessages(base) {
  try {
    const response = await fetch(endpoint(base, ""), { headers: { Accept: "application/json" } });
    const data = response.ok ? await response.json() : {};
    Object.assign(messages, data.messages ?? {});
  } catch {
    // Offline: the English defaults stay.
  }
}

function suggestionSource(base) {
  let timer;
  let controller;
  return (query, populate) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(endpoint(base, query), {
          headers: { Accept: "application/json" },
          signal: controller.signal,
        });
        const data = response.ok ? await response.json() : {};
        populate(Array.isArray(data.suggestions) ? data.suggestions : []);
      } catch (error) {
        if (error.name !== "AbortError") {
          populate([]);
        }
      }
    }, WAIT_MS);
  };
}

// The component gives its input only its own hint in aria-describedby; the box's hint and error
// message must stay announced, so they are added back whenever it changes the attribute.
function keepDescriptions(input, ids) {
  if (!ids.length) {
    return;
  }
  const sync = () => {
    const current = (input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    const wanted = [...new Set([...ids, ...current])].join(" ");
    if (input.getAttribute("aria-describedby") !== wanted) {
      input.setAttribute("aria-describedby", wanted);
    }
  };
  new MutationObserver(sync).observe(input, { attributeFilter: ["aria-describedby"] });
  sync();
}

function enhance(input) {
  const { id, name, value, className } = input;
  const base = input.dataset.appAutocomplete;
  if (!id || !name || !base) {
    return;
  }
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  if (label && !label.id) {
    label.id = `${id}-label`;
  }
  const described = (input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  const container = document.createElement("div");
  container.className = "app-autocomplete";
  input.replaceWith(container);
  accessibleAutocomplete({
    element: container,
    id,
    name,
    defaultValue: value,
    minLength: MIN_LENGTH,
    autoselect: false,
    confirmOnBlur: false,
    showNoOptionsFound: false,
    displayMenu: "overlay",
    cssNamespace: "app-autocomplete",
    inputClasses: className,
    menuAttributes: label ? { "aria-labelledby": label.id } : {},
    source: suggestionSource(base),
    templates: {
      inputValue: (suggestion) => suggestion ?? "",
      suggestion: (suggestion) => escapeHtml(suggestion),
    },
    tAssistiveHint: () => messages.assistiveHint,
    tStatusQueryTooShort: () => messages.queryTooShort,
    tStatusNoResults: () => messages.noResults,
    tNoResults: () => messages.noResults,
    tStatusSelectedOption: (option, count, index) =>
      fill(messages.selectedOption, { option, position: index + 1, count }),
    tStatusResults: (count, selected) =>
      `${messages.results[String(count)] ?? count} ${selected ?? ""}`.trim(),
  });
  const enhanced = document.getElementById(id);
  if (enhanced) {
    keepDescriptions(enhanced, described);
  }
}

const inputs = [...document.querySelectorAll("input[data-app-autocomplete]")];
if (typeof accessibleAutocomplete === "function" && inputs.length) {
  loadMessages(inputs[0].dataset.appAutocomplete);
  inputs.forEach(enhance);
}
