n=0
while [ $((n += 1)) -lt 4 ]; do :; done
