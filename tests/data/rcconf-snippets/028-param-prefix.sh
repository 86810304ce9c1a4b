f=archive.tar.gz
a=${f#*.} b=${f##*.} c=${f#archive} d=${f#x}
path=/usr/local/etc
e=${path#/} f2=${path##*/} g=${path#*/}
