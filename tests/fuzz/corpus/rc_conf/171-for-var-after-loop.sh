for i in a b last; do :; done
after=$i
for j in; do :; done
j_after=${j-unset}
