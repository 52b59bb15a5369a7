// Builds static_compiled/ from static_src/ and node_modules/: `npm run build`.
//
// Deliberately a plain Node script around the Sass JS API, so the front end has no bundler
// to keep up to date. Everything the pages load is written here; nothing comes from a CDN.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "static_src");
const out = join(root, "static_compiled");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const leaflet = join(root, "node_modules", "leaflet", "dist");
const autocomplete = join(root, "node_modules", "accessible-autocomplete", "dist");

for (const dir of [govuk, leaflet, autocomplete]) {
  if (!existsSync(dir)) {
    console.error(`Missing ${dir}: run \`npm ci\` first.`);
    process.exit(1);
  }
}

// GOV.UK Frontend 5 is written with @import and Sass's global functions, which current Dart Sass
// reports as deprecated on every line. Those warnings are about the package, not our code, and
// would bury our own, so they are silenced here (revisit when moving to govuk-frontend 6).
const silenceDeprecations = ["import", "global-builtin", "slash-div", "if-function"];

function compile(name) {
  const result = sass.compile(join(src, "scss", `${name}.scss`), {
    style: "compressed",
    loadPaths: [join(root, "node_modules")],
    quietDeps: true,
    silenceDeprecations,
    sourceMap: false,
  });
  const target = join(out, "css", `${name}.css`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, result.css + "\n");
  return target;
}

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}

// Start clean so a file deleted from static_src does not linger in what collectstatic picks up.
rmSync(out, { recursive: true, force: true });

const built = [compile("main"), compile("print")];

// GOV.UK Frontend's JavaScript is an ES module; js/main.js imports it from beside itself. The
// source map goes too: Django's manifest storage fails on a sourceMappingURL it cannot find.
copy(join(govuk, "govuk-frontend.min.js"), join(out, "js", "govuk-frontend.min.js"));
copy(join(govuk, "govuk-frontend.min.js.map"), join(out, "js", "govuk-frontend.min.js.map"));
for (const file of readdirSync(join(src, "js"))) {
  if (file.endsWith(".js")) {
    copy(join(src, "js", file), join(out, "js", file));
  }
}

// Only our own images and manifest: GOV.UK's crown, crest, icons and the GDS Transport font
// are for GOV.UK services, and a council site must not use them.
copy(join(src, "images"), join(out, "images"));
copy(join(src, "manifest.json"), join(out, "manifest.json"));

// Leaflet for the directory maps, served from our own origin (Content-Security-Policy 'self').
for (const file of ["leaflet.js", "leaflet.js.map", "leaflet.css"]) {
  copy(join(leaflet, file), join(out, "vendor", "leaflet", file));
}
copy(join(leaflet, "images"), join(out, "vendor", "leaflet", "images"));

// GOV.UK's accessible-autocomplete for the search boxes, imported by js/search-autocomplete.js
// (a UMD build: imported as a module it sets self.accessibleAutocomplete). Its stylesheet is not
// copied: _search.scss styles it with logical properties, so right-to-left pages need nothing.
for (const file of ["accessible-autocomplete.min.js", "accessible-autocomplete.min.js.map"]) {
  copy(join(autocomplete, file), join(out, "vendor", "accessible-autocomplete", file));
}

const names = built.map((file) => file.slice(root.length + 1)).join(", ");
console.log(`Built ${names} and copied assets into static_compiled/`);
