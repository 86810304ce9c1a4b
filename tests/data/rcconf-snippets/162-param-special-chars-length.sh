v='a"b'"'"'c\d'
n=${#v}
w="tab	x"
m=${#w}
