for i in a b c; do out="$out$i"; done
for i in; do never=1; done
for i
do
  nope=1
done
for j in x y
do o2="$o2$j"
done
