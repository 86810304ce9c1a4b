for f in @ROOT@/etc/rc.conf.d/jail/*; do out="$out ${f##*/}"; done
for f in @ROOT@/etc/rc.conf.d/jail/b*; do b="$b ${f##*/}"; done
for f in @ROOT@/etc/rc.conf.d/jail/nomatch*; do none="$f"; done
for f in "@ROOT@/etc/rc.conf.d/jail/"*; do quoted="$quoted ${f##*/}"; done
for f in '@ROOT@/etc/rc.conf.d/jail/*'; do literal="${f##*/}"; done
#@ file /etc/rc.conf.d/jail/a1
x_a1=1
#@ file /etc/rc.conf.d/jail/b1
x_b1=1
#@ file /etc/rc.conf.d/jail/b2
x_b2=1
#@ file /etc/rc.conf.d/jail/.hidden
x_hidden=1
