#!/usr/bin/env python3
"""Reference verifier for ssj verification bundles (protocols SSJ-1 and SSJ-2).

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
HEADERS2 = dict(HEADERS, **{  # SSJ-2 (ssj-bundle/2): kind/department/group columns and pool-removed.csv
    "pool-inspectors.csv": "certNo,name,kind,department,unit,specialties", "items.csv": "code,name,industries,department",
    "teams.csv": "uscc,seat,group,certNo,name,ticket", "pool-removed.csv": "stratum,uscc,byPlan"})
CATEGORIES = {"recusal": ["利害关系", "近亲属", "曾提供服务", "其他"], "swap": ["利害关系", "近亲属", "曾提供服务", "其他"],
              "reassign": ["岗位调整", "工作冲突", "身体原因", "其他"]}


class NotABundle(Exception): pass
class Refused(Exception): pass


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


# ---- file handling (kept apart from the protocol): limits raised for genuine bundles, files streamed and hashed in
# chunks, a size limit with a message, no symlinks and no subfolders (a bundle is a flat folder of plain files).
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a name of 200,000 characters is a genuine (if odd) bundle
if hasattr(sys, "set_int_max_str_digits"): sys.set_int_max_str_digits(0)  # a ratio may have thousands of digits
MAX_BYTES, CHUNK = int(os.environ.get("SSJ_VERIFY_MAX_BYTES", str(2**30))), 1 << 20  # per-file limit; read size


class Digested(bytes): sha = None  # file bytes carrying the SHA-256 computed while they were read
def read_files(folder):
    raw = {}
    for name in sorted(os.listdir(folder)):
        path, problem = os.path.join(folder, name), None
        if os.path.islink(path): problem = "is a symlink: a bundle holds plain files only (download the files themselves)"
        elif os.path.isdir(path): problem = "is a subfolder: a bundle is one flat folder of the files its manifest lists"
        elif not os.path.isfile(path): problem = "is not a plain file"
        elif os.path.getsize(path) > MAX_BYTES: problem = f"is {os.path.getsize(path)} bytes, over the limit of {MAX_BYTES}: set SSJ_VERIFY_MAX_BYTES to verify it on a machine with enough memory"
        if problem: raise NotABundle(f"{name} {problem}")
        parts, digest = [], hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(CHUNK), b""): parts.append(chunk); digest.update(chunk)
        raw[name] = Digested(b"".join(parts)); raw[name].sha = digest.hexdigest()
    return raw
def sha256(data): return data.sha if isinstance(data, Digested) and data.sha else hashlib.sha256(data).hexdigest()
def claims(m): return {k: m[k] for k in ("title", "seedSource", "frozenAt", "drawnAt") if m.get(k) is not None}  # unverifiable: shown apart
def time_order(m):  # the freeze (pool fixed) must come before the draw (seed used)
    return [f"times: frozenAt {m['frozenAt']} is not before drawnAt {m['drawnAt']}"] if m.get("frozenAt") and m.get("drawnAt") and not str(m["frozenAt"]) < str(m["drawnAt"]) else []


def read_bundle(folder):
    if not os.path.isdir(folder):
        missing = not os.path.exists(folder)
        print(f"error: {folder} {'does not exist' if missing else 'is not a directory'}", file=sys.stderr); sys.exit(4 if missing else 3)
    raw = read_files(folder)
    if "manifest.json" not in raw: raise NotABundle("manifest.json is missing: download the complete bundle")
    try: fmt = json.loads(raw["manifest.json"].decode("utf-8")).get("format")
    except (ValueError, AttributeError) as e: raise NotABundle(f"bad manifest.json: {e}")
    headers = HEADERS2 if fmt == "ssj-bundle/2" else HEADERS
    for name in ["manifest.json"] + sorted(list(headers) + ["plan.json"]):
        if name not in raw: raise NotABundle(f"{name} is missing: download the complete bundle")
    try: text = {n: b.decode("utf-8") for n, b in raw.items() if n in headers or n.endswith(".json")}
    except UnicodeDecodeError as e: raise NotABundle(f"a file is not UTF-8: {e}")
    for name in headers:
        if text[name].startswith("\ufeff"): raise NotABundle(f"{name} starts with a byte-order mark: use the file as published")
        if text[name].split("\n")[0].rstrip("\r") != headers[name]: raise NotABundle(f"{name}: the header must be {headers[name]}")
    try: manifest, plan = json.loads(text["manifest.json"]), json.loads(text["plan.json"])
    except ValueError as e: raise NotABundle(f"bad JSON: {e}")
    if (manifest.get("format"), manifest.get("algorithm")) not in [("ssj-bundle/1", "SSJ-1"), ("ssj-bundle/2", "SSJ-2")]:
        raise NotABundle(f"unknown bundle format {manifest.get('format')!r} / protocol {manifest.get('algorithm')!r}: this verifier knows SSJ-1 and SSJ-2")
    tables = {n: [dict(zip(headers[n].split(","), r)) for r in list(csv.reader(io.StringIO(text[n], newline="")))[1:]] for n in headers}
    return raw, text, manifest, plan, tables


def verify(folder):
    raw, text, manifest, plan, t = read_bundle(folder)
    if manifest["algorithm"] == "SSJ-2": return verify2(raw, text, manifest, plan, t)
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


def verify2(raw, text, manifest, plan, t):  # Part II (SSJ-2): everything of SSJ-1 plus groups, departments, seed rule, secret, pool after freeze
    diffs, H = [], HEADERS2
    for name, digest in manifest["files"].items():
        if name not in raw: diffs.append(f"manifest: {name} is listed but missing")
        elif sha256(raw[name]) != digest: diffs.append(f"manifest: {name} has SHA-256 {sha256(raw[name])}, manifest says {digest}")
    diffs += [f"manifest: {n} is in the bundle but not in the manifest" for n in raw if n != "manifest.json" and n not in manifest["files"]]
    if manifest["poolHash"] != sha256(raw["pool-enterprises.csv"]): diffs.append("pool: poolHash is not the SHA-256 of pool-enterprises.csv")
    pid = plan["id"]
    if pid != manifest["planId"]: diffs.append(f"plan: manifest is for {manifest['planId']}, plan.json for {pid}")
    # Seed (section 14): public seed from its input, the seed rule, the secret and its commitment.
    public = nfc(manifest["publicSeed"])
    try: expected = rfc3797_key(manifest["seedInput"]) if manifest["seedKind"] == "rfc3797" else nfc(manifest["seedInput"])
    except ValueError: expected = None
    if expected != public: diffs.append(f"seed: public seed {public!r} does not come from the published input {manifest['seedInput']!r}")
    rule = manifest["seedRule"]
    if rule is not None:
        try: sources = len(rfc3797_key(manifest["seedInput"]).split("/")) - 1
        except ValueError: sources = None
        if rule["kind"] != "rfc3797" or manifest["seedKind"] != rule["kind"] or sources != len(rule["sources"]):
            diffs.append(f"seed: the seed ({manifest['seedKind']}, {sources} sources) does not follow the announced rule {rule}")
    secret, commitment = manifest["seedSecret"], manifest["secretCommitment"]
    if (secret is None) != (commitment is None): diffs.append("seed: a secret commitment and a revealed secret go together; one is missing")
    if secret is not None and not re.fullmatch(r"[0-9a-f]{64}", secret): diffs.append("seed: the secret is not 64 lowercase hex digits")
    if secret is not None and commitment is not None and sha256(f"ssj-secret|{pid}|{secret}".encode("utf-8")) != commitment:
        diffs.append("seed: the revealed secret does not match the commitment published at freeze")
    seed = public + "#" + secret if secret is not None else public
    if nfc(manifest["seed"]) != seed: diffs.append(f"seed: manifest seed {manifest['seed']!r}, public seed and secret give {seed!r}")

    # Plan rules (section 15) with their defaults.
    team, joint = plan.get("team", {}), plan.get("joint")
    per_enterprise = plan.get("items", {}).get("perEnterprise", 0)
    max_seats = math.inf if team.get("maxPerInspector") is None else team["maxPerInspector"]
    strata, order = plan["strata"], [s["name"] for s in plan["strata"]]
    def groups(stratum):  # [name, kind, department or None, seats, specialists]
        if joint: gs, experts = [[d["name"], "officer", d["name"], d["officers"], d.get("specialists", 0)] for d in joint["departments"]], team.get("experts", 0)
        else:
            o = next(s for s in strata if s["name"] == stratum).get("team") or {}
            base = team.get("officers", team.get("size", 0))
            gs = [["officers", "officer", None, o.get("officers", o.get("size", base)), o.get("specialists", team.get("specialists", 0))]]
            experts = o.get("experts", team.get("experts", 0))
        return gs + [["experts", "expert", None, experts, experts]]
    for s in strata:
        gs = [g for g in groups(s["name"]) if g[1] == "officer"]
        if sum(g[3] for g in gs) < 2 or gs[0][3] < 1 or any(g[4] > g[3] for g in gs) or (joint and s.get("team")):
            raise NotABundle(f"plan.json: the team rules of {s['name']} break SSJ-2 (at least 2 officer seats, one in the first group, specialists within seats, no override with joint)")
    if joint and any(d["name"] in ("officers", "experts") for d in joint["departments"]): raise NotABundle("plan.json: department names officers and experts are reserved")

    # Input files (section 16): keys unique, canonical form, removed rows in the frozen pool.
    listed = {s["name"]: s for s in manifest["strata"]}
    pool = {s: [e for e in t["pool-enterprises.csv"] if e["stratum"] == s] for s in order}
    diffs += [f"pool: {e['uscc']} is in unknown stratum {e['stratum']}" for e in t["pool-enterprises.csv"] if e["stratum"] not in pool]
    in_pool = {(e["stratum"], e["uscc"]) for e in t["pool-enterprises.csv"]}
    removed = {(r["stratum"], r["uscc"]) for r in t["pool-removed.csv"]}
    diffs += [f"pool-removed.csv: {r['uscc']} is not in stratum {r['stratum']} of the frozen pool, or names no plan" for r in t["pool-removed.csv"] if (r["stratum"], r["uscc"]) not in in_pool or not r["byPlan"]]
    for s in manifest["strata"]:
        if len(pool.get(s["name"], [])) != s["pool"]: diffs.append(f"pool: stratum {s['name']} has {len(pool.get(s['name'], []))} rows, manifest says {s['pool']}")
        gone = sum(1 for r in t["pool-removed.csv"] if r["stratum"] == s["name"])
        if gone != s["removed"]: diffs.append(f"pool-removed.csv: stratum {s['name']} lists {gone}, manifest says {s['removed']}")
    canonical = {
        "pool-enterprises.csv": [[e[k] for k in ("stratum", "uscc", "name", "industry")] for s in order for e in sorted(pool[s], key=lambda e: e["uscc"])],
        "pool-inspectors.csv": sorted([list(i.values()) for i in t["pool-inspectors.csv"]]),
        "items.csv": sorted([list(i.values()) for i in t["items.csv"]]),
        "conflicts.csv": sorted([list(c.values()) for c in t["conflicts.csv"]]),
        "pool-removed.csv": [[r["stratum"], r["uscc"], r["byPlan"]] for s in order for r in sorted((r for r in t["pool-removed.csv"] if r["stratum"] == s), key=lambda r: r["uscc"])],
        "events.csv": [list(e.values()) for e in t["events.csv"]]}
    for name, key in [("pool-enterprises.csv", "uscc"), ("pool-inspectors.csv", "certNo"), ("items.csv", "code"), ("conflicts.csv", "certNo,uscc"), ("pool-removed.csv", "uscc")]:
        counts = Counter(",".join(r[k] for k in key.split(",")) for r in t[name])
        diffs += [f"{name}: {key} {v} appears more than once" for v, n in counts.items() if n > 1]
    diffs += [f"{n}: not in the canonical form of section 10" for n, rows in canonical.items() if csv_text(H[n], rows) != text[n]]
    inspectors = {i["certNo"]: i for i in t["pool-inspectors.csv"]}
    diffs += [f"pool-inspectors.csv: {c} has kind {i['kind']!r}" for c, i in inspectors.items() if i["kind"] not in ("officer", "expert", "")]
    kind = {c: "expert" if i["kind"] == "expert" else "officer" for c, i in inspectors.items()}
    for ev in t["events.csv"]:
        if ev["reason"] and ev["type"] in CATEGORIES and ev["reason"] not in CATEGORIES[ev["type"]]:
            diffs.append(f"events.csv: event {ev['seq']} publishes reason {ev['reason']!r}, not a category")

    # The draw (sections 17-18): enterprises over what remains, items specific first, teams group by group.
    conflicts = {(c["certNo"], c["uscc"]) for c in t["conflicts.csv"]}
    barred, k, seats = set(), {}, {c: 0 for c in inspectors}
    selection, teams, items, counts = [], {}, {}, {}
    for s in strata:
        left = [e for e in pool[s["name"]] if (s["name"], e["uscc"]) not in removed]
        population = listed.get(s["name"], {}).get("population", 0)
        n = s["count"] if "count" in s else math.ceil(ratio(s["ratio"]) * population)
        n = min(max(n, s.get("min", 0)), len(left))
        r = min(s.get("reserves", 3), len(left) - n)
        counts[s["name"]] = (n, r)
        ranked = sorted(left, key=lambda e: ticket(seed, "E", pid, e["uscc"]))[:n + r]
        selection += [dict(e, rank=i + 1, ticket=ticket(seed, "E", pid, e["uscc"]), role="selected" if i < n else "reserve") for i, e in enumerate(ranked)]
    for name, (n, r) in counts.items():
        if name in listed and (listed[name]["selected"], listed[name]["reserves"]) != (n, r):
            diffs.append(f"counts: the plan gives {n} selected and {r} reserves in {name}, manifest says {listed[name]['selected']} and {listed[name]['reserves']}")

    def spec(c, industry): return industry != "" and industry in inspectors[c]["specialties"].split(";")
    def fits(c, g): return kind[c] == g[1] and (g[2] is None or inspectors[c]["department"] == g[2])
    def group(e, name): return next(g for g in groups(e["stratum"]) if g[0] == name)
    def processing_order(): return sorted((e for e in selection if e["role"] == "selected"), key=lambda e: e["ticket"])
    def i_ticket(uscc, c): return ticket(seed, "I", f"{pid}/{uscc}", c)

    def draw_items(e):
        c = lambda code: ticket(seed, "C", f"{pid}/{e['uscc']}", code)
        ok = [i for i in t["items.csv"] if i["industries"] == "*" or (e["industry"] != "" and e["industry"] in i["industries"].split(";"))]
        ranked = sorted((c(i["code"]), i) for i in ok if i["industries"] != "*") + sorted((c(i["code"]), i) for i in ok if i["industries"] == "*")
        if not joint: chosen = ranked[:per_enterprise]
        else: chosen = [x for j, d in enumerate(joint["departments"]) for x in [x for x in ranked if x[1]["department"] == d["name"] or (j == 0 and x[1]["department"] == "")][:d.get("items", per_enterprise)]]
        return sorted((tk, i["code"]) for tk, i in chosen)

    def draw_team(e):
        u, team_rows = e["uscc"], []
        for g in groups(e["stratum"]):
            on = {m[2] for m in team_rows}
            cands = sorted((i_ticket(u, c), c) for c in inspectors if fits(c, g) and c not in on and (c, u) not in conflicts and seats[c] < max_seats)
            chosen = [x for x in cands if spec(x[1], e["industry"])][:g[4]]
            if g[1] == "officer": chosen += [x for x in cands if x not in chosen][:g[3] - len(chosen)]
            if len(chosen) < g[3] or sum(spec(c, e["industry"]) for _, c in chosen) < g[4]: raise Refused(f"no team can be formed for {u} (group {g[0]})")
            team_rows += [[len(team_rows) + i + 1, g[0], c, tk] for i, (tk, c) in enumerate(chosen)]
        for m in team_rows: seats[m[2]] += 1
        return team_rows

    def selected(uscc):
        e = next((e for e in selection if e["uscc"] == uscc and e["role"] == "selected"), None)
        if e is None: raise Refused(f"{uscc} is not a selected enterprise")
        return e

    def seat_of(u, x):
        m = [m for m in teams[u] if m[2] == x]
        if not m: raise Refused(f"{x} is not on the team of {u}")
        return m[0]

    def newcomer(ev, conflict):  # recusal (conflict) or reassign: same group, specialist when the group needs one
        u, x = ev["uscc"], ev["certNo"]
        e = selected(u); seat = seat_of(u, x); g = group(e, seat[1])
        kk = k.get(u, 0) + 1
        rest = [m[2] for m in teams[u] if m[2] != x]
        need = g[1] == "expert" or sum(spec(m[2], e["industry"]) for m in teams[u] if m[2] != x and m[1] == g[0]) < g[4]
        fresh = nfc(ev["seed"])
        order_ = sorted((ticket(fresh, "R", f"{pid}/{u}/{kk}", c) if fresh else i_ticket(u, c), c) for c in inspectors)
        for tk, c in order_:
            if c != x and fits(c, g) and c not in rest and (c, u) not in barred and (c, u) not in conflicts and seats[c] < max_seats and (not need or spec(c, e["industry"])):
                k[u] = kk; barred.add((x, u)); seats[x] -= 1; seats[c] += 1
                if conflict: conflicts.add((x, u))
                seat[2], seat[3] = c, tk
                return c, ""
        raise Refused(f"no {g[0]} member can replace {x} on {u}")

    def swap(ev):  # Y from X's group on the first possible other team; specialists per group on both teams
        u, x = ev["uscc"], ev["certNo"]
        e = selected(u); xs = seat_of(u, x); gname = xs[1]
        e_team = [m[2] for m in teams[u]]
        def enough(ent, members): return sum(spec(c, ent["industry"]) for c in members) >= group(ent, gname)[4]
        for f in processing_order():
            fu = f["uscc"]
            if fu == u or x in [m[2] for m in teams[fu]] or (x, fu) in conflicts or (x, fu) in barred: continue
            for ys in teams[fu]:
                y = ys[2]
                if ys[1] != gname or y in e_team or (y, u) in conflicts or (y, u) in barred: continue
                if not enough(e, [y if m[2] == x else m[2] for m in teams[u] if m[1] == gname]): continue
                if not enough(f, [x if m[2] == y else m[2] for m in teams[fu] if m[1] == gname]): continue
                k[u] = k.get(u, 0) + 1; conflicts.add((x, u)); barred.add((x, u))
                xs[2:], ys[2:] = [y, i_ticket(u, y)], [x, i_ticket(fu, x)]
                return y, fu
        raise Refused(f"no swap is possible for {x} on {u}")

    def replacement(ev):
        e = selected(ev["uscc"])
        reserves = sorted((r for r in selection if r["stratum"] == e["stratum"] and r["role"] == "reserve"), key=lambda r: r["rank"])
        if not reserves: raise Refused(f"no reserve is left in {e['stratum']}")
        for m in teams[e["uscc"]]: seats[m[2]] -= 1
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
        for line, ev in enumerate(t["events.csv"]):
            if ev["seq"] != str(line + 1): diffs.append(f"events.csv line {line + 2}: seq {ev['seq']}, expected {line + 1}")
        for ev in sorted(t["events.csv"], key=lambda ev: int(ev["seq"]) if ev["seq"].isdigit() else 0):
            apply = {"recusal": lambda ev: newcomer(ev, True), "reassign": lambda ev: newcomer(ev, False), "swap": swap, "replacement": replacement}.get(ev["type"])
            if apply is None: raise Refused(f"unknown event type {ev['type']!r} in event {ev['seq']}")
            try: cert, uscc = apply(ev)
            except Refused as err: raise Refused(f"event {ev['seq']} ({ev['type']} on {ev['uscc']}) cannot be applied: {err}")
            if (cert, uscc) != (ev["replacementCertNo"], ev["replacementUscc"]):
                diffs.append(f"event {ev['seq']} ({ev['type']} on {ev['uscc']}): recorded {ev['replacementCertNo']!r} {ev['replacementUscc']!r}, the rules give {cert!r} {uscc!r}")
    except Refused as err:
        diffs.append(f"replay: {err}; nothing after it can be compared")
        replayed = False
    if replayed:
        expected = {
            "selection.csv": [[e["stratum"], e["rank"], e["uscc"], e["name"], e["ticket"], e["role"]] for s in order for e in selection if e["stratum"] == s],
            "teams.csv": [[u, seat, g, c, inspectors[c]["name"], tk] for u in sorted(teams) for seat, g, c, tk in sorted(teams[u])],
            "check-items.csv": [[u, code, tk] for u in sorted(items) for tk, code in items[u]]}
        for name, rows in expected.items():
            want, have = csv_text(H[name], rows).splitlines(), text[name].splitlines()
            want_set, have_set = set(want), set(have)  # built once: a set per line made this quadratic (108 s at 1M)
            diffs += [f"{name}: published line not reproduced by the draw: {line}" for line in have if line not in want_set]
            diffs += [f"{name}: the draw gives a line the file lacks: {line}" for line in want if line not in have_set]
            if want_set == have_set and csv_text(H[name], rows) != text[name]: diffs.append(f"{name}: not in canonical order")
    return diffs, manifest, seed, counts, len(t["events.csv"])


def main():
    if len(sys.argv) != 2: print(__doc__, file=sys.stderr); sys.exit(2)
    try: diffs, manifest, seed, counts, events = verify(sys.argv[1]); diffs = diffs + time_order(manifest)
    except (NotABundle, KeyError, TypeError, AttributeError, ValueError, RecursionError) as e:
        print(f"error: {sys.argv[1]} cannot be verified as a bundle: {e!r}", file=sys.stderr); sys.exit(3)
    if diffs:
        print(f"FAILED: {len(diffs)} difference(s)")
        for d in diffs: print(f"  - {d}")
        sys.exit(1)
    print(f"VERIFIED: plan {manifest['planId']} ({manifest['algorithm']})")
    print(f"seed: {seed}\npool hash: {manifest['poolHash']}")
    for name, (n, r) in counts.items(): print(f"  {name}: {n} selected, {r} reserves")
    print(f"events replayed: {events}")
    print("claims of the manifest (not verifiable from the bundle; check them against the office's publications):")
    for k, v in claims(manifest).items(): print(f"  {k}: {v}")


def run_with_deep_stack(fn):  # deeply nested JSON is parsed recursively: run in a thread with a large stack
    import threading, traceback
    sys.setrecursionlimit(1_000_000); threading.stack_size(512 * 1024 * 1024); code = [0]
    def target():
        try: fn()
        except SystemExit as e: code[0] = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        except BaseException: traceback.print_exc(); code[0] = 70
    worker = threading.Thread(target=target); worker.start(); worker.join(); sys.exit(code[0])


if __name__ == "__main__":
    run_with_deep_stack(main)
