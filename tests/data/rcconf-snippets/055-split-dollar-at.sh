set -- "a b" "" c
for w in "$@"; do out="$out<$w>"; done
for w in $@; do out2="$out2<$w>"; done
for w in "$*"; do out3="$out3<$w>"; done
for w in x"$@"y; do out4="$out4<$w>"; done
set --
for w in "$@"; do out5=bad; done
for w in "$*"; do out6="<$w>"; done
