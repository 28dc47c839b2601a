// Copy the dashboard's pinned third-party files (and their licences) from node_modules into the package:
//   npm ci && npm run vendor      -> writes src/eventwire/serve/static/vendor/
//   npm run check                 -> exits 1 if the vendored files differ from node_modules
// The dashboard itself (src/eventwire/serve/static/*.js) is plain ES modules: there is no bundling step.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "eventwire", "serve", "static", "vendor");

// package -> files to take (from the package folder) ; every package also gives its LICENSE
const FILES = {
  "d3-array": ["dist/d3-array.min.js"],      // d3-geo's only dependency (its min build inlines internmap)
  "internmap": [],                           // bundled inside d3-array.min.js: its licence only
  "d3-geo": ["dist/d3-geo.min.js"],          // projection + SVG path of the world outlines and places
  "topojson-client": ["dist/topojson-client.min.js"],  // TopoJSON -> GeoJSON
  "world-atlas": ["countries-110m.json"],    // Natural Earth 1:110m country outlines (public domain)
};

const check = process.argv.includes("--check");
const manifest = {};
let stale = 0;
if (!check) rmSync(out, { recursive: true, force: true });
for (const [pkg, files] of Object.entries(FILES)) {
  const src = join(modules, pkg);
  const meta = JSON.parse(readFileSync(join(src, "package.json"), "utf8"));
  const entry = { version: meta.version, license: meta.license, files: {} };
  for (const f of [...files, "LICENSE"]) {
    const from = join(src, f);
    const name = f.split("/").pop();
    const to = join(out, pkg, name);
    const data = readFileSync(from);
    entry.files[name] = { bytes: data.length, sha256: createHash("sha256").update(data).digest("hex") };
    if (check) {
      if (!existsSync(to) || !readFileSync(to).equals(data)) {
        console.error(`stale: ${pkg}/${name}`);
        stale++;
      }
    } else {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  }
  manifest[pkg] = entry;
}
const text = JSON.stringify(manifest, null, 2) + "\n";
if (check) {
  const mf = join(out, "MANIFEST.json");
  if (!existsSync(mf) || readFileSync(mf, "utf8") !== text) {
    console.error("stale: MANIFEST.json");
    stale++;
  }
  if (stale) process.exit(1);
  console.log("vendor/ is up to date");
} else {
  writeFileSync(join(out, "MANIFEST.json"), text);
  let total = 0;
  for (const [pkg, e] of Object.entries(manifest))
    for (const [n, f] of Object.entries(e.files)) { total += f.bytes; console.log(`${pkg}@${e.version}/${n} ${f.bytes}`); }
  console.log(`total ${total} bytes`);
}
