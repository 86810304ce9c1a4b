set -- a b c d e
shift
a=$1 n1=$#
shift 2
b=$1 n2=$#
shift 0
c=$1
set x y
d="$1$2$#"
