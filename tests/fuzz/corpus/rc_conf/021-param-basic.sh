name=value
a=$name
b=${name}
c=${name}suffix
d=$namesuffix
e="${name}"
