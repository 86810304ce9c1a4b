v='*'
case $v in '*') r=star;; esac
#@ file /data/x
