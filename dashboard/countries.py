"""Write ``src/eventwire/serve/static/countries.json``: world-atlas feature id (ISO 3166-1 numeric) -> alpha-3.

The map's country outlines (world-atlas) are keyed by the numeric code; events carry CAMEO country codes,
which are ISO alpha-3 for states.  Run after ``npm run vendor``: ``python dashboard/countries.py``.
"""

import json
from pathlib import Path

import pycountry

here = Path(__file__).resolve().parent
static = here.parent / "src" / "eventwire" / "serve" / "static"
atlas = json.loads((static / "vendor" / "world-atlas" / "countries-110m.json").read_text())
ids = sorted({g.get("id") for g in atlas["objects"]["countries"]["geometries"] if g.get("id")})
out = {}
for i in ids:
    c = pycountry.countries.get(numeric=i)
    if c is not None:
        out[i] = c.alpha_3
(static / "countries.json").write_text(json.dumps(out, separators=(",", ":"), sort_keys=True) + "\n")
print(f"{len(out)} of {len(ids)} ids mapped")
