a=literal
b='$a ${a} $(cmd) `cmd` \n'
c='it"s'
