x=X
a="a"'b'c"$x"'$x'$x"d"
b=pre"$x"post
c='one'"two"'three'
