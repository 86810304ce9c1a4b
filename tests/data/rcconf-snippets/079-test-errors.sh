[ a -eq 1 ]; a=$?
[ 1 = 1; b=$?
[ x y ]; c=$?
test 1 -gt; d=$?
