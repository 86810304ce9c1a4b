. @ROOT@/etc/part.conf
status=$?
after=1
#@ file /etc/part.conf
first=1
return 3
second=1
