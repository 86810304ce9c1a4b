v="a b"
case $v in "a b") r1=match;; *) r1=no;; esac
case "$v" in a*) r2=match;; esac
