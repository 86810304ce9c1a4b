set -- one "two words" three
a=$1 b=$2 c=$3 d=$4 n=$#
e="$*"
f=$@
set --
g=$# h="[$*]"
