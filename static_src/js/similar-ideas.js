// Search before create, as it happens: while someone types their idea's title, up to five
// similar published ideas appear under it so they can support one instead. Without this script
// the server shows the same list as a second step; with it, that step is skipped.
const form = document.querySelector("form[data-similar-url]");
const title = form?.querySelector("[data-similar-source]");
const results = form?.querySelector("[data-similar-results]");
const template = document.getElementById("similar-ideas-template");
const step = form?.querySelector("[data-similar-step]");

async function lookUp(text) {
  const url = new URL(form.dataset.similarUrl, window.location.href);
  url.searchParams.set("q", text);
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    return [];
  }
  const data = await response.json();
  return Array.isArray(data.ideas) ? data.ideas : [];
}

function show(ideas) {
  // The live region stays in the page, empty when there is nothing to say, so screen readers
  // announce the list when it arrives.
  results.replaceChildren();
  if (!ideas.length) {
    return;
  }
  results.append(template.content.cloneNode(true));
  const list = results.querySelector("ul");
  for (const idea of ideas) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.className = "govuk-link";
    link.href = idea.url;
    // Residents' words go in as text, never as markup.
    link.textContent = idea.title;
    item.append(link);
    list.append(item);
  }
  // The person has seen the similar ideas here, so the server need not ask again.
  if (step) {
    step.value = "confirm";
  }
}

if (form && title && results && template) {
  let timer;
  let latest = "";
  title.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = title.value.trim();
      if (text.length < 4 || text === latest) {
        return;
      }
      latest = text;
      try {
        const ideas = await lookUp(text);
        if (text === latest) {
          show(ideas.slice(0, 5));
        }
      } catch {
        // Offline or slow: the server's own check still runs when the form is sent.
      }
    }, 400);
  });
}
