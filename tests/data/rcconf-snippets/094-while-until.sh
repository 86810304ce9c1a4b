n=0
while [ $n -lt 3 ]; do n=$((n+1)); done
m=5
until [ $m -le 2 ]; do m=$((m-1)); done
while false; do never=1; done
w=$?
