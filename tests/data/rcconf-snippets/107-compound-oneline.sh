if true; then a=1; else a=2; fi; for i in 1 2; do b="$b$i"; done; while false; do :; done; c=3
