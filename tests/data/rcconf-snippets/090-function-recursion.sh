count() { if [ $1 -gt 0 ]; then out="$out $1"; count $(($1 - 1)); fi; }
count 5
