a=1 b=2
f() { local a=10 b c=30; b=20; in="$a $b $c"; }
f
out="$a $b ${c-unset}"
