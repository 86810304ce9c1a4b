for f in @ROOT@/data/[ab]?.txt; do out="$out ${f##*/}"; done
for f in @ROOT@/data/[!a]*; do not_a="$not_a ${f##*/}"; done
for f in @ROOT@/data/*/x; do deep="$deep ${f#@ROOT@/data/}"; done
for f in @ROOT@/data/.*; do dots="$dots ${f##*/}"; done
#@ file /data/a1.txt
#@ file /data/b2.txt
#@ file /data/c3.txt
#@ file /data/d1/x
#@ file /data/d2/x
#@ file /data/d3/y
#@ file /data/.dot
