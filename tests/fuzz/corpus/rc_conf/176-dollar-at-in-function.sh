f() { for a in "$@"; do out="$out<$a>"; done; }
f "one two" "" three
