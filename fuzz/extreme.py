"""Memory and time on extreme stories: ``python fuzz/extreme.py [--sizes 1000000,5000000] [--json]``.

For each kind (``nopunct``: words without sentence punctuation; ``sentences``: short sentences, 100,000 of
them in 5 MB ... ) and size, a fresh process reads the story through ingest (with ``--max-story-bytes`` raised
to the size) and codes it with ``Coder.code_batch``; it reports the seconds to code (wall and CPU), the events
and the peak RSS of the process (the loaded model included). Time should grow linearly with the size and the peak RSS
stay bounded (long stories are coded in segments: ``eventwire/segments.py``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {tests!r})
from reliability.hostile import many_sentences, no_punctuation
from eventwire.ingest import read_paths
from eventwire.ingest.limits import set_max_story_bytes
from eventwire.pipeline import Coder
kind, size = {kind!r}, {size}
text = no_punctuation(size) if kind == "nopunct" else many_sentences(size // 38)
coder = Coder()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
with tempfile.TemporaryDirectory() as d:
    p = Path(d) / "story.txt"
    p.write_text(text, "utf-8")
    set_max_story_bytes(len(text.encode()) + 1)
    t0, c0 = time.monotonic(), time.process_time()
    (story,) = list(read_paths([str(p)]))
    records, rejects = coder.code_batch([story])
    secs, cpu = time.monotonic() - t0, time.process_time() - c0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({{"kind": kind, "bytes": len(text.encode()), "sentences": text.count("."),
    "seconds": round(secs, 1), "cpu_seconds": round(cpu, 1),
    "events": len(records), "rejects": [r.code for r in rejects], "rss_model_mb": base, "rss_peak_mb": peak}}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000000,5000000")
    ap.add_argument("--kinds", default="nopunct,sentences")
    args = ap.parse_args()
    tests = str(Path(__file__).resolve().parents[1] / "tests")
    for kind in args.kinds.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            code = CHILD.format(tests=tests, kind=kind, size=size)
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
            lines = out.stdout.strip().splitlines()
            line = lines[-1] if lines else json.dumps({"error": out.stderr[-500:]})
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
