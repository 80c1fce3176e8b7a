#!/bin/sh
# Regenerates the viewer's sample profile, public/examples/sleeper.pstats, with the
# machine's real cProfile (takes six seconds: the program really sleeps).
set -eu
cd "$(dirname "$0")/../src/content/examples/python"
python3 -m cProfile -o ../../../../public/examples/sleeper.pstats sleeper.py
cp sleeper.py ../../../../public/examples/sleeper.py
python3 -c "import pstats; pstats.Stats('../../../../public/examples/sleeper.pstats').sort_stats('cumulative').print_stats(8)"
