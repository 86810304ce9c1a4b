v="a b"
export e1=$v
export e2="$v" e3=$v
n=e4
export $n=5
