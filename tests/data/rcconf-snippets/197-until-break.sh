n=0
until false; do
  n=$((n+1))
  [ $n -ge 3 ] && break
done
