#@ error
a=$((1 / 0))
