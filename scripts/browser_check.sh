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
swift run --skip-build doenbaar knelpunten --out "$out" 2>"$out/knelpunten.log" >/dev/null \
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
    for f in "$out"/invoeringstoets-*.html; do
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
        self.lang = None
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
        if tag == "title" and "svg" in self.stack:
            self.svg_titles += 1
        self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag == "section":
            self.in_minister = False
        if self.open_heading and tag == self.open_heading[0]:
            self.headings.append((tag, " ".join(self.open_heading[1].split())))
            self.open_heading = None
        if tag == "table" and self.in_summary:
            self.in_summary -= 1
        while self.stack:
            if self.stack.pop() == tag:
                break
    def handle_data(self, data):
        if self.open_heading:
            self.open_heading[1] += data

page = Page()
page.feed(dom)
problems = []

def heading_with(text, tags):
    return any(text in h for t, h in page.headings if t in tags)

if page.lang != "nl":
    problems.append('<html lang="nl"> ontbreekt')
if not page.summary_rows:
    problems.append("de samenvattende tabel (id samenvatting-tabel) ontbreekt of is leeg")

if "knelpunten" in report and "personas" in report and "opgelost" not in report:
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
    titles = [k["titel"] for key in ("opgelost", "blijvend", "nieuw") for k in report.get(key, [])]
    sections = ["Samenvatting", "De hervorming", "Werkt de regeling zoals bedoeld?", "Opgeloste knelpunten",
                "Blijvende knelpunten", "Nieuwe knelpunten", "Inkomen per persona, voor en na", "Werkwijze"]
    knelpunt_tags = ("h3",)

for s in sections:
    if not heading_with(s, ("h2",)):
        problems.append(f"sectiekop '{s}' ontbreekt")
missing = [t for t in titles if not heading_with(" ".join(t.split()), knelpunt_tags)]
for t in missing:
    problems.append(f"kop van knelpunt ontbreekt: {t}")
if report.get("titel") and not heading_with(" ".join(report["titel"].split()), ("h1",)):
    problems.append("de titel (h1) ontbreekt")

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
      f"{len(sections)} sectiekoppen, {len(page.svgs)} grafiek(en) in orde")
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
