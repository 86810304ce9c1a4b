f() { n=$#; first=$1; all="$*"; shift; rest="$@"; }
f one two three
outer_n=$#
