set -f
for f in @ROOT@/data/*; do off="$off $f"; done
set +f
for f in @ROOT@/data/*; do on="$on ${f##*/}"; done
#@ file /data/one
