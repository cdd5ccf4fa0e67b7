#!/usr/bin/env bash
# Regenerates symbols-fallback.ttf: the few symbols the app prints that the bundled Noto Sans latin
# subset lacks (≤ ≥ ≈ ≠ → ← ↑ ↓ √ ‰ Σ Δ α ▲ ▼ ✓ ⁿ ⁹ and the hyphens U+2010-2012), cut from DejaVu
# Sans (Debian's fonts-dejavu-core) with fontTools' pyftsubset (Debian's python3-fonttools), so a
# PDF prints "≤ 5" and not "<= 5". Run it again when the app starts printing another symbol.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
  --unicodes='U+2264,U+2265,U+2248,U+2260,U+2192,U+2190,U+2191,U+2193,U+221A,U+2030,U+03A3,U+0394,U+03B1,U+25B2,U+25BC,U+2713,U+207F,U+2079,U+2010-2012,U+0020' \
  --layout-features='' --no-hinting --desubroutinize --name-IDs='*' --drop-tables+=GSUB,GPOS,GDEF \
  --output-file="$here/symbols-fallback.ttf"
