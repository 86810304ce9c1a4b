if true; then a=1; fi;
for i in 1; do b=$i; done;
{ c=3; };
case x in x) d=4;; esac;
