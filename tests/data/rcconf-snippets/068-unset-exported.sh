export e=1
unset e
e=again
