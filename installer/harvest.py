"""Writes the WiX fragment `BundleFiles`: every file of the one-folder bundle except the two programs that
installer/nunrec.wxs declares itself. The same script on Linux (wixl) and Windows (WiX's candle/light),
so both builds list exactly the same files. Ids are derived from the relative path: stable across builds.

    python installer/harvest.py BUNDLE_DIR OUT.wxs
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

PROGRAMS = {"nunrec", "nunrec-gui", "nunrec.exe", "nunrec-gui.exe"}


def ident(prefix: str, relative: str) -> str:
    return prefix + hashlib.sha1(relative.encode()).hexdigest()[:30].upper()


def directory(folder: Path, bundle: Path, depth: int) -> list[str]:
    pad = "  " * depth
    lines: list[str] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        relative = entry.relative_to(bundle).as_posix()
        if entry.is_symlink():  # Linux bundles alias a few Qt libraries; an MSI has no links (Windows has none)
            print(f"harvest: skipping the link {relative}", file=sys.stderr)
            continue
        if entry.is_dir():
            lines.append(f"{pad}<Directory Id={quoteattr(ident('dir', relative))} Name={quoteattr(entry.name)}>")
            lines += directory(entry, bundle, depth + 1)
            lines.append(f"{pad}</Directory>")
        elif not (folder == bundle and entry.name in PROGRAMS):
            source = quoteattr("$(var.BundleDir)/" + relative)
            lines.append(f'{pad}<Component Id={quoteattr(ident("cmp", relative))} Guid="*">')
            lines.append(f'{pad}  <File Id={quoteattr(ident("fil", relative))} KeyPath="yes" Source={source} />')
            lines.append(f"{pad}</Component>")
    return lines


def component_refs(folder: Path, bundle: Path) -> list[str]:
    refs = []
    for entry in sorted(folder.rglob("*")):
        if entry.is_file() and not entry.is_symlink() and not (entry.parent == bundle and entry.name in PROGRAMS):
            refs.append(f'      <ComponentRef Id="{ident("cmp", entry.relative_to(bundle).as_posix())}" />')
    return refs


def main() -> None:
    bundle, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    body = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
        "  <Fragment>",
        '    <DirectoryRef Id="INSTALLDIR">',
        *directory(bundle, bundle, 3),
        "    </DirectoryRef>",
        '    <ComponentGroup Id="BundleFiles">',
        *component_refs(bundle, bundle),
        "    </ComponentGroup>",
        "  </Fragment>",
        "</Wix>",
    ]
    out.write_text("\n".join(body) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
