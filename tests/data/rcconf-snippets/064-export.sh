export a=1
export b
b=later
c=3
export c
export d="two words" e=single
x=y
export x=$x$x
