set -- a "b c"
set -- "$@" d
n=$# last=$3 mid=$2
