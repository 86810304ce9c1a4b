b=inner
a=${unset1:-${b}}
c=${unset1:-${unset2:-deep}}
d=${unset1:-"$b and more"}
e="${unset1:-${b:+yes}}"
f=${b:+${b}${b}}
