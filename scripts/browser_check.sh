#!/usr/bin/env bash
# Opens the generated HTML reports in a real browser (headless Chromium) and
# checks what a reader would see: the section for the minister with its
# points, the summary table and every knelpunt heading, compared with the
# titles in the report's JSON. Writes a PNG
# screenshot of each report and prints its path.
#
#   scripts/browser_check.sh [OUT_DIR]
#
# OUT_DIR (default: a new temporary folder) receives the reports, the
# rendered DOMs and the screenshots. Exits non-zero with a message on any
# failure. Installs Debian's chromium package when it is missing.
#
# The knelpuntenrapport is made with the estimates of a small synthetic
# population made here (`doenbaar populatie`), so the check also covers what
# the population adds: per knelpunt the sampling interval and the range over
# the assumptions, a tornado chart (inline SVG with title and description)
# wherever an assumption moves the estimate, and the calibration and
# assumptions under the method note.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "browser_check: FOUT: $*" >&2; exit 1; }
say() { echo "browser_check: $*"; }

out="${1:-$(mktemp -d "${TMPDIR:-/tmp}/doenbaar-browser-check.XXXXXX")}"
mkdir -p "$out/screenshots" "$out/dom"
out="$(cd "$out" && pwd)"

# --- (a) Chromium ----------------------------------------------------------
browser=""
find_browser() {
    for b in chromium chromium-browser; do
        if command -v "$b" >/dev/null 2>&1; then browser="$(command -v "$b")"; return 0; fi
    done
    return 1
}
if ! find_browser || ! fc-list 2>/dev/null | grep -qi dejavu; then
    say "chromium (of een lettertype) ontbreekt; installeren met apt-get"
    command -v apt-get >/dev/null 2>&1 || fail "chromium ontbreekt en apt-get is er niet"
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || fail "chromium ontbreekt; installeren vraagt root of sudo"
        as_root=(sudo -n)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq >"$out/apt.log" 2>&1 || { cat "$out/apt.log" >&2; fail "apt-get update mislukt"; }
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >>"$out/apt.log" 2>&1 \
        || { tail -20 "$out/apt.log" >&2; fail "apt-get install chromium mislukt"; }
    find_browser || fail "chromium is na installatie niet te vinden"
fi
say "browser: $("$browser" --version 2>/dev/null | tail -1)"
command -v python3 >/dev/null 2>&1 || fail "python3 ontbreekt (nodig om de JSON te lezen)"

# --- (b) The reports -------------------------------------------------------
say "rapporten maken in $out"
swift build --product doenbaar >"$out/build.log" 2>&1 || { tail -30 "$out/build.log" >&2; fail "swift build mislukt"; }
# A small population (debug build: a few hundred runs), with a sensitivity sample of a few people.
swift run --skip-build doenbaar populatie --size 120 --seed 7 --gevoeligheid 8 --out "$out/populatie" 2>"$out/populatie.log" >/dev/null \
    || { cat "$out/populatie.log" >&2; fail "doenbaar populatie mislukt"; }
swift run --skip-build doenbaar knelpunten --populatie "$out/populatie/populatie.json" --out "$out" 2>"$out/knelpunten.log" >/dev/null \
    || { cat "$out/knelpunten.log" >&2; fail "doenbaar knelpunten mislukt"; }
reports=("$out/knelpunten")

if swift run --skip-build doenbaar invoeringstoets --help >/dev/null 2>&1; then
    found=0
    for reform in Rules/hervormingen/*/; do
        [ -d "$reform" ] || continue
        found=1
        name="$(basename "$reform")"
        swift run --skip-build doenbaar invoeringstoets --baseline Rules --reform "${reform%/}" --out "$out" \
            2>"$out/invoeringstoets-$name.log" >/dev/null \
            || { cat "$out/invoeringstoets-$name.log" >&2; fail "doenbaar invoeringstoets voor $name mislukt"; }
    done
    [ "$found" -eq 1 ] || say "geen hervormingen in Rules/hervormingen: invoeringstoets overgeslagen"
    # All reforms side by side in one report, the baseline analysed once.
    several=()
    for reform in Rules/hervormingen/*/; do [ -d "$reform" ] && several+=(--reform "${reform%/}"); done
    if [ "${#several[@]}" -ge 4 ]; then
        swift run --skip-build doenbaar invoeringstoets --baseline Rules "${several[@]}" --out "$out" \
            2>"$out/invoeringstoets.log" >/dev/null \
            || { cat "$out/invoeringstoets.log" >&2; fail "doenbaar invoeringstoets met meer hervormingen mislukt"; }
        [ -s "$out/invoeringstoets.html" ] || fail "invoeringstoets.html ontbreekt na een run met meer hervormingen"
    fi
    for f in "$out"/invoeringstoets-*.html "$out"/invoeringstoets.html; do
        [ -e "$f" ] && reports+=("${f%.html}")
    done
else
    say "opdracht 'invoeringstoets' bestaat (nog) niet: overgeslagen"
fi

# --- (c, d, e) Open each report, check the DOM, take a screenshot ------------
chrome() {
    timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
        --hide-scrollbars --user-data-dir="$out/profiel" "$@"
}

passed=0 failed=0
for stem in "${reports[@]}"; do
    name="$(basename "$stem")"
    html="$stem.html" json="$stem.json"
    [ -s "$html" ] || fail "$html ontbreekt of is leeg"
    [ -s "$json" ] || fail "$json ontbreekt of is leeg"
    dom="$out/dom/$name.html"
    png="$out/screenshots/$name.png"

    chrome --dump-dom "file://$html" >"$dom" 2>"$out/dom/$name.log" \
        || { tail -20 "$out/dom/$name.log" >&2; fail "chromium kon $html niet openen"; }
    [ -s "$dom" ] || fail "chromium gaf een lege DOM voor $html"
    chrome --screenshot="$png" --window-size=1280,4000 "file://$html" >"$out/screenshots/$name.log" 2>&1 \
        || { tail -20 "$out/screenshots/$name.log" >&2; fail "chromium kon geen schermafdruk maken van $html"; }

    if ! python3 - "$json" "$dom" "$png" "$name" <<'PY'
import json, struct, sys
from html.parser import HTMLParser

json_path, dom_path, png_path, name = sys.argv[1:5]
report = json.load(open(json_path, encoding="utf-8"))
dom = open(dom_path, encoding="utf-8").read()

class Page(HTMLParser):
    """Headings with their text, the summary table's body rows, and the charts."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []          # (tag, text)
        self.open_heading = None
        self.stack = []
        self.summary_rows = 0
        self.in_summary = 0
        self.svgs = []              # attributes of each <svg>
        self.minister_points = 0    # points in the list of the minister's section
        self.in_minister = False
        self.svg_titles = 0
        self.svg_descs = 0
        self.lang = None
        self.text = []              # all text, for the figures a reader sees
        self.tornado = {}           # id -> {"title": bool, "desc": bool, "bars": int, "labels": [text]}
        self.current_svg = None
        self.in_svg_text = False
        self.tables = {}            # id -> {"rows": body rows, "columns": header cells}
        self.table_ids = []         # the ids of the open tables, innermost last
        self.panels = {}            # svg id -> number of small-multiple panels
        self.flags = 0              # <p class="let-op">
        self.figures_with_table = 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("h1", "h2", "h3", "h4"):
            self.open_heading = [tag, ""]
        if tag == "table" and a.get("id") == "samenvatting-tabel":
            self.in_summary = 1
        elif tag == "table" and self.in_summary:
            self.in_summary += 1
        if tag == "tr" and self.in_summary == 1 and "tbody" in self.stack:
            self.summary_rows += 1
        if tag == "section":
            self.in_minister = a.get("aria-labelledby") == "minister"
        if tag == "li" and self.in_minister and "ul" in self.stack:
            self.minister_points += 1
        if tag == "svg":
            self.svgs.append(a)
            self.current_svg = a.get("id", "")
            if self.current_svg.startswith("gevoeligheid-"):
                self.tornado[self.current_svg] = {"title": False, "desc": False, "bars": 0, "labels": []}
        if tag == "title" and "svg" in self.stack:
            self.svg_titles += 1
        t = self.tornado.get(self.current_svg) if "svg" in self.stack or tag == "svg" else None
        if t is not None:
            if tag in ("title", "desc") and self.stack and self.stack[-1] == "svg":
                t[tag] = True
            if tag == "g" and a.get("class") == "staaf":
                t["bars"] += 1
            if tag == "text":
                self.in_svg_text = True
        if tag == "desc" and "svg" in self.stack:
            self.svg_descs += 1
        if tag == "table":
            self.table_ids.append(a.get("id"))
            if a.get("id"):
                self.tables[a["id"]] = {"rows": 0, "columns": 0}
                if "details" in self.stack and "figure" in self.stack:
                    self.figures_with_table += 1
            elif "details" in self.stack and "figure" in self.stack:
                self.figures_with_table += 1
        current = self.table_ids[-1] if self.table_ids else None
        if current and tag == "tr" and "tbody" in self.stack:
            self.tables[current]["rows"] += 1
        if current and tag == "th" and "thead" in self.stack:
            self.tables[current]["columns"] += 1
        if tag == "g" and (a.get("class") or "").startswith("paneel ") and self.svgs:
            svg_id = self.svgs[-1].get("id")
            self.panels[svg_id] = self.panels.get(svg_id, 0) + 1
        if tag == "p" and a.get("class") == "let-op":
            self.flags += 1
        self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag == "svg":
            self.current_svg = None
        if tag == "text":
            self.in_svg_text = False
        if tag == "section":
            self.in_minister = False
        if self.open_heading and tag == self.open_heading[0]:
            self.headings.append((tag, " ".join(self.open_heading[1].split())))
            self.open_heading = None
        if tag == "table" and self.in_summary:
            self.in_summary -= 1
        if tag == "table" and self.table_ids:
            self.table_ids.pop()
        while self.stack:
            if self.stack.pop() == tag:
                break
    def handle_data(self, data):
        if self.open_heading:
            self.open_heading[1] += data
        self.text.append(data)
        if self.in_svg_text and self.current_svg in self.tornado:
            self.tornado[self.current_svg]["labels"].append(data)

page = Page()
page.feed(dom)
problems = []

def heading_with(text, tags):
    return any(text in h for t, h in page.headings if t in tags)

if page.lang != "nl":
    problems.append('<html lang="nl"> ontbreekt')
if not page.summary_rows:
    problems.append("de samenvattende tabel (id samenvatting-tabel) ontbreekt of is leeg")

def heading_texts(tags):
    return [h for t, h in page.headings if t in tags]

if "hervormingen" not in report:
    titles = [k["titel"] for k in report["knelpunten"]]
    expected_rows = max(1, len(titles))
    if page.summary_rows != expected_rows:
        problems.append(f"samenvatting heeft {page.summary_rows} rijen, verwacht {expected_rows}")
    sections = ["Wat de minister moet weten", "Samenvatting", "Werkwijze"]
    knelpunt_tags = ("h2",)
    minister = report.get("minister")
    if not minister:
        problems.append("de JSON heeft geen sectie voor de minister")
    else:
        if not heading_with(" ".join(minister["titel"].split()), ("h2",)):
            problems.append(f"kop van de sectie voor de minister ontbreekt: {minister['titel']}")
        # Its points name the first knelpunten, in order, by their titles.
        expected_points = [k["titel"] for k in report["knelpunten"][:len(minister["punten"])]]
        if [p["titel"] for p in minister["punten"]] != expected_points:
            problems.append("de punten voor de minister volgen de knelpunten niet")
        if page.minister_points != len(minister["punten"]):
            problems.append(f"sectie voor de minister toont {page.minister_points} punten, verwacht {len(minister['punten'])}")
else:
    reforms = report["hervormingen"]
    n = len(reforms)
    titles = [k["titel"] for v in reforms for k in v["knelpunten"]]
    sections = ["Effect van de hervorming", "Knelpunten voor en na", "Knelpunten per categorie", "Werkt de regeling zoals bedoeld?",
                "Inkomen per persona, voor en na", "Werkwijze"]
    knelpunt_tags = ("h4",)
    h2 = heading_texts(("h2",))
    # (1) The effect of the reform leads: the first section, its table one column per reform.
    if not h2 or not h2[0].startswith("Effect van de hervorming"):
        problems.append(f"het rapport begint niet met het effect van de hervorming (eerste h2: {h2[:1]})")
    effect = page.tables.get("effect-tabel")
    if not effect or effect["rows"] < 3:
        problems.append("de tabel met het effect (id effect-tabel) ontbreekt of mist rijen")
    elif effect["columns"] != 1 + n:
        problems.append(f"de effecttabel heeft {effect['columns']} kolommen, verwacht {1 + n}")
    for v in reforms:
        for year in v["effect"]["jaren"]:
            if year["uitkeringslasten_cent"] != 0 and f"Uitkeringslasten {year['jaar']}" not in dom:
                problems.append(f"uitkeringslasten {year['jaar']} van {v['hervorming']['titel']} ontbreken")
    # (2) Side by side: every knelpunt of every reform one row, one column per reform.
    ids = {k["id"] for v in reforms for k in v["knelpunten"]}
    summary = page.tables.get("samenvatting-tabel", {"rows": 0, "columns": 0})
    if summary["rows"] != max(1, len(ids)):
        problems.append(f"samenvatting heeft {summary['rows']} rijen, verwacht {max(1, len(ids))}")
    if summary["columns"] != 2 + n:
        problems.append(f"samenvatting heeft {summary['columns']} kolommen, verwacht {2 + n}")
    for table in ("bedoelingen-tabel", "inkomen-tabel"):
        if page.tables.get(table, {}).get("columns") != 2 + n:
            problems.append(f"tabel {table} heeft niet één kolom per hervorming")
    # (3) The five categories per reform, with the counts of the JSON.
    categories = [("opgelost", "Opgelost"), ("verminderd", "Verminderd"), ("blijft", "Blijft"), ("verergerd", "Verergerd"), ("nieuw", "Nieuw")]
    h3 = heading_texts(("h3",))
    for key, word in categories:
        expected = [f"{word} ({sum(1 for k in v['knelpunten'] if k['categorie'] == key)})" for v in reforms]
        found = [h for h in h3 if h.startswith(word + " (")]
        if found != expected:
            problems.append(f"categoriekoppen {word}: {found}, verwacht {expected}")
    if len([h for h in h2 if h.startswith("Knelpunten per categorie")]) != n:
        problems.append(f"niet één sectie 'Knelpunten per categorie' per hervorming")
    flagged = sum(1 for v in reforms for k in v["knelpunten"] if k.get("verplichting_vervalt"))
    if page.flags != flagged:
        problems.append(f"{page.flags} markering(en) 'verplichting vervalt', verwacht {flagged}")
    # (4) The small multiples: per reform with a changed persona one chart, one panel per such persona.
    for i, v in enumerate(reforms, start=1):
        changed = sum(1 for p in v["personas"] if p["voor_cent"] != p["na_cent"])
        chart = f"grafiek-inkomen-{i}"
        if changed and page.panels.get(chart, 0) != changed:
            problems.append(f"grafiek {chart} heeft {page.panels.get(chart, 0)} panelen, verwacht {changed}")
        if not changed and chart in page.panels:
            problems.append(f"grafiek {chart} terwijl geen inkomen verandert")
    if page.svg_descs < len(page.svgs):
        problems.append("een grafiek zonder <desc>")
    if page.figures_with_table < len(page.svgs):
        problems.append("een grafiek zonder tabel met de cijfers")

for s in sections:
    if not heading_with(s, ("h2",)):
        problems.append(f"sectiekop '{s}' ontbreekt")
missing = [t for t in titles if not heading_with(" ".join(t.split()), knelpunt_tags)]
for t in missing:
    problems.append(f"kop van knelpunt ontbreekt: {t}")
if report.get("titel") and not heading_with(" ".join(report["titel"].split()), ("h1",)):
    problems.append("de titel (h1) ontbreekt")

# The population: per knelpunt both ranges in the text, a tornado chart where an assumption moves the estimate.
def count(n):
    return f"{n:,}".replace(",", ".")
def slug(t):
    out = ""
    for c in t.lower():
        if ("a" <= c <= "z") or ("0" <= c <= "9") or c in "_-":
            out += c
        elif not out.endswith("-"):
            out += "-"
    return out.strip("-") or "x"
text = " ".join(" ".join(page.text).split())
estimated = [k for k in report.get("knelpunten", []) if (k.get("populatie") or {}).get("gevoeligheid")]
if "knelpunten" in report and "personas" in report and "opgelost" not in report:
    if not estimated:
        problems.append("geen knelpunt met een populatieschatting en gevoeligheid (knelpunten --populatie)")
    for s in ("Kalibratie op gepubliceerde cijfers", "Aannames"):
        if not heading_with(s, ("h3",)):
            problems.append(f"kop '{s}' onder de werkwijze ontbreekt")
    if "bereik over de aannames" not in text or "95%-steekproefinterval" not in text:
        problems.append("de tekst noemt niet zowel het steekproefinterval als het bereik over de aannames")
    charts = 0
    for k in estimated:
        p = k["populatie"]; g = p["gevoeligheid"]
        for figure in (f"95%-steekproefinterval {count(p['personen_laag'])} tot {count(p['personen_hoog'])}",
                       f"bereik over de aannames {count(g['personen_laag'])} tot {count(g['personen_hoog'])}"):
            if figure not in text:
                problems.append(f"'{figure}' ontbreekt bij knelpunt {k['titel']}")
        # The summary shows the wider of the two ranges.
        lo, hi = (g["personen_laag"], g["personen_hoog"]) if g["personen_hoog"] - g["personen_laag"] > p["personen_hoog"] - p["personen_laag"] \
            else (p["personen_laag"], p["personen_hoog"])
        if f"{count(p['personen'])} ({count(lo)} tot {count(hi)})" not in text:
            problems.append(f"de samenvatting toont bij {k['titel']} niet het bredere bereik {count(lo)} tot {count(hi)}")
        moving = [u for u in g["aannames"] if u["beweegt"] and u["personen_bij_laag"] != u["personen_bij_hoog"]]
        if not [u for u in g["aannames"] if u["beweegt"]]:
            continue
        ids = sorted(i for i in page.tornado if i == "gevoeligheid-" + slug(k["id"]) or i.startswith("gevoeligheid-" + slug(k["id"]) + "-"))
        if not ids:
            problems.append(f"tornadografiek ontbreekt bij knelpunt {k['titel']}")
            continue
        t = page.tornado[ids[0]]
        charts += 1
        if not (t["title"] and t["desc"]):
            problems.append(f"tornadografiek {ids[0]} zonder <title> en <desc>")
        if t["bars"] != min(8, len([u for u in g["aannames"] if u["beweegt"]])):
            problems.append(f"tornadografiek {ids[0]} heeft {t['bars']} staven")
        labels = " ".join(" ".join(t["labels"]).split())
        for u in moving[:1]:
            if count(max(u["personen_bij_laag"], u["personen_bij_hoog"])) not in labels:
                problems.append(f"tornadografiek {ids[0]} schrijft de uitslag van '{u['omschrijving']}' niet uit")
    if not charts:
        problems.append("geen enkele tornadografiek in het rapport")

for a in page.svgs:
    if a.get("role") != "img":
        problems.append(f"grafiek {a.get('id')} zonder role=img")
if page.svg_titles < len(page.svgs):
    problems.append("een grafiek zonder <title>")

with open(png_path, "rb") as f:
    head = f.read(24)
if head[:8] != b"\x89PNG\r\n\x1a\n":
    problems.append("de schermafdruk is geen PNG")
else:
    w, h = struct.unpack(">II", head[16:24])
    if (w, h) != (1280, 4000):
        problems.append(f"de schermafdruk is {w}x{h}, verwacht 1280x4000")

if problems:
    for p in problems:
        print(f"browser_check: FOUT in {name}: {p}", file=sys.stderr)
    sys.exit(1)
print(f"browser_check: {name}: samenvatting met {page.summary_rows} rij(en), {len(titles)} knelpuntkop(pen), "
      f"{len(sections)} sectiekoppen, {len(page.svgs)} grafiek(en) waarvan {len(page.tornado)} tornadografiek(en), "
      f"{len(estimated)} populatieschatting(en) met gevoeligheid in orde")
PY
    then
        failed=$((failed + 1))
        continue
    fi
    passed=$((passed + 1))
    say "schermafdruk: $png"
done

if [ "$failed" -ne 0 ]; then
    echo "browser_check: de browsercontrole vond fouten (zie hierboven); bestanden in $out" >&2
    echo "browser_check: $passed passed, $failed failed"
    exit 1
fi
say "alles in orde; rapporten, DOM en schermafdrukken in $out"
echo "browser_check: $passed passed, $failed failed"
