set -- a b c
x=$@
y="$@"
z=$*
IFS=:
p=$@
q="$*"
IFS=
r="$*"
unset IFS
s="$*"
