set -- p q
for i; do out="$out$i"; done
for i do o2="$o2$i"; done
