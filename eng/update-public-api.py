#!/usr/bin/env python3
"""Records public API changes of the shipped libraries in their PublicAPI.Unshipped.txt.

Builds each project that has a PublicAPI.Shipped.txt, reads the analyzer's RS0016 (public symbol not declared) and
RS0017 (declared symbol gone) errors, and writes them down: an addition as a line in PublicAPI.Unshipped.txt, a removal
by deleting the line from Unshipped or, when it had shipped, as "*REMOVED*<line>". Commit the result together with
the change. The build itself fails on any public change that is not recorded.
"""
import pathlib, re, subprocess, sys

root = pathlib.Path(__file__).resolve().parent.parent
pattern = re.compile(r"error (RS0016|RS0017): Symbol '(.+?)' (?:is not part of|is part of) the declared")

for shipped in sorted(root.glob("*/PublicAPI.Shipped.txt")):
    project = next(shipped.parent.glob("*.csproj"))
    print(f"==> {project.relative_to(root)}")
    build = subprocess.run(["dotnet", "build", str(project), "-c", "Release", "--no-incremental", "-p:TreatWarningsAsErrors=true"],
                           capture_output=True, text=True)
    added, removed = set(), set()
    for rule, symbol in pattern.findall(build.stdout):
        (added if rule == "RS0016" else removed).add(symbol)
    unshipped_path = shipped.parent / "PublicAPI.Unshipped.txt"
    shipped_lines = set(shipped.read_text().splitlines())
    lines = [l for l in unshipped_path.read_text().splitlines() if l and l != "#nullable enable"]
    lines = [l for l in lines if l not in removed]
    lines += [f"*REMOVED*{s}" for s in removed if s in shipped_lines]
    lines += [s for s in added if s not in lines]
    unshipped_path.write_text("#nullable enable\n" + "".join(l + "\n" for l in sorted(set(lines), key=lambda l: l.removeprefix("*REMOVED*"))))
    print(f"    {len(added)} added, {len(removed)} removed")
    if build.returncode != 0 and not (added or removed):
        sys.exit(build.stdout[-3000:])
