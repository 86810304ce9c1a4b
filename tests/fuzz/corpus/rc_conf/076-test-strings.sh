e=
[ "abc" = "abc" ] && a=1
[ "abc" != "abd" ] && b=1
[ -n "x" ] && c=1
[ -z "$e" ] && d=1
[ -n "$e" ] || f=1
test "x" = x && g=1
[ "x" ] && h=1
[ "" ] || i=1
[ a \< b ] && j=1
[ b \> a ] && k=1
