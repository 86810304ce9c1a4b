for i in 1 2 3 4 5; do
  [ $i = 2 ] && continue
  [ $i = 4 ] && break
  out="$out $i"
done
for i in a b; do
  for j in 1 2 3; do
    [ $j = 2 ] && continue 2
    pairs="$pairs $i$j"
  done
done
for i in a b; do
  for j in 1 2; do
    [ $i = b ] && break 2
    p2="$p2 $i$j"
  done
done
