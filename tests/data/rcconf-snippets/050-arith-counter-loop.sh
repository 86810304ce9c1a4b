i=0
while [ $i -lt 10 ]; do
  i=$((i + 1))
  list="$list $i"
done
