D=@ROOT@/data
[ -r $D/file ] && a=1
[ -f $D/file ] && b=1
[ -d $D ] && c=1
[ -e $D/missing ] || d=1
[ -s $D/file ] && e=1
[ -s $D/empty ] || f=1
[ -f $D/sub ] || g=1
[ -d $D/file ] || h=1
[ -x $D/exec ] && i=1
[ -x $D/file ] || j=1
[ -r $D/unreadable ] && k=1
[ -L $D/link ] && l=1
[ -h $D/file ] || m=1
[ -w $D/file ] && n=1
#@ file /data/file
content
#@ file /data/empty
#@ file /data/exec 755
#!/bin/sh
#@ file /data/unreadable 000
secret=1
#@ dir /data/sub
#@ link /data/link file
