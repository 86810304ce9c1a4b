i=3
a="total: $((i * 2)) items"
b="$(( i + $i ))"
c=$((i))
