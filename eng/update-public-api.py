#!/usr/bin/env python3
"""Brings the PublicAPI.*.txt files of the pinned libraries up to the code, from the public API analyzers' own
messages: RS0016 (a public symbol the files lack) adds the symbol to PublicAPI.Unshipped.txt; RS0017 (a listed symbol
that is gone) removes it from either file. Run it after a deliberate change to a public API, then review the diff.
Usage: eng/update-public-api.py   (from anywhere; it builds the solution once, then again to check)."""
import os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
pattern = re.compile(r"^(?P<file>/\S+?\.(?:cs|txt))\(\d+,\d+\): error (?P<id>RS001[67]): Symbol '(?P<symbol>.+?)' (is not part|is part) of the declared")

def build():
    run = subprocess.run(["dotnet", "build", os.path.join(root, "ProductSearch.sln"), "-nologo", "-v", "q"], capture_output=True, text=True)
    return run.returncode, run.stdout + run.stderr

def project_dir(path):
    folder = os.path.dirname(path)
    while folder != root and not any(f.endswith(".csproj") for f in os.listdir(folder)):
        folder = os.path.dirname(folder)
    return folder

# The analyzers report removed symbols (RS0017) only once the added ones (RS0016) are listed: a few rounds settle it.
for _ in range(3):
    code, output = build()
    adds, removes = {}, {}
    for line in output.splitlines():
        match = pattern.match(line.strip())
        if not match:
            continue
        target = adds if match["id"] == "RS0016" else removes
        target.setdefault(project_dir(match["file"]), set()).add(match["symbol"])
    if not adds and not removes:
        break
    for folder in set(adds) | set(removes):
        for name in ("PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt"):
            path = os.path.join(folder, name)
            lines = open(path).read().splitlines()
            kept = [l for l in lines if l not in removes.get(folder, set())]
            if name == "PublicAPI.Unshipped.txt":
                kept += sorted(adds.get(folder, set()) - set(kept))
            open(path, "w").write("\n".join(kept) + "\n")
        print(f"{os.path.relpath(folder, root)}: +{len(adds.get(folder, ()))} -{len(removes.get(folder, ()))}")
print("build " + ("clean" if code == 0 else "still failing:\n" + "\n".join(l for l in output.splitlines() if " error " in l)[:4000]))
sys.exit(code)
