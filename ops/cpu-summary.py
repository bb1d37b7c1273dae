#!/usr/bin/env python3
"""Summarises a dotnet-trace speedscope file (sampled thread time): the share of on-CPU samples under each entry point
of the app (a Wolverine handler, an HTTP endpoint, a subscription, the daemon, the durability agents), and the hottest
frames. Used by ops/bench-profile with BENCH_CPU=1."""
import collections, json, re, sys

data = json.load(open(sys.argv[1]))
frames = [f["name"] for f in data["shared"]["frames"]]

# The outermost frame that says what the work is for, most specific first.
ENTRY = [
    (re.compile(r"Internal\.Generated\.WolverineHandlers\.(\w+?)\d*\+"), lambda m: "handler " + m.group(1)),
    (re.compile(r"Campaigns!Campaigns\.(\w+)\.(\w+Subscription)"), lambda m: "subscription " + m.group(2)),
    (re.compile(r"Campaigns!Campaigns\.Search\.SearchIndex"), lambda m: "subscription SearchSubscription"),
    (re.compile(r"Microsoft\.AspNetCore\.Authentication"), lambda m: "HTTP authentication"),
    (re.compile(r"JasperFx\.Events!JasperFx\.Events\.Daemon\.HighWater"), lambda m: "daemon high water mark"),
    (re.compile(r"JasperFx\.Events!JasperFx\.Events\.Daemon"), lambda m: "daemon (loading and dispatching events)"),
    (re.compile(r"Wolverine!Wolverine\.Persistence\.Durability|DurabilityAgent|Wolverine\.RDBMS"), lambda m: "Wolverine durability agents"),
    (re.compile(r"Wolverine!Wolverine\.Runtime\.WorkerQueues\.DurableReceiver"), lambda m: "Wolverine durable receiver (inbox)"),
    (re.compile(r"Wolverine!Wolverine\.Runtime\.Agents"), lambda m: "Wolverine node agents"),
    (re.compile(r"Kestrel"), lambda m: "HTTP (Kestrel, outside a handler)"),
]

entries, leaves, total = collections.Counter(), collections.Counter(), 0.0
for profile in data["profiles"]:
    stack, last = [], None
    for ev in profile["events"]:
        at = ev["at"]
        if stack and last is not None and at > last and frames[stack[-1]] == "CPU_TIME":
            weight = at - last
            total += weight
            names = [frames[f] for f in stack]
            label = "other"
            for pattern, name in ENTRY:
                hit = next((pattern.search(n) for n in names if pattern.search(n)), None)
                if hit:
                    label = name(hit)
                    break
            entries[label] += weight
            leaf = next((n for n in reversed(names[:-1]) if "!" in n), "?")
            leaves[leaf.split("(")[0]] += weight
        last = at
        if ev["type"] == "O":
            stack.append(ev["frame"])
        elif stack:
            stack.pop()

print(f"on-CPU samples: {total / 1000:.1f} s of thread time")
print("by entry point:")
for name, w in entries.most_common(18):
    print(f"  {100 * w / total:5.1f}%  {name}")
print("hottest frames (exclusive):")
for name, w in leaves.most_common(12):
    print(f"  {100 * w / total:5.1f}%  {name[:150]}")
