v=hello
empty=
a=${#v} b=${#empty} c=${#unset_v}
long="a b c d e f"
d=${#long}
