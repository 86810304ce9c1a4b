for f in @ROOT@/etc/parts/*.conf; do . "$f"; done
#@ file /etc/parts/a.conf
parts="$parts a"
#@ file /etc/parts/b.conf
parts="$parts b"
#@ file /etc/parts/c.txt
parts="$parts c"
