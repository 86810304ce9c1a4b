v=ok
a=${v:?not reached}
b=${v?not reached}
empty=
c=${empty?fine because set}
