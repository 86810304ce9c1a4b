IFS=" :"
v="a : b  :: c "
for w in $v; do out="$out<$w>"; done
IFS=" 	
"
