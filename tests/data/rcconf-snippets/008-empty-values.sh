a=
b=""
c=''
d=""''""
e=$unset_var
f="$unset_var"
