f=archive.tar.gz
a=${f%.*} b=${f%%.*} c=${f%.gz} d=${f%x}
path=/usr/local/etc/rc.d
e=${path%/rc.d} f2=${path%/*} g=${path%%/*}
