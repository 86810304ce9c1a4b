true && false || a=1
false && b=never || b=alt
true || c=never
false && d=never
e=start
true && e="$e 1" && e="$e 2" || e="$e 3"
! false && f=1
