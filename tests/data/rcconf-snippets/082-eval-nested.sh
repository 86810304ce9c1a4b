a=b
eval "eval \"c=\$a\""
eval 'if true; then d=yes; fi'
