#!/usr/bin/env python3
"""Reference verifier for ssj verification bundles (protocol SSJ-1).

    python3 docs/verify.py DIR

Written from docs/ALGORITHM.md alone (section numbers below refer to it), with the Python 3 standard library only.
Prints VERIFIED and a summary (exit 0), or FAILED and every difference (exit 1). A directory that cannot be read
as a bundle is an error (exit 3; exit 4 when the directory does not exist).
"""
import csv, hashlib, io, json, math, os, re, sys, unicodedata
from collections import Counter
from fractions import Fraction

HEADERS = {  # section 10
    "pool-enterprises.csv": "stratum,uscc,name,industry", "pool-inspectors.csv": "certNo,name,unit,specialties",
    "items.csv": "code,name,industries", "conflicts.csv": "certNo,uscc",
    "selection.csv": "stratum,rank,uscc,name,ticket,role", "teams.csv": "uscc,seat,certNo,name,ticket",
    "check-items.csv": "uscc,code,ticket",
    "events.csv": "seq,type,uscc,certNo,replacementCertNo,replacementUscc,seed,reason"}
BUNDLE_FILES = sorted(list(HEADERS) + ["plan.json"])


class NotABundle(Exception): pass
class Refused(Exception): pass


def sha256(data): return hashlib.sha256(data).hexdigest()
WS = "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"  # section 2
def nfc(s): return unicodedata.normalize("NFC", s).strip(WS)
def ticket(seed, stage, scope, id): return sha256(f"{seed}|{stage}|{scope}|{id}".encode("utf-8"))  # section 3


def rfc3797_key(numbers):  # section 2
    sources = unicodedata.normalize("NFKC", numbers).split("/")
    if len(sources) > 1 and not sources[-1].strip(): sources.pop()
    return "".join("".join(f"{n}." for n in sorted(int(x) for x in re.split(r"[ \t\r\n,.;]+", src) if x)) + "/" for src in sources)


def ratio(text):  # section 4: exact decimal arithmetic
    text = unicodedata.normalize("NFKC", text).strip()
    if "/" in text: num, den = text.split("/"); return Fraction(int(num), int(den))
    return Fraction(text[:-1]) / 100 if text.endswith("%") else Fraction(text)


def csv_field(v):  # section 10: quote only when needed, double inner quotes
    v = str(v)
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v


def csv_text(header, rows): return "".join(",".join(map(csv_field, r)) + "\n" for r in [header.split(",")] + rows)


def read_bundle(folder):
    if not os.path.isdir(folder):
        missing = not os.path.exists(folder)
        print(f"error: {folder} {'does not exist' if missing else 'is not a directory'}", file=sys.stderr); sys.exit(4 if missing else 3)
    raw = {n: open(os.path.join(folder, n), "rb").read() for n in sorted(os.listdir(folder)) if os.path.isfile(os.path.join(folder, n))}
    for name in ["manifest.json"] + BUNDLE_FILES:
        if name not in raw: raise NotABundle(f"{name} is missing: download the complete bundle")
    try: text = {n: b.decode("utf-8") for n, b in raw.items() if n in HEADERS or n.endswith(".json")}
    except UnicodeDecodeError as e: raise NotABundle(f"a file is not UTF-8: {e}")
    for name in HEADERS:
        if text[name].startswith("\ufeff"): raise NotABundle(f"{name} starts with a byte-order mark: use the file as published")
        if text[name].split("\n")[0].rstrip("\r") != HEADERS[name]: raise NotABundle(f"{name}: the header must be {HEADERS[name]}")
    try: manifest, plan = json.loads(text["manifest.json"]), json.loads(text["plan.json"])
    except ValueError as e: raise NotABundle(f"bad JSON: {e}")
    if manifest.get("format") != "ssj-bundle/1": raise NotABundle(f"unknown bundle format {manifest.get('format')!r}")
    if manifest.get("algorithm") != "SSJ-1": raise NotABundle(f"unknown protocol {manifest.get('algorithm')!r}: this verifier knows SSJ-1")
    tables = {n: [dict(zip(HEADERS[n].split(","), r)) for r in list(csv.reader(io.StringIO(text[n], newline="")))[1:]] for n in HEADERS}
    return raw, text, manifest, plan, tables


def verify(folder):
    raw, text, manifest, plan, t = read_bundle(folder)
    diffs = []
    # Section 11: hashes, pool hash, per-stratum pool counts.
    for name, digest in manifest["files"].items():
        if name not in raw: diffs.append(f"manifest: {name} is listed but missing")
        elif sha256(raw[name]) != digest: diffs.append(f"manifest: {name} has SHA-256 {sha256(raw[name])}, manifest says {digest}")
    diffs += [f"manifest: {n} is in the bundle but not in the manifest" for n in raw if n != "manifest.json" and n not in manifest["files"]]
    if manifest["poolHash"] != sha256(raw["pool-enterprises.csv"]): diffs.append("pool: poolHash is not the SHA-256 of pool-enterprises.csv")
    if plan["id"] != manifest["planId"]: diffs.append(f"plan: manifest is for {manifest['planId']}, plan.json for {plan['id']}")
    seed = nfc(manifest["seed"])
    try: expected_seed = rfc3797_key(manifest["seedInput"]) if manifest["seedKind"] == "rfc3797" else nfc(manifest["seedInput"])
    except ValueError: expected_seed = None
    if expected_seed != seed: diffs.append(f"seed: {seed!r} does not come from the published input {manifest['seedInput']!r}")
    pid, strata, listed = plan["id"], plan["strata"], {s["name"]: s for s in manifest["strata"]}
    order = [s["name"] for s in strata]
    pool = {s: [e for e in t["pool-enterprises.csv"] if e["stratum"] == s] for s in order}
    diffs += [f"pool: {e['uscc']} is in unknown stratum {e['stratum']}" for e in t["pool-enterprises.csv"] if e["stratum"] not in pool]
    for s in manifest["strata"]:
        if len(pool.get(s["name"], [])) != s["pool"]: diffs.append(f"pool: stratum {s['name']} has {len(pool.get(s['name'], []))} rows, manifest says {s['pool']}")
    canonical = {  # section 10: the input files must be exactly in canonical form
        "pool-enterprises.csv": [[e[k] for k in ("stratum", "uscc", "name", "industry")] for s in order for e in sorted(pool[s], key=lambda e: e["uscc"])],
        "pool-inspectors.csv": sorted([list(i.values()) for i in t["pool-inspectors.csv"]]),
        "items.csv": sorted([list(i.values()) for i in t["items.csv"]]),
        "conflicts.csv": sorted([list(c.values()) for c in t["conflicts.csv"]]),
        "events.csv": [list(e.values()) for e in t["events.csv"]]}
    for name, key in [("pool-enterprises.csv", "uscc"), ("pool-inspectors.csv", "certNo"), ("items.csv", "code"), ("conflicts.csv", "certNo,uscc")]:
        counts = Counter(",".join(r[k] for k in key.split(",")) for r in t[name])
        diffs += [f"{name}: {key} {v} appears more than once" for v, n in counts.items() if n > 1]
    diffs += [f"{n}: not in the canonical form of section 10" for n, rows in canonical.items() if csv_text(HEADERS[n], rows) != text[n]]

    # Sections 4-7: the draw.
    inspectors = {i["certNo"]: i for i in t["pool-inspectors.csv"]}
    team_rule, per_enterprise = plan["team"], plan["items"]["perEnterprise"]
    size, need_spec = team_rule["size"], team_rule.get("specialists", 0)
    max_seats = team_rule.get("maxPerInspector") or math.inf
    conflicts = {(c["certNo"], c["uscc"]) for c in t["conflicts.csv"]}
    recused, k, seats = set(), {}, {c: 0 for c in inspectors}
    selection, teams, items, counts = [], {}, {}, {}
    for s in strata:
        population = listed.get(s["name"], {}).get("population", 0)
        n = s["count"] if "count" in s else math.ceil(ratio(s["ratio"]) * population)
        n = min(max(n, s.get("min", 0)), len(pool[s["name"]]))
        r = min(s.get("reserves", 3), len(pool[s["name"]]) - n)
        counts[s["name"]] = (n, r)
        ranked = sorted(pool[s["name"]], key=lambda e: ticket(seed, "E", pid, e["uscc"]))[:n + r]
        selection += [dict(e, rank=i + 1, ticket=ticket(seed, "E", pid, e["uscc"]), role="selected" if i < n else "reserve") for i, e in enumerate(ranked)]
    for name, (n, r) in counts.items():
        if name in listed and (listed[name]["selected"], listed[name]["reserves"]) != (n, r):
            diffs.append(f"counts: the plan gives {n} selected and {r} reserves in {name}, manifest says {listed[name]['selected']} and {listed[name]['reserves']}")

    def is_specialist(cert, industry): return industry != "" and industry in inspectors[cert]["specialties"].split(";")
    def specialists(certs, industry): return sum(is_specialist(c, industry) for c in certs)
    def processing_order(): return sorted((e for e in selection if e["role"] == "selected"), key=lambda e: e["ticket"])
    def i_ticket(uscc, cert): return ticket(seed, "I", f"{pid}/{uscc}", cert)

    def draw_items(e):  # section 6
        fits = [i["code"] for i in t["items.csv"] if i["industries"] == "*" or (e["industry"] != "" and e["industry"] in i["industries"].split(";"))]
        return sorted((ticket(seed, "C", f"{pid}/{e['uscc']}", code), code) for code in fits)[:per_enterprise]

    def draw_team(e):  # section 7
        cands = sorted((i_ticket(e["uscc"], c), c) for c in inspectors if (c, e["uscc"]) not in conflicts and seats[c] < max_seats)
        chosen = [x for x in cands if is_specialist(x[1], e["industry"])][:need_spec]
        chosen += [x for x in cands if x not in chosen][:size - len(chosen)]
        if specialists([c for _, c in chosen], e["industry"]) < need_spec or len(chosen) < size: raise Refused(f"no team can be formed for {e['uscc']}")
        for _, c in chosen: seats[c] += 1
        return [[seat + 1, c, tk] for seat, (tk, c) in enumerate(chosen)]

    def selected(uscc):
        e = next((e for e in selection if e["uscc"] == uscc and e["role"] == "selected"), None)
        if e is None: raise Refused(f"{uscc} is not a selected enterprise")
        return e

    def seat_of(e, x):  # the [seat, certNo, ticket] row of x on e's team
        if x not in [m[1] for m in teams[e["uscc"]]]: raise Refused(f"{x} is not on the team of {e['uscc']}")
        return [m for m in teams[e["uscc"]] if m[1] == x][0]

    def recusal(ev):  # section 8.1
        e, x, u = selected(ev["uscc"]), ev["certNo"], ev["uscc"]
        seat = seat_of(e, x)
        k[u] = k.get(u, 0) + 1
        seats[x] -= 1; conflicts.add((x, u)); recused.add((x, u))
        remaining = [m[1] for m in teams[u] if m[1] != x]
        need = specialists(remaining, e["industry"]) < need_spec
        fresh = nfc(ev["seed"])
        order = sorted((ticket(fresh, "R", f"{pid}/{u}/{k[u]}", c) if fresh else i_ticket(u, c), c) for c in inspectors)
        for tk, c in order:
            if c not in remaining and (c, u) not in recused and (c, u) not in conflicts and seats[c] < max_seats and (not need or is_specialist(c, e["industry"])):
                seat[1], seat[2] = c, tk; seats[c] += 1
                return c, ""
        raise Refused(f"no inspector can replace {x} on {u}")

    def swap(ev):  # section 8.2
        e, x, u = selected(ev["uscc"]), ev["certNo"], ev["uscc"]
        x_seat, e_team = seat_of(e, x), [m[1] for m in teams[ev["uscc"]]]
        for f in processing_order():
            f_team = [m[1] for m in teams[f["uscc"]]]
            if f["uscc"] == u or x in f_team or (x, f["uscc"]) in conflicts: continue
            for y_seat in teams[f["uscc"]]:
                y = y_seat[1]
                if y in e_team or (y, u) in conflicts or (y, u) in recused: continue
                if specialists([y if m == x else m for m in e_team], e["industry"]) < need_spec: continue
                if specialists([x if m == y else m for m in f_team], f["industry"]) < need_spec: continue
                k[u] = k.get(u, 0) + 1
                conflicts.add((x, u)); recused.add((x, u))
                x_seat[1:], y_seat[1:] = [y, i_ticket(u, y)], [x, i_ticket(f["uscc"], x)]
                return y, f["uscc"]
        raise Refused(f"no swap is possible for {x} on {u}")

    def replacement(ev):  # section 8.3
        e = selected(ev["uscc"])
        reserves = sorted((r for r in selection if r["stratum"] == e["stratum"] and r["role"] == "reserve"), key=lambda r: r["rank"])
        if not reserves: raise Refused(f"no reserve is left in {e['stratum']}")
        for m in teams[e["uscc"]]: seats[m[1]] -= 1
        new = reserves[0]
        teams[new["uscc"]] = draw_team(new)
        e["role"], new["role"] = "replaced", "selected"
        del teams[e["uscc"]], items[e["uscc"]]
        items[new["uscc"]] = draw_items(new)
        return "", new["uscc"]

    replayed = True
    try:
        for e in processing_order():
            items[e["uscc"]] = draw_items(e)
            teams[e["uscc"]] = draw_team(e)
        events = sorted(t["events.csv"], key=lambda ev: int(ev["seq"]) if ev["seq"].isdigit() else 0)
        for line, ev in enumerate(t["events.csv"]):
            if ev["seq"] != str(line + 1): diffs.append(f"events.csv line {line + 2}: seq {ev['seq']}, expected {line + 1}")
        for ev in events:  # section 8: replay in seq order
            apply = {"recusal": recusal, "swap": swap, "replacement": replacement}.get(ev["type"])
            if apply is None: raise Refused(f"unknown event type {ev['type']!r} in event {ev['seq']}")
            try: cert, uscc = apply(ev)
            except Refused as e: raise Refused(f"event {ev['seq']} ({ev['type']} on {ev['uscc']}) cannot be applied: {e}")
            if (cert, uscc) != (ev["replacementCertNo"], ev["replacementUscc"]):
                diffs.append(f"event {ev['seq']} ({ev['type']} on {ev['uscc']}): recorded {ev['replacementCertNo']!r} {ev['replacementUscc']!r}, the rules give {cert!r} {uscc!r}")
    except Refused as e:
        diffs.append(f"replay: {e}; nothing after it can be compared")
        replayed = False

    if replayed:  # section 11: compare the result with the published files, line by line
        expected = {
            "selection.csv": [[e["stratum"], e["rank"], e["uscc"], e["name"], e["ticket"], e["role"]] for s in order for e in selection if e["stratum"] == s],
            "teams.csv": [[u, seat, c, inspectors[c]["name"], tk] for u in sorted(teams) for seat, c, tk in teams[u]],
            "check-items.csv": [[u, code, tk] for u in sorted(items) for tk, code in items[u]]}
        for name, rows in expected.items():
            want, have = csv_text(HEADERS[name], rows).splitlines(), text[name].splitlines()
            want_set, have_set = set(want), set(have)
            diffs += [f"{name}: published line not reproduced by the draw: {line}" for line in have if line not in want_set]
            diffs += [f"{name}: the draw gives a line the file lacks: {line}" for line in want if line not in have_set]
            if want_set == have_set and csv_text(HEADERS[name], rows) != text[name]: diffs.append(f"{name}: not in canonical order")
    return diffs, manifest, seed, counts, len(t["events.csv"])


def main():
    if len(sys.argv) != 2: print(__doc__, file=sys.stderr); sys.exit(2)
    try: diffs, manifest, seed, counts, events = verify(sys.argv[1])
    except (NotABundle, KeyError, TypeError, AttributeError, ValueError) as e:
        print(f"error: {sys.argv[1]} cannot be verified as a bundle: {e!r}", file=sys.stderr); sys.exit(3)
    if diffs:
        print(f"FAILED: {len(diffs)} difference(s)")
        for d in diffs: print(f"  - {d}")
        sys.exit(1)
    print(f"VERIFIED: plan {manifest['planId']} ({manifest['algorithm']})")
    print(f"seed: {seed}\npool hash: {manifest['poolHash']}")
    for name, (n, r) in counts.items(): print(f"  {name}: {n} selected, {r} reserves")
    print(f"events replayed: {events}")


if __name__ == "__main__":
    main()
