#!/usr/bin/env python3
"""Independent reference implementation of the SSJ-2 draw protocol, for the test vectors.

    python3 test/vectors/ssj2_reference.py test/vectors/ssj2-joint.json

Written from /work/shared/DESIGN.md, sections "The draw protocol SSJ-1", "The draw protocol SSJ-2" and its
Precisions, without reading the TypeScript. Reads a vector input (plan, seed parts, frozen pool, removed rows,
inspectors, items, conflicts, event requests, events expected to be refused), computes the draw and the events,
and writes next to the input:
  - NAME/ : the complete ssj-bundle/2 (eleven files) the protocol gives;
  - NAME-expected.json : the state after the draw and after every event, and why each refused event is refused.
Python 3 standard library only.
"""
import hashlib, json, math, os, re, sys, unicodedata
from fractions import Fraction

WS = "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"


def nfc(s): return unicodedata.normalize("NFC", s).strip(WS)
def sha(s): return hashlib.sha256(s.encode("utf-8")).hexdigest()
def tk(seed, stage, scope, ident): return sha(f"{seed}|{stage}|{scope}|{ident}")


def rfc3797(numbers):
    sources = unicodedata.normalize("NFKC", numbers).split("/")
    if len(sources) > 1 and sources[-1].strip() == "": sources.pop()
    out = ""
    for src in sources:
        nums = sorted(int(x) for x in re.split(r"[ \t\r\n,.;]+", src) if x != "")
        if not nums: raise ValueError("empty source")
        out += "".join(f"{n}." for n in nums) + "/"
    return out


def ratio(text):
    text = unicodedata.normalize("NFKC", text).strip()
    if "/" in text:
        a, b = text.split("/")
        return Fraction(int(a), int(b))
    if text.endswith("%"): return Fraction(text[:-1]) / 100
    return Fraction(text)


def field(v):
    v = str(v)
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v


def csv(header, rows): return "".join(",".join(field(x) for x in r) + "\n" for r in [header] + rows)


class Refused(Exception): pass


class Draw:
    """The whole protocol state: selection, teams, items, seat counts, conflicts, barred pairs, k per enterprise."""

    def __init__(self, v):
        self.v = v
        plan = v["plan"]
        self.plan = plan
        self.pid = plan["id"]
        self.public_seed = rfc3797(v["seedInput"]) if v["seedKind"] == "rfc3797" else nfc(v["seedInput"])
        self.secret = v.get("seedSecret")
        # "manifest.seed is publicSeed + '#' + seedSecret when there is a secret, else publicSeed"
        self.seed = self.public_seed + "#" + self.secret if self.secret else self.public_seed
        self.commitment = sha(f"ssj-secret|{self.pid}|{self.secret}") if self.secret else None
        self.insp = {i["certNo"]: i for i in v["inspectors"]}
        for i in self.insp.values():
            i.setdefault("kind", "officer")
            if i["kind"] == "": i["kind"] = "officer"
        team = plan.get("team", {})
        self.officers = team["officers"] if "officers" in team else team.get("size", 0)
        self.specialists = team.get("specialists", 0)
        self.experts = team.get("experts", 0)
        m = team.get("maxPerInspector")
        self.max = math.inf if m is None else m
        self.joint = plan.get("joint")
        self.per_enterprise = plan.get("items", {}).get("perEnterprise", 0)
        self.conflicts = {(c["certNo"], c["uscc"]) for c in v["conflicts"]}
        self.barred = set()
        self.k = {}
        self.seats = {c: 0 for c in self.insp}
        self.teams, self.items = {}, {}
        self.strata_counts = []
        self.selection = []

    # --- groups -------------------------------------------------------------------------------------------------
    def groups(self, e):
        """Seat groups for enterprise e, in filling order: (name, kind, department or None, seats, specialists)."""
        if self.joint:
            gs = [(d["name"], "officer", d["name"], d["officers"], d.get("specialists", 0)) for d in self.joint["departments"]]
            experts = self.experts
        else:
            s = next(s for s in self.plan["strata"] if s["name"] == e["stratum"])
            o = s.get("team", {})
            officers = o["officers"] if "officers" in o else self.officers
            spec = o["specialists"] if "specialists" in o else self.specialists
            experts = o["experts"] if "experts" in o else self.experts
            gs = [("officers", "officer", None, officers, spec)]
        # every expert seated must be a specialist
        return gs + [("experts", "expert", None, experts, experts)]

    def group(self, e, name): return next(g for g in self.groups(e) if g[0] == name)

    def in_group(self, c, g):
        i = self.insp[c]
        return i["kind"] == g[1] and (g[2] is None or i["department"] == g[2])

    def spec(self, c, industry): return industry != "" and industry in self.insp[c]["specialties"]

    def i_ticket(self, uscc, c): return tk(self.seed, "I", f"{self.pid}/{uscc}", c)

    # --- the draw -----------------------------------------------------------------------------------------------
    def enterprises(self):
        removed = {(r["stratum"], r["uscc"]) for r in self.v["removed"]}
        for s in self.plan["strata"]:
            frozen = [e for e in self.v["pool"] if e["stratum"] == s["name"]]
            left = [e for e in frozen if (s["name"], e["uscc"]) not in removed]
            population = self.v["population"][s["name"]]
            n = s["count"] if "count" in s else math.ceil(ratio(s["ratio"]) * population)
            n = min(max(n, s.get("min", 0)), len(left))
            r = min(s.get("reserves", 3), len(left) - n)
            ranked = sorted(left, key=lambda e: tk(self.seed, "E", self.pid, e["uscc"]))[: n + r]
            for i, e in enumerate(ranked):
                self.selection.append(dict(e, rank=i + 1, ticket=tk(self.seed, "E", self.pid, e["uscc"]), role="selected" if i < n else "reserve"))
            self.strata_counts.append({"name": s["name"], "population": population, "pool": len(frozen), "removed": len(frozen) - len(left), "selected": n, "reserves": r})

    def processing(self): return sorted((e for e in self.selection if e["role"] == "selected"), key=lambda e: e["ticket"])

    def draw_items(self, e):
        fits = [i for i in self.v["items"] if i["industries"] == "*" or (e["industry"] != "" and e["industry"] in i["industries"])]
        c = lambda i: tk(self.seed, "C", f"{self.pid}/{e['uscc']}", i["code"])
        specific = sorted((i for i in fits if i["industries"] != "*"), key=c)
        general = sorted((i for i in fits if i["industries"] == "*"), key=c)
        order = specific + general
        if not self.joint:
            chosen = order[: self.per_enterprise]
        else:
            chosen = []
            for j, d in enumerate(self.joint["departments"]):
                mine = [i for i in order if i.get("department", "") == d["name"] or (j == 0 and i.get("department", "") == "")]
                chosen += mine[: d.get("items", self.per_enterprise)]
        return sorted(((c(i), i["code"]) for i in chosen))

    def draw_team(self, e):
        u, ind = e["uscc"], e["industry"]
        team = []
        for g in self.groups(e):
            name, kind, dept, seats, need = g
            on = {m["certNo"] for m in team}
            cands = sorted((self.i_ticket(u, c), c) for c in self.insp
                           if self.in_group(c, g) and c not in on and (c, u) not in self.conflicts and self.seats[c] < self.max)
            specs = [x for x in cands if self.spec(x[1], ind)][:need]
            if len(specs) < need: raise Refused(f"group {name} of {u}: {len(specs)} specialists, {need} needed")
            if kind == "expert": taken = specs[:seats]
            else: taken = specs + [x for x in cands if x not in specs][: seats - len(specs)]
            if len(taken) < seats: raise Refused(f"group {name} of {u}: {len(taken)} candidates, {seats} needed")
            for t, c in taken: team.append({"seat": len(team) + 1, "group": name, "certNo": c, "ticket": t})
        for m in team: self.seats[m["certNo"]] += 1
        return team

    def run(self):
        self.enterprises()
        for e in self.processing():
            self.items[e["uscc"]] = self.draw_items(e)
            self.teams[e["uscc"]] = self.draw_team(e)

    # --- events -------------------------------------------------------------------------------------------------
    def selected(self, u):
        e = next((e for e in self.selection if e["uscc"] == u and e["role"] == "selected"), None)
        if e is None: raise Refused(f"{u} is not selected")
        return e

    def member(self, u, c):
        m = next((m for m in self.teams[u] if m["certNo"] == c), None)
        if m is None: raise Refused(f"{c} is not on the team of {u}")
        return m

    def newcomer(self, ev, gains_conflict):
        """Recusal (gains_conflict) or reassign: the vacated seat's group supplies the newcomer."""
        u, x = ev["uscc"], ev["certNo"]
        e = self.selected(u)
        m = self.member(u, x)
        g = self.group(e, m["group"])
        k = self.k.get(u, 0) + 1
        remaining = [o for o in self.teams[u] if o["certNo"] != x]
        in_group = [o["certNo"] for o in remaining if o["group"] == g[0]]
        need = g[1] == "expert" or sum(self.spec(c, e["industry"]) for c in in_group) < g[4]
        fresh = nfc(ev.get("seed", ""))
        if fresh: order = sorted((tk(fresh, "R", f"{self.pid}/{u}/{k}", c), c) for c in self.insp)
        else: order = sorted((self.i_ticket(u, c), c) for c in self.insp)
        on = {o["certNo"] for o in remaining}
        for t, c in order:
            if c == x or c in on or (c, u) in self.barred or (c, u) in self.conflicts: continue
            if not self.in_group(c, g) or self.seats[c] >= self.max: continue
            if need and not self.spec(c, e["industry"]): continue
            self.k[u] = k
            self.barred.add((x, u))
            if gains_conflict: self.conflicts.add((x, u))
            self.seats[x] -= 1
            self.seats[c] += 1
            m["certNo"], m["ticket"] = c, t
            return {"replacementCertNo": c, "replacementUscc": "", "k": k, "seat": m["seat"], "group": g[0], "neededSpecialist": need}
        raise Refused(f"no {g[0]} inspector can replace {x} on {u}")

    def swap(self, ev):
        u, x = ev["uscc"], ev["certNo"]
        e = self.selected(u)
        xm = self.member(u, x)
        gname = xm["group"]
        e_team = [o["certNo"] for o in self.teams[u]]

        def enough(ent, members_after):
            g = self.group(ent, gname)
            return sum(self.spec(c, ent["industry"]) for c in members_after) >= g[4]

        for f in self.processing():
            fu = f["uscc"]
            if fu == u: continue
            f_team = [o["certNo"] for o in self.teams[fu]]
            if x in f_team or (x, fu) in self.conflicts or (x, fu) in self.barred: continue
            for ym in sorted(self.teams[fu], key=lambda o: o["seat"]):
                y = ym["certNo"]
                if ym["group"] != gname: continue
                if y in e_team or (y, u) in self.conflicts or (y, u) in self.barred: continue
                e_after = [y if o["certNo"] == x else o["certNo"] for o in self.teams[u] if o["group"] == gname]
                f_after = [x if o["certNo"] == y else o["certNo"] for o in self.teams[fu] if o["group"] == gname]
                if not enough(e, e_after) or not enough(f, f_after): continue
                k = self.k.get(u, 0) + 1
                self.k[u] = k
                self.conflicts.add((x, u))
                self.barred.add((x, u))
                xm["certNo"], xm["ticket"] = y, self.i_ticket(u, y)
                ym["certNo"], ym["ticket"] = x, self.i_ticket(fu, x)
                return {"replacementCertNo": y, "replacementUscc": fu, "k": k, "seat": xm["seat"], "group": gname}
        raise Refused(f"no {gname} member of another team can trade with {x} on {u}")

    def replacement(self, ev):
        u = ev["uscc"]
        e = self.selected(u)
        reserves = sorted((r for r in self.selection if r["stratum"] == e["stratum"] and r["role"] == "reserve"), key=lambda r: r["rank"])
        if not reserves: raise Refused(f"no reserve left in {e['stratum']}")
        new = reserves[0]
        for m in self.teams[u]: self.seats[m["certNo"]] -= 1
        try:
            team = self.draw_team(new)
        except Refused:
            for m in self.teams[u]: self.seats[m["certNo"]] += 1
            raise
        e["role"], new["role"] = "replaced", "selected"
        del self.teams[u], self.items[u]
        self.teams[new["uscc"]] = team
        self.items[new["uscc"]] = self.draw_items(new)
        return {"replacementCertNo": "", "replacementUscc": new["uscc"], "rank": new["rank"]}

    def apply(self, ev):
        t = ev["type"]
        if t == "recusal": return self.newcomer(ev, True)
        if t == "reassign": return self.newcomer(ev, False)
        if t == "swap": return self.swap(ev)
        if t == "replacement": return self.replacement(ev)
        raise Refused(f"unknown type {t}")

    # --- files --------------------------------------------------------------------------------------------------
    def files(self):
        order = [s["name"] for s in self.plan["strata"]]
        return {
            "selection.csv": csv(["stratum", "rank", "uscc", "name", "ticket", "role"],
                                 [[e["stratum"], e["rank"], e["uscc"], e["name"], e["ticket"], e["role"]] for s in order for e in self.selection if e["stratum"] == s]),
            "teams.csv": csv(["uscc", "seat", "group", "certNo", "name", "ticket"],
                             [[u, m["seat"], m["group"], m["certNo"], self.insp[m["certNo"]]["name"], m["ticket"]] for u in sorted(self.teams) for m in sorted(self.teams[u], key=lambda m: m["seat"])]),
            "check-items.csv": csv(["uscc", "code", "ticket"], [[u, code, t] for u in sorted(self.items) for t, code in self.items[u]]),
        }


def input_files(v):
    order = [s["name"] for s in v["plan"]["strata"]]
    return {
        "pool-enterprises.csv": csv(["stratum", "uscc", "name", "industry"],
                                    [[e["stratum"], e["uscc"], e["name"], e["industry"]] for s in order for e in sorted((e for e in v["pool"] if e["stratum"] == s), key=lambda e: e["uscc"])]),
        "pool-inspectors.csv": csv(["certNo", "name", "kind", "department", "unit", "specialties"],
                                   [[i["certNo"], i["name"], i.get("kind", "officer"), i["department"], i["unit"], ";".join(i["specialties"])] for i in sorted(v["inspectors"], key=lambda i: i["certNo"])]),
        "items.csv": csv(["code", "name", "industries", "department"],
                         [[i["code"], i["name"], "*" if i["industries"] == "*" else ";".join(i["industries"]), i.get("department", "")] for i in sorted(v["items"], key=lambda i: i["code"])]),
        "conflicts.csv": csv(["certNo", "uscc"], sorted([c["certNo"], c["uscc"]] for c in v["conflicts"])),
        "pool-removed.csv": csv(["stratum", "uscc", "byPlan"],
                                [[r["stratum"], r["uscc"], r["byPlan"]] for s in order for r in sorted((r for r in v["removed"] if r["stratum"] == s), key=lambda r: r["uscc"])]),
    }


def batch(in_path, out_path):
    """Many generated cases in one process: for each, the draw (or why it fails) and every event, accepted or refused."""
    results = []
    for v in json.load(open(in_path, encoding="utf-8")):
        d = Draw(v)
        try:
            d.run()
        except Refused as e:
            results.append({"drawFailed": str(e)})
            continue
        out = {"strata": d.strata_counts, "draw": d.files(), "events": []}
        for req in v["events"]:
            try:
                o = d.apply(req)
                out["events"].append({"replacementCertNo": o["replacementCertNo"], "replacementUscc": o["replacementUscc"], **d.files()})
            except Refused as e:
                out["events"].append({"refused": str(e)})
        results.append(out)
    with open(out_path, "w", encoding="utf-8") as fh: json.dump(results, fh, ensure_ascii=False)


def main():
    if sys.argv[1] == "--batch": return batch(sys.argv[2], sys.argv[3])
    path = sys.argv[1]
    v = json.load(open(path, encoding="utf-8"))
    d = Draw(v)
    d.run()
    expected = {"publicSeed": d.public_seed, "seed": d.seed, "secretCommitment": d.commitment, "strata": d.strata_counts,
                "draw": d.files(), "after": [], "refused": []}
    events = []
    for n, req in enumerate(v["events"], 1):
        out = d.apply(req)
        row = {"seq": n, "type": req["type"], "uscc": req["uscc"], "certNo": req.get("certNo", ""),
               "replacementCertNo": out["replacementCertNo"], "replacementUscc": out["replacementUscc"],
               "seed": nfc(req.get("seed", "")), "reason": req.get("reason", "")}
        events.append(row)
        expected["after"].append(dict(row, outcome=out, **d.files()))
    for req in v.get("refused", []):
        before = json.dumps([d.files(), sorted(d.conflicts), sorted(d.barred), d.k, d.seats], sort_keys=True)
        try:
            d.apply(req)
            raise SystemExit(f"expected refusal was accepted: {req}")
        except Refused as e:
            assert before == json.dumps([d.files(), sorted(d.conflicts), sorted(d.barred), d.k, d.seats], sort_keys=True), req
            expected["refused"].append(dict(req, why=str(e)))

    files = input_files(v)
    files.update(d.files())
    files["events.csv"] = csv(["seq", "type", "uscc", "certNo", "replacementCertNo", "replacementUscc", "seed", "reason"],
                              [[e["seq"], e["type"], e["uscc"], e["certNo"], e["replacementCertNo"], e["replacementUscc"], e["seed"], e["reason"]] for e in events])
    files["plan.json"] = json.dumps(v["plan"], ensure_ascii=False, indent=2) + "\n"
    manifest = {
        "format": "ssj-bundle/2", "algorithm": "SSJ-2", "planId": d.pid, "title": v["plan"].get("title", ""),
        "seed": d.seed, "seedInput": v["seedInput"], "seedKind": v["seedKind"], "seedSource": v["seedSource"],
        "seedRule": v["seedRule"], "publicSeed": d.public_seed, "secretCommitment": d.commitment, "seedSecret": d.secret,
        "frozenAt": v["frozenAt"], "drawnAt": v["drawnAt"], "poolHash": sha(files["pool-enterprises.csv"]),
        "strata": d.strata_counts, "files": {n: sha(files[n]) for n in sorted(files)}}
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    out_dir = path[: -len(".json")]
    os.makedirs(out_dir, exist_ok=True)
    for n in os.listdir(out_dir): os.remove(os.path.join(out_dir, n))
    for n, text in files.items():
        with open(os.path.join(out_dir, n), "w", encoding="utf-8", newline="") as fh: fh.write(text)
    with open(out_dir + "-expected.json", "w", encoding="utf-8", newline="") as fh:
        fh.write(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")
    print(f"{out_dir}: {len(files)} files; {len(events)} events, {len(expected['refused'])} refused")


if __name__ == "__main__":
    main()
