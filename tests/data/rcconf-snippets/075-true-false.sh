true && a=yes
false || b=no
true; s1=$?
false; s2=$?
! true; s3=$?
! false; s4=$?
