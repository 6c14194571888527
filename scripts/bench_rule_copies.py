#!/usr/bin/env python3
"""Writes the benchmark rules k times over, for measuring cost against the number of rules.

Copy 0 is the file as it is. Copies 1..k-1 rename every parameter, definition
and rule (NAME -> NAME_j), shift every parameter value a little (so no two
copies compute the same thing and the plan cannot share them), and turn rules
into definitions (a benefit has one rule). A final definition `totaal_alle`
adds the k totals, so every copy is needed. The inputs are shared.

    python3 scripts/bench_rule_copies.py 4 < Benchmarks/ww_wajong.regels > copies.regels
"""
import re
import sys
from decimal import Decimal


def shift(value, j):
    """A parameter value, slightly different for copy j."""
    m = re.fullmatch(r"(€ )?([0-9]+(?:,[0-9]+)?)( ?%| dagen)?", value.strip())
    if not m:
        return value
    number = Decimal(m.group(2).replace(",", ".")) + Decimal(j) / 1000
    return f"{m.group(1) or ''}{str(number).replace('.', ',')}{m.group(3) or ''}"


def copy(text, j):
    names = re.findall(r"^(?:parameter|definitie|regel) ([a-z_0-9]+)", text, re.M)
    rename = lambda s: re.sub(r"\b(" + "|".join(names) + r")\b", lambda m: f"{m.group(1)}_{j}", s)
    out, declaration = [], []

    def flush():
        if not declaration:
            return
        head = declaration[0]
        if head.startswith("regel "):
            # regel NAME / uitkomst X per maand / als C / = B  ->  definitie NAME: bedrag per maand = als C dan B anders € 0
            name = head.split()[1]
            condition = next((l.strip()[4:] for l in declaration if l.strip().startswith("als ")), None)
            body = next(l.strip()[2:] for l in declaration if l.strip().startswith("= "))
            out.append(f"definitie {name}: bedrag per maand")
            out.extend(l for l in declaration[1:] if l.strip().startswith("bron "))
            out.append(f"  = als {condition} dan {body} anders € 0" if condition else f"  = {body}")
        elif head.startswith(("parameter ", "definitie ")):
            for l in declaration:
                m = re.match(r"^(  vanaf \S+ = )(.*?)(  bron .*)?$", l)
                out.append(m.group(1) + shift(m.group(2), j) + (m.group(3) or "") if m else l)
        declaration.clear()

    for line in text.splitlines():
        if line and not line.startswith((" ", "#")):
            flush()
        if line.startswith(("parameter ", "definitie ", "regel ")) or (declaration and line.startswith(" ")):
            declaration.append(rename(line))
    flush()
    return "\n".join(out)


def main():
    k = int(sys.argv[1])
    text = sys.stdin.read()
    parts = [text] + [copy(text, j) for j in range(1, k)]
    total = " + ".join(["totaal_inkomen"] + [f"totaal_inkomen_{j}" for j in range(1, k)])
    parts.append(f"""definitie totaal_alle: bedrag per maand
  bron "scripts/bench_rule_copies.py: de som van {k} kopieën"
  = {total}
""")
    print("\n\n".join(parts))


if __name__ == "__main__":
    main()
