// Tells the search report that someone opened a result of this search, so editors can see which
// searches nobody found useful. It sends only the search's signed token (its words, language and
// day: nothing about the person), once per results page, with navigator.sendBeacon, which does
// not hold up the link. Without JavaScript nothing is sent and the links work the same.
const OPENED_URL = "/search/opened/";
const results = document.querySelector("[data-opened-token]");
const token = results?.dataset.openedToken;

if (results && token && typeof navigator.sendBeacon === "function") {
  let sent = false;
  const opened = (event) => {
    if (sent || !event.target.closest("a[href]")) {
      return;
    }
    sent = navigator.sendBeacon(OPENED_URL, token);
  };
  results.addEventListener("click", opened);
  // A middle click opens the result in a new tab: it counts too.
  results.addEventListener("auxclick", opened);
}
