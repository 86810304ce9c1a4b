a=one\
two
b="dq\
joined"
c='sq\
kept'
jail_\
list=split_name
d=x; \
e=y
