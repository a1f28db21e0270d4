"""`make bench`: whole-process performance figures of `make synth`, as ratios measured side
by side in one run (medians of BENCH_RUNS runs, default 3).

Figures (targets from issue 2):
  1. cold full synth / importing the three provider packages in one process   (<= 0.5)
  2. synth when nothing changed                                                (<= 1 s)
  3. re-synth after a Kubernetes-only config change                            (<= 5 s)
  4. peak RSS of any single process (python or node) during a cold synth      (<= 1.2 GB)
  5. scale (issue 15): cold synth and the in-process check families (schemas, wiring,
     crosslayer, first-sync, deletion, policy) of 20 tenants on 3 clusters against the seed
     estate's (2 tenants, 1 cluster), with the output's size: growth should stay close to
     linear (time per output file about constant), far below tenants x clusters (30x).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "constructs"),
       "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20", "CHECKPOINT_DISABLE": "1"}
BASELINE = ("import cdktf_cdktf_provider_google, cdktf_cdktf_provider_aws, "
            "cdktf_cdktf_provider_cloudflare")


class PeakRss:
    """Samples VmHWM (the kernel's own per-process peak) of a process tree."""

    def __init__(self, root_pid: int):
        self.root, self.peaks, self._stop = root_pid, {}, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> set[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    ppid = int(Path(f"/proc/{entry}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(ppid, []).append(int(entry))
        seen, todo = set(), [self.root]
        while todo:
            pid = todo.pop()
            seen.add(pid)
            todo += children.get(pid, [])
        return seen

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self._tree():
                try:
                    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                if "VmHWM" in fields:
                    kb = int(fields["VmHWM"].split()[0])
                    name = fields["Name"].strip()
                    self.peaks[(pid, name)] = max(self.peaks.get((pid, name), 0), kb)
            time.sleep(0.05)

    def stop(self) -> tuple[int, str]:
        self._stop.set()
        self._thread.join()
        (pid, name), kb = max(self.peaks.items(), key=lambda kv: kv[1])
        return kb * 1024, name


def timed(argv: list[str], env: dict, rss: bool = False) -> tuple[float, tuple[int, str] | None]:
    started = time.monotonic()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, encoding="utf-8", errors="replace")
    sampler = PeakRss(proc.pid) if rss else None
    _, err = proc.communicate()
    seconds = time.monotonic() - started
    peak = sampler.stop() if sampler else None
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(argv)}\n{err}")
    return seconds, peak


CHECK = ["--skip-freshness", "-q"] + [a for f in ("schemas", "wiring", "crosslayer", "first-sync",
                                                   "deletion", "policy") for a in ("--only", f)]


def _files(dist: Path) -> int:
    return sum(1 for p in dist.rglob("*") if p.is_file())


def scale(tmp: Path, runs: int) -> list[str]:
    """Figure 5: the seed estate and 20 tenants x 3 clusters, synth + check, side by side."""
    sys.path.insert(0, str(ROOT / "constructs"))
    from tomoda_ops.scale import write_scale_config

    py = sys.executable
    configs = {"seed (2 tenants, 1 cluster)": ROOT / "config",
               "20 tenants x 3 clusters": write_scale_config(ROOT / "config", tmp / "scale-config",
                                                            tenants=20, clusters=3)}
    rows = {}
    for label, config in configs.items():
        synth_s, check_s, files = [], [], 0
        for run in range(runs):
            print(f"scale {label}: run {run + 1}/{runs} ...", file=sys.stderr)
            out = tmp / f"scale-dist-{len(rows)}-{run}"
            env = {**ENV, "TOMODA_CACHE": str(tmp / f"scale-cache-{len(rows)}-{run}")}
            synth_s.append(timed([py, "apps/synth.py", "--config", str(config), "--out", str(out)], env)[0])
            check_s.append(timed([py, "apps/check.py", "--dist", str(out), "--config", str(config), *CHECK], env)[0])
            files = _files(out)
        rows[label] = (statistics.median(synth_s), statistics.median(check_s), files)
    (s0, c0, f0), (s1, c1, f1) = rows.values()
    lines = [f"5. scale:  {'':28} {'synth':>8} {'check':>8} {'files':>6}"]
    lines += [f"   {label:<34} {s:7.1f}s {c:7.1f}s {f:6d}" for label, (s, c, f) in rows.items()]
    lines.append(f"   growth: files x{f1 / f0:.1f}, synth x{s1 / s0:.1f}, check x{c1 / c0:.1f} "
                 f"(tenants x clusters: x30); per file: synth x{(s1 / f1) / (s0 / f0):.2f}, "
                 f"check x{(c1 / f1) / (c0 / f0):.2f} (1.00 = linear)")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    runs = os.environ.get("BENCH_RUNS", "") or "3"
    if not runs.isdigit() or int(runs) < 1:
        print(f"error: BENCH_RUNS={runs!r} is not a positive whole number", file=sys.stderr)
        return 2
    ap.add_argument("--runs", type=int, default=int(runs))
    args = ap.parse_args()
    py = sys.executable
    baseline, cold, noop, k8s_change, peaks = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        config = tmp / "config"
        shutil.copytree(ROOT / "config", config)
        dev = config / "tenants" / "dev.toml"
        for run in range(args.runs):
            print(f"run {run + 1}/{args.runs} ...", file=sys.stderr)
            # Side by side: the baseline and a cold synth in the same run, same machine state.
            baseline.append(timed([py, "-c", BASELINE], ENV)[0])
            cache, out = tmp / f"cache{run}", tmp / f"dist{run}"
            env = {**ENV, "TOMODA_CACHE": str(cache)}
            synth = [py, "apps/synth.py", "--config", str(config), "--out", str(out)]
            seconds, peak = timed(synth, env, rss=True)
            cold.append(seconds)
            peaks.append(peak)
            noop.append(timed(synth, env)[0])
            text = dev.read_text(encoding="utf-8")
            dev.write_text(text + '\n[app]\napi_hpa = { max = 2 }\n', encoding="utf-8")  # a Kubernetes-only change
            k8s_change.append(timed(synth, env)[0])
            dev.write_text(text, encoding="utf-8")
        scaled = scale(tmp, args.runs)
    b, c, n, k = (statistics.median(x) for x in (baseline, cold, noop, k8s_change))
    peak_bytes, peak_name = max(peaks)
    print(f"provider import baseline (google+aws+cloudflare, one process): {b:6.1f} s")
    print(f"1. cold full synth:            {c:6.1f} s  = {c / b:.2f} x baseline   (target <= 0.50)")
    print(f"2. synth, nothing changed:     {n:6.2f} s                        (target <= 1.00 s)")
    print(f"3. Kubernetes-only change:     {k:6.1f} s                        (target <= 5.0 s)")
    print(f"4. peak RSS, one process:      {peak_bytes / 2**30:6.2f} GB ({peak_name})           (target <= 1.20 GB)")
    print("\n".join(scaled))
    print(f"(medians of {args.runs} runs; all figures are whole-process wall times)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
