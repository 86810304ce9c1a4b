: this does nothing
: "${a:=set by colon}"
: ${b=plain}
x=1 :
