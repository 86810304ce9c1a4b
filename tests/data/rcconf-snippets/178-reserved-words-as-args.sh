a=if b=then c=fi
: if then else fi do done case esac while
d="for"
e=in
