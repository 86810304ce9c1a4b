readonly r1=one
r2=two
readonly r2
readonly r3
x=1
