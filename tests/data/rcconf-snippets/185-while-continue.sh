i=0
while [ $i -lt 6 ]; do
  i=$((i+1))
  [ $((i % 2)) -eq 0 ] && continue
  odd="$odd $i"
done
